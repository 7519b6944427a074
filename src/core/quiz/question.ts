import { checkAnswer, type AnswerCheck, type AnswerKey } from '../answer.js';
import { itemAnswerKey } from '../deck/answer-key.js';
import { itemAnswerText, type StudyItem } from '../deck/items.js';
import { checkOrder, shuffleSteps, stepsText, type OrderCheck, type ShownSteps } from '../order.js';
import { createRng, shuffle } from '../random.js';

/**
 * The form a question takes in a quiz. Choice cards become (multi-)select questions with the
 * choices shuffled; basic and cloze items are typed answers, checked like `study` checks them.
 */
export type Question =
  | { kind: 'choice'; item: Extract<StudyItem, { kind: 'choice' }>; choices: string[]; multi: boolean }
  | { kind: 'truefalse'; item: Extract<StudyItem, { kind: 'truefalse' }> }
  | { kind: 'typed'; item: Extract<StudyItem, { kind: 'basic' | 'cloze' }>; key: AnswerKey; lenient: boolean }
  | { kind: 'order'; item: Extract<StudyItem, { kind: 'order' }>; steps: ShownSteps };

/** An order: the shown steps' indexes (0-based) in the order given. */
export type Response = { kind: 'choice'; selected: string[] } | { kind: 'truefalse'; value: boolean } | { kind: 'typed'; text: string } | { kind: 'order'; picked: number[] };

/** One asked question and how it went. `response` is absent when time ran out or the quiz was interrupted first. */
export interface Outcome {
  question: Question;
  response?: Response;
  correct: boolean;
  /** The person said "I was right" about a typed answer the checker rejected. */
  overruled: boolean;
  /** For typed answers: the checker's verdict, its reason and the answer it compared with. */
  check?: AnswerCheck;
  /** A near miss ("almost") counted as right because of --lenient or the deck's `lenient: true`. */
  lenient?: boolean;
  /** For order questions: which places were right. */
  order?: OrderCheck;
}

export interface QuestionOptions {
  /** Count a typed answer the checker calls "almost" as right. */
  lenient?: boolean;
}

/** Choice order depends on the seed and the item, so one question looks the same in every attempt with that seed. */
export function buildQuestion(item: StudyItem, seed: string, options: QuestionOptions = {}): Question {
  switch (item.kind) {
    case 'choice':
      return { kind: 'choice', item, choices: shuffle(item.choices, createRng(`${seed}:choices:${item.deckId}:${item.key}`)), multi: item.correct.length > 1 };
    case 'truefalse':
      return { kind: 'truefalse', item };
    case 'order':
      return { kind: 'order', item, steps: shuffleSteps(item.steps, `${seed}:steps:${item.deckId}:${item.key}`) };
    case 'basic':
    case 'cloze':
      return { kind: 'typed', item, key: itemAnswerKey(item), lenient: options.lenient ?? false };
  }
}

export function gradeResponse(question: Question, response: Response | undefined): Outcome {
  if (!response) return { question, correct: false, overruled: false };
  if (question.kind === 'choice' && response.kind === 'choice') {
    // All or nothing: every correct choice and no other, order irrelevant.
    const selected = new Set(response.selected);
    const correct = selected.size === question.item.correct.length && question.item.correct.every((c) => selected.has(c));
    return { question, response, correct, overruled: false };
  }
  if (question.kind === 'truefalse' && response.kind === 'truefalse') {
    return { question, response, correct: response.value === question.item.correct, overruled: false };
  }
  if (question.kind === 'order' && response.kind === 'order') {
    // All or nothing: one step out of place is a wrong answer, as a swapped pair is.
    const order = checkOrder(response.picked, question.steps);
    return { question, response, correct: order.verdict === 'correct', overruled: false, order };
  }
  if (question.kind === 'typed' && response.kind === 'typed') {
    // A near miss is wrong unless the quiz is lenient; either way it can be overruled.
    const check = checkAnswer(response.text, question.key);
    const lenient = check.verdict === 'almost' && question.lenient;
    return { question, response, correct: check.verdict === 'correct' || lenient, overruled: false, check, ...(lenient ? { lenient } : {}) };
  }
  throw new TypeError(`a ${response.kind} answer cannot answer a ${question.kind} question`);
}

/** Only a typed answer the checker rejected can be overruled: choices have no near misses. */
export function canOverrule(outcome: Outcome): boolean {
  return outcome.question.kind === 'typed' && outcome.response !== undefined && !outcome.correct;
}

export function overrule(outcome: Outcome): Outcome {
  if (!canOverrule(outcome)) throw new RangeError('only a rejected typed answer can be overruled');
  return { ...outcome, correct: true, overruled: true };
}

/** What was answered, as text for the result and the database; an order needs its question to name the steps. */
export function responseText(response: Response | undefined, question?: Question): string | undefined {
  if (!response) return undefined;
  switch (response.kind) {
    case 'order':
      return question?.kind === 'order' ? stepsText(response.picked.map((i) => question.steps.shown[i]!)) : response.picked.map((i) => i + 1).join('');
    case 'choice':
      return response.selected.join('; ');
    case 'truefalse':
      return response.value ? 'True' : 'False';
    case 'typed':
      return response.text;
  }
}

/** The card's own answer (for a typed question, never an accept entry). */
export function rightAnswerText(question: Question): string {
  return question.kind === 'typed' ? question.key.answer : itemAnswerText(question.item);
}

/** The text asked, for one-line mentions (the missed list, the database). */
export function questionPrompt(question: Question): string {
  return question.item.prompt;
}
