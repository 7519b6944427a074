import { parse as parseGiftIndependently } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { escapeGift, renderGift } from '../../src/core/interchange/gift.js';
import { parseGift } from '../../src/core/interchange/gift-parse.js';
import { asValidDeck, EDGE, fixture, loadDeck, SAMPLE, without } from './helpers.js';

describe('escapeGift', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a ~ b', 'a \\~ b'],
    ['x = y', 'x \\= y'],
    ['#1', '\\#1'],
    ['{set}', '\\{set\\}'],
    ['key: value', 'key\\: value'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeGift(input)).toBe(expected);
  });
});

describe('GIFT export', () => {
  it('writes the sample deck as the GIFT documentation shows, and says what it leaves out', () => {
    const { text, losses } = renderGift([loadDeck(SAMPLE)]);
    expect(text).toBe(fixture('sample.gift'));
    expect(losses.map((l) => `${l.cardId}: ${l.what}`)).toEqual([
      'esx-hypervisor-name: the reverse direction (reverse: true)',
      'kvm-merge: cloze hints',
    ]);
  });

  it('parses with an independent GIFT parser (gift-pegjs): types, answers, weights, feedback, tags', () => {
    const questions = parseGiftIndependently(renderGift([loadDeck(SAMPLE), loadDeck(EDGE)]).text);
    const byTitle = new Map(
      questions.filter((q) => q.type !== 'Category').map((q) => [(q as { title: string }).title, q]),
    );
    expect([...byTitle.keys()]).toEqual([
      'esx-hypervisor-name',
      'hyperv-parent',
      'xen-pv-hw',
      'kvm-merge/c1',
      'kvm-merge/c2',
      'gift-specials',
      'html-specials',
      'multi-select',
      'single-choice',
      'three-deletions/c1',
      'three-deletions/c2',
      'three-deletions/c3',
      'multiline',
      'chinese',
      'truefalse-true',
    ]);
    const specials = byTitle.get('gift-specials') as Extract<(typeof questions)[number], { type: 'Short' }>;
    expect(specials.type).toBe('Short');
    expect(specials.stem.text).toBe('In GIFT, which characters are special: ~ = # { } : and the backslash \\?');
    expect(specials.choices.map((c) => c.text.text)).toEqual(['~ = # { } :', '{a} = b', 'x:y']);
    expect(specials.globalFeedback?.text).toBe('Each one is escaped with a backslash: \\~ \\= \\# \\{ \\} \\:');
    const multi = byTitle.get('multi-select') as Extract<(typeof questions)[number], { type: 'MC' }>;
    expect(multi.type).toBe('MC');
    const weights = multi.choices.map((c) => c.weight ?? 0);
    expect(weights.filter((w) => w > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
    expect(weights.filter((w) => w < 0).reduce((a, b) => a + b, 0)).toBeCloseTo(-100, 3);
    expect(multi.choices.filter((c) => (c.weight ?? 0) > 0).map((c) => c.text.text)).toEqual(['2', '3', '5']);
    const single = byTitle.get('single-choice') as Extract<(typeof questions)[number], { type: 'MC' }>;
    expect(single.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual(['d#e']);
    expect(single.stem.text).toBe('Pick the odd one out: {braces}');
    expect(byTitle.get('xen-pv-hw')).toMatchObject({ type: 'TF', isTrue: false, tags: ['xen'] });
    expect(byTitle.get('three-deletions/c2')).toMatchObject({ type: 'Short', hasEmbeddedAnswers: true });
    expect((byTitle.get('multiline') as { stem: { text: string } }).stem.text).toBe(
      'Two lines:\nthe first and the second?',
    );
  });

  it('reports a card type it does not know (an order card) instead of dropping it silently', () => {
    const deck = {
      deck: 'd',
      title: 'D',
      lang: 'en',
      file: 'd.yaml',
      cards: [{ id: 'steps', type: 'order', q: 'Order them', items: ['a', 'b'] } as unknown as Card],
    } as Deck;
    const { text, losses } = renderGift([deck]);
    expect(text).toBe('');
    expect(losses).toEqual([
      { deckId: 'd', cardId: 'steps', what: 'an order card (no GIFT question type for it)', whole: true },
    ]);
  });
});

describe('GIFT import', () => {
  it('reads the forms of the Moodle documentation, naming what it skips', () => {
    const { cards, messages } = parseGift(fixture('moodle-docs.gift'));
    asValidDeck(cards);
    expect(cards).toEqual([
      {
        id: 'sun-star',
        section: 'planets',
        why: 'The Sun is a main-sequence star.',
        type: 'truefalse',
        q: 'The Sun is a star.',
        answer: true,
      },
      {
        id: 'pluto-planet',
        section: 'planets',
        type: 'truefalse',
        q: 'Pluto is one of the eight planets of the solar system.',
        answer: false,
      },
      {
        id: 'largest-planet',
        section: 'planets',
        type: 'choice',
        q: 'Which is the largest planet?',
        choices: ['Jupiter', 'Saturn', 'Earth', 'Mars'],
        answer: 'Jupiter',
      },
      {
        id: 'gas-giants',
        section: 'planets',
        type: 'choice',
        q: 'Which of these are gas giants?',
        choices: ['Jupiter', 'Saturn', 'Mars', 'Venus'],
        answer: ['Jupiter', 'Saturn'],
      },
      {
        id: 'earth-moon',
        section: 'moons',
        q: "What is the name of Earth's natural satellite?",
        a: 'Moon',
        accept: ['the Moon', 'Luna'],
      },
      {
        id: 'io-moon',
        section: 'moons',
        type: 'choice',
        q: 'Io is a moon of _____.',
        choices: ['Jupiter', 'Saturn', 'Mars'],
        answer: 'Jupiter',
      },
      {
        id: 'titan',
        section: 'moons',
        type: 'cloze',
        text: 'The largest moon of Saturn is {{Titan}}, larger than Mercury.',
      },
      {
        id: 'escapes',
        section: 'moons',
        q: 'Which symbol means "approximately" in {math}: ~ or =?',
        a: '~ (tilde)',
        accept: ['tilde'],
      },
      {
        id: 'what-colour-is-mars-in-the-night-sky',
        section: 'moons',
        q: 'What colour is Mars in the night sky?',
        a: 'red',
        accept: ['reddish'],
      },
      { id: 'moons-of-mars', section: 'moons', q: 'How many moons does Mars have?', a: '2' },
    ]);
    expect(messages).toEqual([
      'line 47 (moon-distance): a numerical question with a range or tolerance has no quizdeck card type; skipped',
      'line 50 (match): a matching question has no quizdeck card type; skipped',
      'line 53 (essay): an essay question has no quizdeck card type; skipped',
      'line 56: a description (text without answers) has no card type; skipped',
    ]);
  });

  it('round trip YAML -> GIFT -> YAML keeps every card, less what GIFT cannot carry', () => {
    for (const path of [SAMPLE, EDGE]) {
      const deck = loadDeck(path);
      const { cards, messages } = parseGift(renderGift([deck]).text);
      expect(messages).toEqual([]);
      asValidDeck(cards);
      const expected = deck.cards.map((card) => {
        const c = without(card, 'reverse') as Card & { text?: string };
        // GIFT has no hints; the categories carry the section.
        if (c.type === 'cloze') return { ...c, text: c.text!.replace(/::[^}]*\}\}/g, '}}') };
        return c;
      });
      expect(cards).toEqual(expected);
    }
  });
});

describe('asterisks in short answers', () => {
  const deck = {
    deck: 'd',
    title: 'D',
    lang: 'en',
    file: 'd.yaml',
    cards: [
      { id: 'product', q: 'Write two times three as a product', a: '2*3', accept: ['2 * 3'] },
      { id: 'glob', type: 'cloze', text: 'The pattern {{*.txt}} matches text files.' },
    ],
  } as Deck;

  it('are escaped, since Moodle reads * in a short answer as "anything", and read back', () => {
    const { text } = renderGift([deck]);
    expect(text).toContain('{=2\\*3 =2 \\* 3}');
    expect(text).toContain('{=\\*.txt}');
    expect(parseGift(text).cards).toEqual(deck.cards);
  });
});
