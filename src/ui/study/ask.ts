import { checkAnswer, type AnswerCheck, type AnswerKey } from '../../core/answer.js';
import { itemAnswerKey } from '../../core/deck/answer-key.js';
import type { StudyItem } from '../../core/deck/items.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { createRng, shuffle } from '../../core/random.js';
import type { GradeOption } from '../../core/schedule/grade.js';
import type { GradeValue } from '../../core/schedule/fsrs.js';
import { choicePrompt, keyPrompt, numberKeys, typedAnswerPrompt } from '../prompts.js';
import { askOrder } from './order.js';
import type { Feedback } from './screen.js';

/**
 * What asking one item gave: an answer to show and grade, or a request to undo or quit. A typed
 * answer also carries the grade the checker's verdict suggests: Good when correct, Hard when
 * almost, Again when wrong.
 */
export type AskResult =
  | { action: 'answered'; feedback: Feedback; correct?: boolean; suggested?: GradeValue }
  | { action: 'undo' }
  | { action: 'quit' };

const SUGGESTED: Readonly<Record<AnswerCheck['verdict'], GradeValue>> = { correct: 3, almost: 2, wrong: 1 };

const CONTROL_KEYS = { u: 'undo', q: 'quit' } as const;

export interface AskOptions {
  /** Type answers to basic and cloze cards instead of revealing them. */
  type: boolean;
  /** Seeds the order of choices, so one card's choices are shuffled the same way for the same seed. */
  shuffleSeed: string;
  /** The screen's words (the deck's language); English when not given. */
  messages?: Messages;
}

export async function askItem(item: StudyItem, options: AskOptions): Promise<AskResult> {
  const m = options.messages ?? ENGLISH;
  switch (item.kind) {
    case 'basic':
    case 'cloze':
      return wantsTyping(item, options) ? askTyped(itemAnswerKey(item), m) : askReveal(m);
    case 'choice':
      return askChoice(item.choices, item.correct, options.shuffleSeed, m);
    case 'truefalse': {
      const action = await keyPrompt({ message: m.study.trueOrFalse, keys: { t: 'true', f: 'false', ...CONTROL_KEYS }, hint: m.study.trueFalseHint, echo: { true: m.trueWord, false: m.falseWord } });
      if (action === 'undo' || action === 'quit') return { action };
      const correct = (action === 'true') === item.correct;
      return { action: 'answered', feedback: { kind: 'truefalse', correct }, correct };
    }
    case 'order': {
      const check = await askOrder(item.steps, options.shuffleSeed, m);
      if (!check) return { action: 'answered', feedback: { kind: 'revealed' } };
      const correct = check.verdict === 'correct';
      return { action: 'answered', feedback: { kind: 'order', correct, check }, correct, suggested: SUGGESTED[check.verdict] };
    }
  }
}

/** Typed when asked for (--type), or when the card lists `accept`able answers for its front side. */
function wantsTyping(item: Extract<StudyItem, { kind: 'basic' | 'cloze' }>, options: AskOptions): boolean {
  if (options.type) return true;
  return item.kind === 'basic' && item.key === item.cardId && 'accept' in item.card && (item.card.accept?.length ?? 0) > 0;
}

async function askReveal(m: Messages): Promise<AskResult> {
  const action = await keyPrompt({ message: m.study.reveal, keys: { enter: 'reveal', ...CONTROL_KEYS }, hint: m.study.revealHint });
  if (action === 'undo' || action === 'quit') return { action };
  return { action: 'answered', feedback: { kind: 'revealed' } };
}

async function askTyped(key: AnswerKey, m: Messages): Promise<AskResult> {
  const result = await typedAnswerPrompt({ message: m.study.typeAnswer, hint: m.study.typeHint });
  if (result.action === 'skip') return { action: 'answered', feedback: { kind: 'revealed' } };
  const check = checkAnswer(result.text, key);
  const correct = check.verdict === 'correct';
  return { action: 'answered', feedback: { kind: 'typed', typed: result.text, check, key }, correct, suggested: SUGGESTED[check.verdict] };
}

async function askChoice(choices: readonly string[], correct: readonly string[], seed: string, m: Messages): Promise<AskResult> {
  const shown = shuffle(choices, createRng(seed));
  const multiple = correct.length > 1;
  const result = await choicePrompt({
    message: multiple ? m.study.pickAll(correct.length) : m.study.pickOne,
    choices: shown,
    multiple,
    keys: CONTROL_KEYS,
    hint: multiple ? m.study.pickAllHint(numberKeys(shown.length)) : m.study.pickOneHint(numberKeys(shown.length)),
    pickAtLeastOne: m.study.pickAtLeastOne,
  });
  if (result.indexes === undefined) return { action: result.action === 'undo' ? 'undo' : 'quit' };
  const picked = result.indexes.map((i) => shown[i]!);
  const ok = picked.length === correct.length && picked.every((p) => correct.includes(p));
  return { action: 'answered', feedback: { kind: 'choice', correct: ok, picked }, correct: ok };
}

export type GradeResult = { action: 'grade'; grade: GradeValue } | { action: 'undo' } | { action: 'quit' };

/** Again / Hard / Good / Easy with their intervals; the suggested grade is preselected. */
export async function askGrade(options: readonly GradeOption[], suggested: GradeValue | undefined, m: Messages = ENGLISH): Promise<GradeResult> {
  const result = await choicePrompt({
    message: suggested ? m.study.gradeSuggested : m.study.gradeAsk,
    choices: options.map((o) => `${o.name} · ${o.interval}`),
    default: (suggested ?? 3) - 1,
    keys: CONTROL_KEYS,
    hint: m.study.gradeHint,
  });
  if (result.indexes === undefined) return { action: result.action === 'undo' ? 'undo' : 'quit' };
  return { action: 'grade', grade: options[result.indexes[0]!]!.grade };
}
