import type { Context } from '@inquirer/type';
import type { StudyItem } from '../../core/deck/items.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { gradeResponse, suggestedRating } from '../../core/question/grade.js';
import { buildQuestion, type Question, type Response } from '../../core/question/model.js';
import type { GradeOption } from '../../core/schedule/grade.js';
import type { GradeValue } from '../../core/schedule/fsrs.js';
import { choicePrompt, keyPrompt, numberKeys, trueFalsePrompt, typedPrompt } from '../prompts/index.js';
import { askOrder } from './order.js';
import type { Feedback } from './screen.js';

/**
 * What asking one item gave: an answer to show and grade, or a request to undo or quit. An
 * answer quizdeck checked (typed, choice, true/false, order) carries whether it was right and
 * the grade its verdict suggests: Good when right, Hard when almost, Again when wrong. A
 * revealed answer carries neither: the person grades it.
 */
export type AskResult =
  | { action: 'answered'; feedback: Feedback; correct?: boolean; suggested?: GradeValue }
  | { action: 'undo' }
  | { action: 'quit' };

type Control = { action: 'undo' } | { action: 'quit' };

const CONTROL_KEYS = { u: 'undo', q: 'quit' } as const;

export interface AskOptions {
  /** Type answers to basic and cloze cards instead of revealing them. */
  type: boolean;
  /** Seeds the order of choices and steps, so one card is shuffled the same way for the same seed. */
  shuffleSeed: string;
  /** The screen's words (the deck's language); English when not given. */
  messages?: Messages;
  /** The terminal the prompts use (tests pass @inquirer/testing's streams); stdin and stdout when not given. */
  context?: Context;
  /** The screen above the prompt, drawn again at the new width when the terminal is resized. */
  above?: () => string;
}

/** The Question study asks for an item (core/question, the model quiz asks and grades with too). */
export function studyQuestion(item: StudyItem, options: AskOptions): Question {
  return buildQuestion(item, {
    seeds: { choices: options.shuffleSeed, steps: options.shuffleSeed },
    typed: wantsTyping(item, options),
  });
}

/** Asks the item, and judges the answer with the one grader (core/question/grade.ts). */
export async function askItem(item: StudyItem, options: AskOptions): Promise<AskResult> {
  const question = studyQuestion(item, options);
  const response = await askResponse(question, options.messages ?? ENGLISH, options.context, options.above);
  if ('action' in response) return response;
  const outcome = gradeResponse(question, response);
  const suggested = suggestedRating(outcome);
  return suggested === undefined
    ? { action: 'answered', feedback: outcome }
    : { action: 'answered', feedback: outcome, correct: outcome.correct, suggested };
}

/** Typed when asked for (--typed), or when the card lists `accept`able answers for its front side. */
function wantsTyping(item: StudyItem, options: AskOptions): boolean {
  if (item.kind !== 'basic' && item.kind !== 'cloze') return false;
  if (options.type) return true;
  return (
    item.kind === 'basic' && item.key === item.cardId && 'accept' in item.card && (item.card.accept?.length ?? 0) > 0
  );
}

async function askResponse(
  question: Question,
  m: Messages,
  context?: Context,
  above?: () => string,
): Promise<Response | Control> {
  switch (question.kind) {
    case 'recall': {
      const action = await keyPrompt(
        {
          message: m.study.reveal,
          keys: { enter: 'reveal', ...CONTROL_KEYS },
          hint: m.study.revealHint,
          help: m.study.keysHelp,
          messages: m,
          above,
        },
        context,
      );
      return action === 'undo' || action === 'quit' ? { action } : { kind: 'revealed' };
    }
    case 'typed': {
      // Esc reveals the answer instead; u and q are letters of the answer here.
      const result = await typedPrompt(
        { message: m.study.typeAnswer, hint: m.study.typeHint, escape: true, messages: m, above },
        context,
      );
      return result.action === 'skip' ? { kind: 'revealed' } : { kind: 'typed', text: result.text };
    }
    case 'choice': {
      const { choices, multi } = question;
      const right = question.item.correct.length;
      const hint = multi
        ? m.study.pickAllHint(numberKeys(choices.length))
        : m.study.pickOneHint(numberKeys(choices.length));
      const result = await choicePrompt(
        {
          message: multi ? m.study.pickAll(right) : m.study.pickOne,
          choices,
          multiple: multi,
          keys: CONTROL_KEYS,
          hint,
          help: m.study.keysHelp,
          messages: m,
          above,
        },
        context,
      );
      return result.indexes === undefined
        ? control(result.action)
        : { kind: 'choice', selected: result.indexes.map((i) => choices[i]!) };
    }
    case 'truefalse': {
      const result = await trueFalsePrompt(
        {
          message: m.study.trueOrFalse,
          keys: CONTROL_KEYS,
          hint: m.study.trueFalseHint,
          help: m.study.keysHelp,
          messages: m,
          above,
        },
        context,
      );
      return result.value === undefined ? control(result.action) : { kind: 'truefalse', value: result.value };
    }
    case 'order': {
      const picked = await askOrder(question.steps.shown, m, context, above);
      return picked === undefined ? { kind: 'revealed' } : { kind: 'order', picked };
    }
  }
}

function control(action: string): Control {
  return { action: action === 'undo' ? 'undo' : 'quit' };
}

export type GradeResult = { action: 'grade'; grade: GradeValue } | { action: 'undo' } | { action: 'quit' };

/** Again / Hard / Good / Easy with their intervals; the suggested grade is preselected. */
export async function askGrade(
  options: readonly GradeOption[],
  suggested: GradeValue | undefined,
  m: Messages = ENGLISH,
  context?: Context,
  above?: () => string,
): Promise<GradeResult> {
  const result = await choicePrompt(
    {
      message: suggested ? m.study.gradeSuggested : m.study.gradeAsk,
      choices: options.map((o) => `${o.name} · ${o.interval}`),
      default: (suggested ?? 3) - 1,
      keys: CONTROL_KEYS,
      hint: m.study.gradeHint,
      help: m.study.keysHelp,
      messages: m,
      above,
    },
    context,
  );
  if (result.indexes === undefined) return control(result.action);
  return { action: 'grade', grade: options[result.indexes[0]!]!.grade };
}
