import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';
import { plainPaint } from '../../src/core/paint.js';
import { canOverrule, gradeResponse, outcomeVerdict, suggestedRating } from '../../src/core/question/grade.js';
import { buildQuestion, correctChoiceIndexes, quizQuestion, type Response } from '../../src/core/question/model.js';
import { formatItemPrompt } from '../../src/core/question/prompt.js';

const items = (card: Card) => expandCard({ deck: 'd', lang: 'en' }, card);
const [front, back] = items({
  id: 'hv',
  q: 'Hypervisor of ESX?',
  a: 'VMkernel',
  accept: ['the VMkernel'],
  reverse: true,
} as Card);
const choice = items({
  id: 'c',
  type: 'choice',
  q: 'Which?',
  choices: ['one', 'two', 'three'],
  answer: ['one', 'three'],
} as Card)[0]!;
const order = items({ id: 'o', type: 'order', q: 'Boot?', steps: ['BIOS', 'Xen', 'Dom0'] } as Card)[0]!;
const tf = items({ id: 't', type: 'truefalse', q: 'PV needs VT-x.', answer: false } as Card)[0]!;

describe('buildQuestion', () => {
  it('asks basic items typed or recalled, says which side is the reverse, and keeps the deck order without seeds', () => {
    expect(buildQuestion(front!)).toMatchObject({ kind: 'recall', reverse: false });
    expect(buildQuestion(back!, { typed: true })).toMatchObject({
      kind: 'typed',
      reverse: true,
      key: { answer: 'Hypervisor of ESX?', accept: [] },
    });
    expect(buildQuestion(front!, { typed: true })).toMatchObject({
      key: { answer: 'VMkernel', accept: ['the VMkernel'] },
    });
    const plain = buildQuestion(choice);
    expect(plain).toMatchObject({ kind: 'choice', choices: ['one', 'two', 'three'], multi: true });
    if (plain.kind === 'choice') expect(correctChoiceIndexes(plain)).toEqual([0, 2]);
    expect(buildQuestion(order)).toMatchObject({ steps: { shown: ['BIOS', 'Xen', 'Dom0'], order: [0, 1, 2] } });
  });

  it('shuffles by its seeds the same way every time, and an order never in the right order', () => {
    const seeds = { choices: 'a', steps: 'a' };
    expect(buildQuestion(choice, { seeds })).toEqual(buildQuestion(choice, { seeds }));
    for (const seed of ['1', '2', '3', '4', '5']) {
      const q = quizQuestion(order, seed);
      if (q.kind === 'order') expect(q.steps.shown).not.toEqual(['BIOS', 'Xen', 'Dom0']);
    }
  });
});

describe('gradeResponse and the grade it suggests', () => {
  const typed = buildQuestion(front!, { typed: true });
  it.each<
    [string, ReturnType<typeof buildQuestion>, Response | undefined, boolean, string | undefined, number | undefined]
  >([
    ['typed right', typed, { kind: 'typed', text: 'the vmkernel' }, true, 'correct', 3],
    ['typed a letter off', typed, { kind: 'typed', text: 'VMkernal' }, false, 'almost', 2],
    ['typed wrong', typed, { kind: 'typed', text: 'ESXi' }, false, 'wrong', 1],
    ['typed revealed', typed, { kind: 'revealed' }, false, undefined, undefined],
    ['recalled', buildQuestion(front!), { kind: 'revealed' }, false, undefined, undefined],
    ['every right choice', buildQuestion(choice), { kind: 'choice', selected: ['three', 'one'] }, true, 'correct', 3],
    ['some right choices', buildQuestion(choice), { kind: 'choice', selected: ['one'] }, false, 'wrong', 1],
    ['true/false', buildQuestion(tf), { kind: 'truefalse', value: false }, true, 'correct', 3],
    ['order right', buildQuestion(order), { kind: 'order', picked: [0, 1, 2] }, true, 'correct', 3],
    ['order, neighbours swapped', buildQuestion(order), { kind: 'order', picked: [1, 0, 2] }, false, 'almost', 2],
    ['order wrong', buildQuestion(order), { kind: 'order', picked: [2, 1, 0] }, false, 'wrong', 1],
    ['not answered', typed, undefined, false, undefined, undefined],
  ])('%s', (_name, question, response, correct, verdict, suggested) => {
    const outcome = gradeResponse(question, response);
    expect(outcome.correct).toBe(correct);
    expect(outcomeVerdict(outcome)).toBe(verdict);
    expect(suggestedRating(outcome)).toBe(suggested);
  });

  it('a near miss is right when lenient; only a rejected typed answer can be overruled', () => {
    const lenient = gradeResponse(quizQuestion(front!, 's', { lenient: true }), { kind: 'typed', text: 'VMkernal' });
    expect(lenient).toMatchObject({ correct: true, lenient: true });
    expect(canOverrule(gradeResponse(buildQuestion(front!, { typed: true }), { kind: 'typed', text: 'ESXi' }))).toBe(
      true,
    );
    expect(canOverrule(gradeResponse(buildQuestion(front!, { typed: true }), { kind: 'revealed' }))).toBe(false);
    expect(canOverrule(gradeResponse(buildQuestion(choice), { kind: 'choice', selected: ['two'] }))).toBe(false);
    expect(() => gradeResponse(buildQuestion(choice), { kind: 'typed', text: 'one' })).toThrow(TypeError);
  });
});

describe('formatItemPrompt', () => {
  it('leads a reverse card with the one wording of the catalogue, in study, quiz and print alike', () => {
    expect(formatItemPrompt(back!, 80)).toEqual(['Give the question whose answer is:', 'VMkernel']);
    expect(formatItemPrompt(back!, 80, plainPaint, messagesFor('zh'), '  ')).toEqual([
      '写出答案为下列内容的问题：',
      '  VMkernel',
    ]);
    expect(formatItemPrompt(front!, 80)).toEqual(['Hypervisor of ESX?']);
  });
});

describe('the missed list', () => {
  it('names a reverse question with the same lead-in, and neutralises the section from the deck', async () => {
    const { formatResult } = await import('../../src/core/quiz/report.js');
    const [, reverse] = expandCard({ deck: 'd', lang: 'en' }, {
      id: 'r',
      q: 'Hypervisor of ESX?',
      a: 'VMkernel',
      reverse: true,
      section: 'esx\u001b[2J',
    } as Card);
    const text = formatResult({
      outcomes: [gradeResponse(quizQuestion(reverse!, 's'), { kind: 'typed', text: 'no idea' })],
      width: 80,
    });
    expect(text).toContain(' 1. [esx^[[2J] Give the question whose answer is: VMkernel');
    expect(text).not.toContain('\u001b');
  });
});
