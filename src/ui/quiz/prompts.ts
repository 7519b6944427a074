import confirm from '@inquirer/confirm';
import type { Context } from '@inquirer/type';
import { orderExample } from '../../core/order.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import type { Question, Response } from '../../core/question/model.js';
import { neutralizeControls } from '../../core/text.js';
import {
  choicePrompt,
  keyPrompt,
  numberKeys,
  orderPrompt,
  promptTheme,
  trueFalsePrompt,
  typedPrompt,
} from '../prompts/index.js';
import { isPromptExit } from '../terminal.js';

/** Ctrl-C during a quiz prompt (inquirer's ExitPromptError), or SIGINT between prompts. */
export class QuizInterrupted extends Error {
  constructor() {
    super('quiz interrupted');
    this.name = 'QuizInterrupted';
  }
}

/** The time limit ran out while a prompt was waiting. */
export class QuizTimedOut extends Error {
  constructor() {
    super('time limit reached');
    this.name = 'QuizTimedOut';
  }
}

/** Why the quiz's AbortController was aborted: the prompts turn this into the errors above. */
export type StopReason = 'time' | 'interrupt';

/**
 * Runs a prompt and maps inquirer's cancellations to the quiz's own errors, so the command
 * never imports inquirer: Ctrl-C → QuizInterrupted, the time-limit signal → QuizTimedOut.
 */
export async function guarded<T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isPromptExit(error)) throw new QuizInterrupted();
    // Matched by name, like isPromptExit: the error may come from another copy of @inquirer/core.
    if (error instanceof Error && error.name === 'AbortPromptError')
      throw (signal?.reason as StopReason) === 'time' ? new QuizTimedOut() : new QuizInterrupted();
    throw error;
  }
}

/**
 * Asks one question in its form, with the prompt family of ui/prompts (the ones study uses): a
 * choice (several for multi-answer cards), True/False, a typed answer, or an order. `deadline`
 * (epoch ms) is shown as a running clock under the prompt.
 */
export function askQuestion(
  question: Question,
  context: Context = {},
  deadline?: number,
  messages: Messages = ENGLISH,
  /** The clock the countdown reads (the command's); Date.now when not given. */
  now?: () => number,
): Promise<Response> {
  const q = messages.quiz;
  const common = { deadline, now, messages };
  return guarded(async (): Promise<Response> => {
    switch (question.kind) {
      case 'choice': {
        const count = question.choices.length;
        const hint = question.multi ? q.toggleHelp(numberKeys(count)) : q.chooseHelp(q.numberHelp(numberKeys(count)));
        const result = await choicePrompt(
          { ...common, message: q.choose, choices: question.choices, multiple: question.multi, hint },
          context,
        );
        return { kind: 'choice', selected: (result.indexes ?? []).map((i) => question.choices[i]!) };
      }
      case 'truefalse': {
        const letters = [messages.trueWord, messages.falseWord]
          .map((word, i) => `${'tf'[i]} ${neutralizeControls(word).toLowerCase()}`)
          .join(' · ');
        const result = await trueFalsePrompt(
          { ...common, message: q.trueOrFalse, hint: q.chooseHelp(`${letters} · ↑↓ Enter`) },
          context,
        );
        return { kind: 'truefalse', value: result.value ?? false };
      }
      case 'typed':
      case 'recall': {
        // A quiz checks every answer: there is no revealing, and Esc does nothing.
        const result = await typedPrompt({ ...common, message: q.answer, hint: q.submitHelp }, context);
        return { kind: 'typed', text: result.action === 'answer' ? result.text : '' };
      }
      case 'order': {
        const count = question.steps.shown.length;
        const result = await orderPrompt(
          { ...common, message: q.order, count, hint: q.orderHelp(orderExample(count)) },
          context,
        );
        return { kind: 'order', picked: result.action === 'order' ? result.picked : [] };
      }
    }
  }, context.signal);
}

/**
 * After a rejected typed answer with immediate feedback: Enter goes on, `r` says "I was right".
 * One key instead of a menu, since it comes up on most wrong typed answers.
 */
export function askOverrule(context: Context = {}, messages: Messages = ENGLISH): Promise<boolean> {
  const q = messages.quiz;
  const keys = { enter: 'next', r: 'overrule' };
  return guarded(
    async () =>
      (await keyPrompt(
        { message: q.continue, keys, echo: { next: q.next, overrule: q.iWasRight }, hint: q.overruleHelp, messages },
        context,
      )) === 'overrule',
    context.signal,
  );
}

/** The end-mode review of a rejected typed answer. */
export function confirmOverrule(context: Context = {}, messages: Messages = ENGLISH): Promise<boolean> {
  return guarded(
    () =>
      confirm(
        {
          message: messages.quiz.confirmOverrule,
          default: false,
          theme: promptTheme(),
          transformer: (yes) => (yes ? messages.quiz.yes : messages.quiz.no),
        },
        context,
      ),
    context.signal,
  );
}
