import { makeTheme, useEffect, useRef, useState, type Theme } from '@inquirer/core';
import { CLEAR_SCREEN } from '../terminal.js';
import { formatClock } from '../../core/quiz/duration.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { displayWidth } from '../../core/text.js';
import { terminalPaint } from '../paint.js';

/**
 * The one theme of quizdeck's prompts (study and quiz). Inquirer marks a finished prompt with a
 * green ✔, which on an answer line reads as "right" even when the answer was wrong (issue 12):
 * answer lines get a neutral dim ›, and the verdict below them says ✓ or ✗. Built at each
 * render, so it follows chalk's level (--color, NO_COLOR) as the rest of the screen does. Colours
 * come from the one Paint (ui/paint.ts).
 */
export function promptTheme(): Theme {
  const paint = terminalPaint();
  return makeTheme({ prefix: { idle: paint.info('?'), done: paint.dim('›') } });
}

/** A letter key that ends a prompt with a named action, e.g. `{ u: 'undo', q: 'quit' }`. */
export type ActionKeys = Readonly<Record<string, string>>;

/** What every prompt of the family may take besides its own settings. */
export interface CommonConfig {
  message: string;
  /** The keys line under the prompt. */
  hint?: string;
  /** Every key, shown in place of `hint` while `?` is toggled on (prompts that take no typed text). */
  help?: string;
  /**
   * The screen above the prompt (study's header and card), drawn again at the new width when the
   * terminal is resized while the prompt waits: from then on the prompt draws the whole screen.
   */
  above?: () => string;
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
export function bottomLines(
  config: CommonConfig,
  error: string | undefined,
  left: number | undefined,
  helpShown = false,
): string | undefined {
  const m = config.messages ?? ENGLISH;
  const paint = terminalPaint();
  const clock = left === undefined ? '' : m.quiz.timeLeft(formatClock(left));
  const text = helpShown && config.help ? config.help : config.hint;
  // The time left comes first on the keys' line: the keys wrap in what it leaves.
  const width = (process.stdout.columns || 80) - (clock ? displayWidth(clock) + 2 : 0);
  const keys = text ? paint.dim(wrapKeys(text, width)) : '';
  const last = [left === undefined ? '' : left <= 60_000 ? paint.error(clock) : paint.warning(clock), keys]
    .filter(Boolean)
    .join('  ');
  return [error ? paint.error(error) : '', last].filter(Boolean).join('\n') || undefined;
}

/**
 * A keys line wrapped at its ` · ` separators to `width` columns, so that a key and its word stay
 * on one line: at 40 columns the terminal's own wrap left Chinese study's `?` at the end of one
 * line and its word `按键` alone on the next. A group wider than a line is left to the terminal.
 */
export function wrapKeys(text: string, width: number): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    let currentWidth = 0;
    for (const group of line.split(' · ')) {
      const w = displayWidth(group);
      if (current !== '' && currentWidth + 3 + w > width) {
        lines.push(current);
        current = '';
        currentWidth = 0;
      }
      if (current === '') {
        current = group;
        currentWidth = w;
      } else {
        current = `${current} · ${group}`;
        currentWidth += 3 + w;
      }
    }
    lines.push(current);
  }
  return lines.join('\n');
}

/**
 * What to draw before the prompt: nothing, until the terminal is resized while it waits; then
 * the cleared screen and `config.above()` at the new width (inquirer redraws only its own lines,
 * and those at the old width). Ends with a blank line when not empty, as the screen it redraws does.
 */
export function useScreenAbove(config: CommonConfig): string {
  const [resizes, setResizes] = useState(0);
  const count = useRef(0);
  useEffect(() => {
    if (!config.above || !process.stdout.isTTY) return;
    const onResize = () => setResizes(++count.current);
    process.stdout.on('resize', onResize);
    return () => void process.stdout.off('resize', onResize);
  }, []);
  return resizes > 0 && config.above ? `${CLEAR_SCREEN}${config.above().replace(/\n*$/, '\n\n')}` : '';
}

/** `?`: readline gives it no key name, only its sequence. */
export function isHelpKey(key: { name?: string }): boolean {
  return (key as { sequence?: string }).sequence === '?';
}

/** The number keys that pick one of `n` choices: "1–4" (only 1–9 have keys). */
export function numberKeys(n: number): string {
  const last = Math.min(n, 9);
  return last <= 1 ? '1' : `1–${last}`;
}
