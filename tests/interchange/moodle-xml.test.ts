import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/schema.js';
import { renderGift } from '../../src/core/interchange/gift.js';
import { renderMoodleXml } from '../../src/core/interchange/moodle-xml.js';
import { UNEVEN_WEIGHTS } from '../../src/core/interchange/weights.js';
import { EDGE, fixture, loadDeck, SAMPLE } from './helpers.js';

/** Every element closed in order, nothing but comments, declarations and CDATA in between: well-formed enough to tell a broken writer. */
function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([a-z]+)([^>]*?)(\/?)>/g)) {
    if (m[4]) continue;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot);)/);
}

function questions(xml: string) {
  return [...xml.matchAll(/<question type="([a-z]+)">([\s\S]*?)<\/question>/g)].map((m) => ({
    type: m[1]!,
    body: m[2]!,
  }));
}

describe('Moodle XML export', () => {
  it('writes the sample deck as expected', () => {
    const { text, losses } = renderMoodleXml([loadDeck(SAMPLE)]);
    expect(text).toBe(fixture('sample.moodle.xml'));
    expect(losses.map((l) => l.what)).toEqual(['the reverse direction (reverse: true)', 'cloze hints']);
  });

  it('is well-formed, with one question of the right type per card and the categories between', () => {
    const { text } = renderMoodleXml([loadDeck(SAMPLE), loadDeck(EDGE)]);
    checkWellFormed(text);
    expect(
      questions(text)
        .filter((q) => q.type !== 'category')
        .map((q) => q.type),
    ).toEqual([
      'shortanswer',
      'multichoice',
      'truefalse',
      'cloze',
      'shortanswer',
      'shortanswer',
      'multichoice',
      'multichoice',
      'cloze',
      'shortanswer',
      'shortanswer',
      'truefalse',
    ]);
    expect(
      questions(text)
        .filter((q) => q.type === 'category')
        .map((q) => /<text>(.*)<\/text>/.exec(q.body)![1]),
    ).toContain('$course$/Edge cases &amp; &lt;specials&gt;/markup &amp; more');
  });

  it('weights a multi-select so the right answers sum to 100% and the wrong ones to -100%', () => {
    const multi = questions(renderMoodleXml([loadDeck(EDGE)]).text).find((q) => q.body.includes('multi-select'))!;
    expect(multi.body).toContain('<single>false</single>');
    const fractions = [...multi.body.matchAll(/fraction="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
    expect(fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
    expect(fractions.filter((f) => f < 0).reduce((a, b) => a + b, 0)).toBeCloseTo(-100, 3);
  });

  it('names a multi-select whose right choices Moodle cannot weight to exactly 100% (more than 10), in XML and GIFT', () => {
    const deckOf = (right: number): Deck => {
      const choices = Array.from({ length: right + 1 }, (_, i) => `c${i}`);
      const card = { id: 'many', type: 'choice', q: 'Which?', choices, answer: choices.slice(0, right) };
      return { deck: 'd', title: 'D', lang: 'en', file: 'd.yaml', cards: [card] } as unknown as Deck;
    };
    for (const render of [renderMoodleXml, renderGift]) {
      for (let right = 2; right <= 10; right++) expect(render([deckOf(right)]).losses, `${right}`).toEqual([]);
      for (const right of [11, 12])
        expect(render([deckOf(right)]).losses).toEqual([{ deckId: 'd', cardId: 'many', what: UNEVEN_WEIGHTS }]);
    }
  });

  it('writes cloze cards as embedded answers, short answers with every accepted answer, why as general feedback', () => {
    const text = renderMoodleXml([loadDeck(SAMPLE), loadDeck(EDGE)]).text;
    expect(text).toContain(
      '<![CDATA[KVM was merged into Linux {1:SHORTANSWER:=2.6.20} in {1:SHORTANSWER:=February 2007}.]]>',
    );
    expect(text).toContain(
      '<answer fraction="100"><text>VMkernel</text></answer>\n    <answer fraction="100"><text>the VMkernel</text></answer>',
    );
    expect(text).toContain(
      '<generalfeedback format="html"><text><![CDATA[PV guests run a modified kernel, so they need no VT-x or AMD-V.]]></text></generalfeedback>',
    );
    expect(text).toContain(
      '<answer fraction="0"><text>true</text></answer>\n    <answer fraction="100"><text>false</text></answer>',
    );
  });
});

describe('asterisks', () => {
  it('are escaped in short answers and embedded answers, where Moodle reads * as "anything"', () => {
    const deck = {
      deck: 'd',
      title: 'D',
      lang: 'en',
      file: 'd.yaml',
      cards: [
        { id: 'p', q: 'Two times three?', a: '2*3' },
        { id: 'g', type: 'cloze', text: 'The pattern {{*.txt}} matches.' },
      ],
    } as Deck;
    const { text } = renderMoodleXml([deck]);
    expect(text).toContain('<answer fraction="100"><text>2\\*3</text></answer>');
    expect(text).toContain('The pattern {1:SHORTANSWER:=\\*.txt} matches.');
  });
});
