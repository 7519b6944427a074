import type { AnswerCheck, AnswerKey } from '../answer.js';
import { itemAnswerKey } from '../deck/answer-key.js';
import type { StudyItem } from '../deck/items.js';
import { shuffleSteps, type OrderCheck, type ShownSteps } from '../order.js';
import { createRng, shuffle } from '../random.js';

/**
 * The one question model of `study`, `quiz` and `print`'s key: a Question is an item in the form
 * it is asked in, a Response is what the person gave, an Outcome is the Response judged
 * (grade.ts, where the one checker of typed answers plugs in). Study and quiz ask and judge the
 * same way; they differ in what they do with the Outcome (a suggested grade, a score).
 */
export type Question =
  /** Choices in the order shown; `multi` when several are right (all of them must be picked). */
  | { kind: 'choice'; item: ChoiceItem; choices: string[]; multi: boolean }
  | { kind: 'truefalse'; item: Extract<StudyItem, { kind: 'truefalse' }> }
  /** A basic or cloze item answered by typing, judged against `key`; `lenient`: a near miss counts as right. */
  | { kind: 'typed'; item: RecallItem; key: AnswerKey; lenient: boolean; reverse: boolean }
  /** A basic or cloze item the person recalls and reveals (study without --typed): graded by the person. */
  | { kind: 'recall'; item: RecallItem; reverse: boolean }
  /** The steps as shown (shuffled, never in the right order), answered by their numbers in order. */
  | { kind: 'order'; item: Extract<StudyItem, { kind: 'order' }>; steps: ShownSteps };

export type ChoiceItem = Extract<StudyItem, { kind: 'choice' }>;
export type RecallItem = Extract<StudyItem, { kind: 'basic' | 'cloze' }>;

/**
 * What the person gave. An order: the shown steps' indexes (0-based) in the order given.
 * `revealed`: they asked to see the answer instead (Enter on a recall card, Esc in study's
 * typed and order prompts).
 */
export type Response =
  | { kind: 'choice'; selected: string[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'typed'; text: string }
  | { kind: 'order'; picked: number[] }
  | { kind: 'revealed' };

/** One asked question and how it went. `response` is absent when time ran out or the quiz was interrupted first. */
export interface Outcome {
  question: Question;
  response?: Response;
  /** Judged right (a near miss only when lenient, or overruled). False when revealed or unanswered. */
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
  /** Seeds of the shown order of choices and of steps; without them, the deck's order (print shuffles per version). */
  seeds?: { choices: string; steps: string };
  /** Basic and cloze items are typed (quiz, print's key, study --typed) rather than recalled. */
  typed?: boolean;
  /** Count a typed answer the checker calls "almost" as right. */
  lenient?: boolean;
}

/** A reverse item shows the card's answer and asks for its question: every screen and sheet says so. */
export function isReverse(item: StudyItem): boolean {
  return item.key.endsWith(':reverse');
}

/** The same item and seeds always give the same Question (the same choice and step order). */
export function buildQuestion(item: StudyItem, options: QuestionOptions = {}): Question {
  switch (item.kind) {
    case 'choice':
      return {
        kind: 'choice',
        item,
        choices: options.seeds ? shuffle(item.choices, createRng(options.seeds.choices)) : item.choices.slice(),
        multi: item.correct.length > 1,
      };
    case 'truefalse':
      return { kind: 'truefalse', item };
    case 'order':
      return {
        kind: 'order',
        item,
        steps: options.seeds
          ? shuffleSteps(item.steps, options.seeds.steps)
          : { shown: item.steps.slice(), order: item.steps.map((_, i) => i) },
      };
    case 'basic':
    case 'cloze':
      return options.typed
        ? { kind: 'typed', item, key: itemAnswerKey(item), lenient: options.lenient ?? false, reverse: isReverse(item) }
        : { kind: 'recall', item, reverse: isReverse(item) };
  }
}

/**
 * A quiz's question: choice and step order from the quiz's seed and the item, so one question
 * looks the same in every attempt with that seed; basic and cloze items are typed.
 */
export function quizQuestion(item: StudyItem, seed: string, options: Pick<QuestionOptions, 'lenient'> = {}): Question {
  const seeds = {
    choices: `${seed}:choices:${item.deckId}:${item.key}`,
    steps: `${seed}:steps:${item.deckId}:${item.key}`,
  };
  return buildQuestion(item, { seeds, typed: true, lenient: options.lenient });
}

/** The right choices' places among the choices as shown (print's key letters them A, B, C). */
export function correctChoiceIndexes(question: Extract<Question, { kind: 'choice' }>): number[] {
  return question.choices.flatMap((choice, i) => (question.item.correct.includes(choice) ? [i] : []));
}
