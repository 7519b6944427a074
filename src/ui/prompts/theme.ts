import { makeTheme, type Theme } from '@inquirer/core';
import chalk from 'chalk';
import { formatClock } from '../../core/quiz/duration.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';

/**
 * The one theme of quizdeck's prompts (study and quiz). Inquirer marks a finished prompt with a
 * green ✔, which on an answer line reads as "right" even when the answer was wrong (issue 12):
 * answer lines get a neutral dim ›, and the verdict below them says ✓ or ✗. Built at each
 * render, so it follows chalk's level (--color, NO_COLOR) as the rest of the screen does.
 */
export function promptTheme(): Theme {
  return makeTheme({ prefix: { idle: chalk.blue('?'), done: chalk.dim('›') } });
}

/** A letter key that ends a prompt with a named action, e.g. `{ u: 'undo', q: 'quit' }`. */
export type ActionKeys = Readonly<Record<string, string>>;

/** What every prompt of the family may take besides its own settings. */
export interface CommonConfig {
  message: string;
  /** The keys line under the prompt. */
  hint?: string;
  /** Epoch milliseconds when a time limit runs out: the time left is shown under the prompt and redrawn every second. */
  deadline?: number;
  /** The clock of the countdown (a test's fake one); Date.now when not given. */
  now?: () => number;
  /** The words of errors and the clock (the screen's language); English when not given. */
  messages?: Messages;
}

/**
 * The lines under a prompt: an error (red) if there is one, then the time left (yellow, red in
 * the last minute) and the keys (dim). Empty when there is nothing to say.
 */
export function bottomLines(config: CommonConfig, error: string | undefined, left: number | undefined): string | undefined {
  const m = config.messages ?? ENGLISH;
  const clock = left === undefined ? '' : (left <= 60_000 ? chalk.red : chalk.yellow)(m.quiz.timeLeft(formatClock(left)));
  const keys = config.hint ? chalk.dim(config.hint) : '';
  const last = [clock, keys].filter(Boolean).join('  ');
  return [error ? chalk.red(error) : '', last].filter(Boolean).join('\n') || undefined;
}

/** The number keys that pick one of `n` choices: "1–4" (only 1–9 have keys). */
export function numberKeys(n: number): string {
  const last = Math.min(n, 9);
  return last <= 1 ? '1' : `1–${last}`;
}
