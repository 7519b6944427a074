import { describe, expect, it } from 'vitest';
import { renderSheetJson, sheetToJson } from '../../src/core/sheet/json.js';
import { MANY, SAMPLE, sheetOf } from './decks.js';

describe('renderSheetJson', () => {
  it('has {title, seed, versions: [{label, questions: [{number, type, prompt, choices?, answer, why?}]}]}', () => {
    const json = JSON.parse(renderSheetJson(sheetOf([SAMPLE], { seed: '7', versions: 2 })));
    expect(Object.keys(json)).toEqual(['title', 'seed', 'versions']);
    expect(json.title).toBe('Hypervisor basics');
    expect(json.seed).toBe('7');
    expect(json.versions.map((v: { label: string }) => v.label)).toEqual(['A', 'B']);
    const byType = Object.fromEntries(json.versions[0].questions.map((q: { type: string }) => [q.type, q]));
    expect(byType.truefalse).toEqual({
      number: expect.any(Number),
      type: 'truefalse',
      prompt: 'Xen PV guests need VT-x.',
      answer: false,
      why: 'PV guests run a modified kernel.',
    });
    expect(byType.cloze).toEqual({
      number: expect.any(Number),
      type: 'cloze',
      prompt: 'KVM was merged into Linux (1) ____ [version] in (2) ____.',
      answer: ['2.6.20', 'February 2007'],
    });
    expect(Object.keys(byType.basic)).toEqual(['number', 'type', 'prompt', 'answer', 'why']);
  });

  it('gives a choice answer as its letter, or a list of letters, matching the printed choices', () => {
    const sheet = sheetToJson(sheetOf([SAMPLE, MANY], { versions: 3 }));
    for (const v of sheet.versions)
      for (const q of v.questions.filter((x) => x.type === 'choice')) {
        const letters = Array.isArray(q.answer) ? q.answer : [q.answer as string];
        const texts = letters.map((l) => q.choices![l.charCodeAt(0) - 65]);
        if (q.prompt.startsWith('Which need')) expect(texts.sort()).toEqual(['Hyper-V', 'KVM']);
        else if (q.prompt.startsWith('Which partition')) expect(texts).toEqual(['Parent partition']);
        else expect(texts).toEqual([q.prompt.replace(/^Question (\d+)\?$/, 'right $1')]);
      }
  });

  it('includes the date only when given', () => {
    expect(sheetToJson(sheetOf([SAMPLE], { date: 'Friday' })).date).toBe('Friday');
  });
});
