import { describe, expect, it } from 'vitest';
import { answerOf, choiceLetter, type SheetQuestion } from '../../src/core/sheet/model.js';
import { MANY, SAMPLE, sheetOf } from './decks.js';

/** What the key says, resolved back to text: the same for a question in every version. */
function resolvedAnswer(q: SheetQuestion): unknown {
  const answer = answerOf(q.body);
  if (q.body.type !== 'choice') return answer;
  const choices = q.body.choices;
  const letters = Array.isArray(answer) ? answer : [answer as string];
  return letters.map((l) => choices[choices.findIndex((_, i) => choiceLetter(i) === l)]).sort();
}

describe('buildSheet', () => {
  it('is the same for the same seed, and different for another seed', () => {
    const a = sheetOf([MANY], { seed: 'x', versions: 3 });
    expect(sheetOf([MANY], { seed: 'x', versions: 3 })).toEqual(a);
    const b = sheetOf([MANY], { seed: 'y', versions: 3 });
    expect(b.versions[0]!.questions.map((q) => q.key)).not.toEqual(a.versions[0]!.questions.map((q) => q.key));
  });

  it('labels versions A, B, C and numbers each from 1', () => {
    const sheet = sheetOf([MANY], { versions: 3 });
    expect(sheet.versions.map((v) => v.label)).toEqual(['A', 'B', 'C']);
    for (const v of sheet.versions)
      expect(v.questions.map((q) => q.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives each version the same questions in its own order with its own choice order', () => {
    const [a, b] = sheetOf([MANY], { versions: 2 }).versions;
    expect(new Set(b!.questions.map((q) => q.key))).toEqual(new Set(a!.questions.map((q) => q.key)));
    expect(b!.questions.map((q) => q.key)).not.toEqual(a!.questions.map((q) => q.key));
    const choicesOf = (v: typeof a) =>
      Object.fromEntries(v!.questions.map((q) => [q.key, q.body.type === 'choice' ? q.body.choices.join('|') : '']));
    const ca = choicesOf(a);
    const cb = choicesOf(b);
    expect(Object.keys(ca).filter((k) => ca[k] !== cb[k]).length).toBeGreaterThan(10);
  });

  it('has a key in every version that points at the right choice (single and multiple answers)', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const sheet = sheetOf([SAMPLE, MANY], { seed, versions: 4 });
      const expected = new Map(sheet.versions[0]!.questions.map((q) => [q.key, resolvedAnswer(q)]));
      for (const v of sheet.versions)
        for (const q of v.questions)
          expect(resolvedAnswer(q), `${seed} ${v.label} ${q.key}`).toEqual(expected.get(q.key));
      const multi = sheet.versions[0]!.questions.find((q) => q.key === 'hw-assist')!;
      expect(resolvedAnswer(multi)).toEqual(['Hyper-V', 'KVM']);
    }
  });

  it('keeps version B the same whether 2 or 5 versions are printed', () => {
    expect(sheetOf([MANY], { versions: 5 }).versions[1]).toEqual(sheetOf([MANY], { versions: 2 }).versions[1]);
  });

  it('carries the settings through', () => {
    const sheet = sheetOf([SAMPLE], {
      title: 'T',
      lang: 'zh',
      seed: 's',
      date: '2026-01-02',
      paper: 'letter',
      answers: 'only',
    });
    expect(sheet).toMatchObject({
      title: 'T',
      lang: 'zh',
      seed: 's',
      date: '2026-01-02',
      paper: 'letter',
      answers: 'only',
    });
  });
});
