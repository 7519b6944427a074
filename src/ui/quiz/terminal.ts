import { ENGLISH, type Messages } from '../../core/messages/index.js';
import type { Paint } from '../../core/paint.js';
import type { Question, Response } from '../../core/question/model.js';
import { terminalPaint } from '../paint.js';
import { terminalColumns } from '../terminal.js';
import { askOverrule, askQuestion, confirmOverrule } from './prompts.js';

/**
 * Everything the quiz does with the person, behind one interface so the command can be run
 * with a scripted stand-in in tests and with inquirer prompts in a terminal.
 */
export interface QuizUi {
  /** Columns to wrap text to. */
  width: number;
  paint: Paint;
  print(text: string): void;
  /**
   * Throws QuizInterrupted on Ctrl-C, QuizTimedOut when `signal` aborts with reason 'time'.
   * `deadline` (epoch ms) is shown as a running clock.
   */
  ask(question: Question, signal?: AbortSignal, deadline?: number): Promise<Response>;
  /** After a rejected typed answer (immediate feedback): true for "I was right". */
  offerOverrule(signal?: AbortSignal): Promise<boolean>;
  /** The end-of-quiz review of a rejected typed answer: true for "I was right". */
  confirmOverrule(): Promise<boolean>;
}

/** The quiz in the terminal, its prompts in the language of `messages`. */
/** `now`: the clock of the time limit's countdown (the command's). */
export function terminalQuizUi(messages: Messages = ENGLISH, now?: () => number): QuizUi {
  return {
    width: terminalColumns(),
    paint: terminalPaint(),
    print: (text) => void process.stdout.write(text),
    ask: (question, signal, deadline) => askQuestion(question, { signal }, deadline, messages, now),
    offerOverrule: (signal) => askOverrule({ signal }, messages),
    confirmOverrule: () => confirmOverrule({}, messages),
  };
}
