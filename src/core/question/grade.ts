import { checkAnswer, type Verdict } from '../answer.js';
import { checkOrder } from '../order.js';
import type { Outcome, Question, Response } from './model.js';

/**
 * Judges a Response: the one place `study` and `quiz` grade answers, and the one place the
 * checker of typed answers (core/answer.ts) is called. All or nothing: a choice needs every
 * right choice and no other, an order every step in its place.
 */
export function gradeResponse(question: Question, response: Response | undefined): Outcome {
  if (!response) return { question, correct: false, overruled: false };
  if (response.kind === 'revealed') return { question, response, correct: false, overruled: false };
  if (question.kind === 'choice' && response.kind === 'choice') {
    const selected = new Set(response.selected);
    const correct =
      selected.size === question.item.correct.length && question.item.correct.every((c) => selected.has(c));
    return { question, response, correct, overruled: false };
  }
  if (question.kind === 'truefalse' && response.kind === 'truefalse') {
    return { question, response, correct: response.value === question.item.correct, overruled: false };
  }
  if (question.kind === 'order' && response.kind === 'order') {
    // One step out of place is a wrong answer, as a swapped pair is; study suggests Hard for the pair.
    const order = checkOrder(response.picked, question.steps);
    return { question, response, correct: order.verdict === 'correct', overruled: false, order };
  }
  if (question.kind === 'typed' && response.kind === 'typed') {
    // A near miss is wrong unless the question is lenient; either way it can be overruled.
    const check = checkAnswer(response.text, question.key);
    const lenient = check.verdict === 'almost' && question.lenient;
    return {
      question,
      response,
      correct: check.verdict === 'correct' || lenient,
      overruled: false,
      check,
      ...(lenient ? { lenient } : {}),
    };
  }
  throw new TypeError(`a ${response.kind} answer cannot answer a ${question.kind} question`);
}

/**
 * Right, almost or wrong, as checked; undefined when nothing was checked (the answer was
 * revealed, or never given). Almost: a typed answer a letter or two off, or an order with two
 * neighbours swapped.
 */
export function outcomeVerdict(outcome: Outcome): Verdict | undefined {
  const kind = outcome.response?.kind;
  if (kind === undefined || kind === 'revealed') return undefined;
  if (outcome.check) return outcome.check.verdict;
  if (outcome.order) return outcome.order.verdict;
  return outcome.correct ? 'correct' : 'wrong';
}

const SUGGESTED = { correct: 3, almost: 2, wrong: 1 } as const;

/**
 * The grade study suggests for a checked answer: Good when right, Hard when almost, Again when
 * wrong (FSRS ratings 3, 2, 1); none for a revealed answer, which the person grades.
 */
export function suggestedRating(outcome: Outcome): 1 | 2 | 3 | undefined {
  const verdict = outcomeVerdict(outcome);
  return verdict === undefined ? undefined : SUGGESTED[verdict];
}

/** Only a typed answer the checker rejected can be overruled: choices have no near misses. */
export function canOverrule(outcome: Outcome): boolean {
  return outcome.question.kind === 'typed' && outcome.response?.kind === 'typed' && !outcome.correct;
}

export function overrule(outcome: Outcome): Outcome {
  if (!canOverrule(outcome)) throw new RangeError('only a rejected typed answer can be overruled');
  return { ...outcome, correct: true, overruled: true };
}
