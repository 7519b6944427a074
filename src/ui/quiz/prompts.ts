import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import confirm from '@inquirer/confirm';
import type { Context } from '@inquirer/type';
import { orderExample, parseOrderInput } from '../../core/order.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import type { Question, Response } from '../../core/quiz/question.js';
import { isPromptExit } from '../terminal.js';
import { choiceAnswerPrompt, quizTheme as theme, typedAnswerPrompt } from './questionPrompts.js';

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
    if (error instanceof Error && error.name === 'AbortPromptError') throw (signal?.reason as StopReason) === 'time' ? new QuizTimedOut() : new QuizInterrupted();
    throw error;
  }
}

/** Asks one question in its form: a choice (several for multi-answer cards), True/False, or a typed answer. */
export function askQuestion(question: Question, context: Context = {}, deadline?: number, messages: Messages = ENGLISH): Promise<Response> {
  const q = messages.quiz;
  return guarded(async () => {
    switch (question.kind) {
      case 'choice': {
        const indexes = await choiceAnswerPrompt({ message: q.choose, choices: question.choices, multiple: question.multi, deadline, messages }, context);
        return { kind: 'choice', selected: indexes.map((i) => question.choices[i]!) };
      }
      case 'truefalse': {
        // t and f answer at once, as in `study`; the arrows and numbers work too.
        const [index] = await choiceAnswerPrompt({ message: q.trueOrFalse, choices: [messages.trueWord, messages.falseWord], letters: { t: 0, f: 1 }, deadline, messages }, context);
        return { kind: 'truefalse', value: index === 0 };
      }
      case 'typed':
        return { kind: 'typed', text: await typedAnswerPrompt({ message: q.answer, deadline, messages }, context) };
      case 'order': {
        const count = question.steps.shown.length;
        const read = (text: string) => parseOrderInput(text, count, messages);
        const text = await typedAnswerPrompt({ message: q.order, deadline, validate: (t) => errorOf(read(t)), help: q.orderHelp(orderExample(count)), messages }, context);
        const parsed = read(text);
        return { kind: 'order', picked: 'value' in parsed ? parsed.value : [] };
      }
    }
  }, context.signal);
}

function errorOf(parsed: { value: unknown } | { error: string }): string | undefined {
  return 'error' in parsed ? parsed.error : undefined;
}

export type AfterFeedback = 'next' | 'overrule';

/**
 * After a rejected typed answer with immediate feedback: Enter goes on, `r` says "I was right".
 * One key instead of a menu, since it comes up on most wrong typed answers.
 */
export const overrulePrompt = createPrompt<AfterFeedback, { message?: string; theme?: Partial<Theme>; messages?: Messages }>((config, done) => {
  const q = (config.messages ?? ENGLISH).quiz;
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [choice, setChoice] = useState<AfterFeedback>('next');
  const prefix = usePrefix({ status, theme });
  useKeypress((key) => {
    if (status === 'done') return;
    const picked: AfterFeedback | undefined = isEnterKey(key) ? 'next' : key.name === 'r' ? 'overrule' : undefined;
    if (!picked) return;
    setChoice(picked);
    setStatus('done');
    done(picked);
  });
  const message = theme.style.message(config.message ?? q.continue, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(choice === 'overrule' ? q.iWasRight : q.next)}`;
  return `${prefix} ${message} ${theme.style.help(q.overruleHelp)}`;
});

export function askOverrule(context: Context = {}, messages: Messages = ENGLISH): Promise<boolean> {
  return guarded(async () => (await overrulePrompt({ message: messages.quiz.continue, theme, messages }, context)) === 'overrule', context.signal);
}

/** The end-mode review of a rejected typed answer. */
export function confirmOverrule(context: Context = {}, messages: Messages = ENGLISH): Promise<boolean> {
  return guarded(() => confirm({ message: messages.quiz.confirmOverrule, default: false, theme, transformer: (yes) => (yes ? messages.quiz.yes : messages.quiz.no) }, context), context.signal);
}
