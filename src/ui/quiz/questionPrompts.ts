import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useEffect, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import chalk from 'chalk';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { formatClock } from '../../core/quiz/duration.js';
import { neutralizeControls } from '../../core/text.js';
import { answeredPrefix, numberKeys } from '../prompts.js';

/**
 * The prompts a quiz question is answered with. Unlike @inquirer/select and friends they show
 * the time left under the prompt and redraw it every second, so with --time-limit the clock is
 * visible while thinking, not only when a question starts.
 */

// Inquirer marks an answered prompt with a green check, which would read as "correct" in a
// quiz; a neutral mark leaves right and wrong to the feedback lines.
export const quizTheme = { prefix: { idle: '?', done: '›' } };

interface ClockConfig {
  /** Epoch milliseconds when the time limit runs out; no clock without it. */
  deadline?: number;
  /** The words of the keys line and errors (the screen's language); English when not given. */
  messages?: Messages;
}

/** Milliseconds left, updated every second; undefined without a deadline. */
function useTimeLeft(deadline: number | undefined): number | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (deadline === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === undefined ? undefined : Math.max(0, deadline - now);
}

/** The line under a prompt: the keys, and the clock (red in the last minute). */
function bottomLine(help: string, left: number | undefined, error: string | undefined, m: Messages): string {
  const clock = left === undefined ? '' : `${(left <= 60_000 ? chalk.red : chalk.yellow)(m.quiz.timeLeft(formatClock(left)))}  `;
  return [error ? chalk.red(error) : undefined, `${clock}${chalk.dim(help)}`].filter(Boolean).join('\n');
}

export interface TypedAnswerConfig extends ClockConfig {
  message: string;
  /** What Enter says about the line: an error keeps the prompt open (an order such as `3142` that is not one). */
  validate?: (value: string) => string | undefined;
  /** The keys line under the prompt (default "Enter: submit"). */
  help?: string;
}

/** A line of text; Enter on an empty line is refused, so a stray Enter does not cost a question. */
export const typedAnswerPrompt = createPrompt<string, TypedAnswerConfig>((config, done) => {
  const theme = makeTheme(quizTheme);
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const left = useTimeLeft(status === 'idle' ? config.deadline : undefined);
  const prefix = answeredPrefix(status, usePrefix({ status, theme }));
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (!isEnterKey(key)) {
      setValue(rl.line);
      setError(undefined);
    } else if (value.trim() === '') {
      setError((config.messages ?? ENGLISH).quiz.typeSomething);
    } else if (config.validate?.(value) !== undefined) {
      // Enter emptied readline's line: put the text back so it can be corrected, not retyped.
      rl.write(value);
      setError(config.validate(value));
    } else {
      setStatus('done');
      done(value);
    }
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(neutralizeControls(value))}`;
  return [`${prefix} ${message} ${neutralizeControls(value)}`, bottomLine(config.help ?? (config.messages ?? ENGLISH).quiz.submitHelp, left, error, config.messages ?? ENGLISH)];
});

export interface ChoiceAnswerConfig extends ClockConfig {
  message: string;
  choices: readonly string[];
  /** Several may be picked: space or a number toggles, Enter submits. */
  multiple?: boolean;
  /** Letter keys that pick a choice at once, e.g. `{ t: 0, f: 1 }` for True / False. */
  letters?: Readonly<Record<string, number>>;
}

/**
 * One choice (arrows and Enter, or its number) or several (`multiple`), keyed like `study`'s
 * choice prompt. Returns the indexes picked, in choice order. Choice text is neutralised.
 */
export const choiceAnswerPrompt = createPrompt<number[], ChoiceAnswerConfig>((config, done) => {
  const theme = makeTheme(quizTheme);
  const [status, setStatus] = useState<Status>('idle');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const left = useTimeLeft(status === 'idle' ? config.deadline : undefined);
  const prefix = answeredPrefix(status, usePrefix({ status, theme }));
  const count = config.choices.length;
  const finish = (indexes: number[]) => {
    setPicked(indexes);
    setStatus('done');
    done(indexes);
  };
  const toggle = (i: number) => setPicked(picked.includes(i) ? picked.filter((p) => p !== i) : [...picked, i].sort((a, b) => a - b));
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    setError(undefined);
    const digit = /^[1-9]$/.test(key.name ?? '') ? Number(key.name) - 1 : -1;
    const letter = key.name ? config.letters?.[key.name.toLowerCase()] : undefined;
    if (letter !== undefined && !config.multiple) finish([letter]);
    else if (isUpKey(key)) setActive((active - 1 + count) % count);
    else if (isDownKey(key)) setActive((active + 1) % count);
    else if (digit >= 0 && digit < count) {
      setActive(digit);
      if (config.multiple) toggle(digit);
      else finish([digit]);
    } else if (config.multiple && isSpaceKey(key)) toggle(active);
    else if (isEnterKey(key)) {
      if (!config.multiple) finish([active]);
      else if (picked.length > 0) finish([...picked]);
      else setError((config.messages ?? ENGLISH).quiz.pickAtLeastOne);
    }
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(picked.map((i) => neutralizeControls(config.choices[i]!)).join((config.messages ?? ENGLISH).listSeparator))}`;
  const lines = config.choices.map((choice, i) => {
    const box = config.multiple ? (picked.includes(i) ? '◉ ' : '◯ ') : '';
    const text = `${i === active ? '❯' : ' '} ${i + 1}. ${box}${neutralizeControls(choice)}`;
    return i === active ? chalk.cyan(text) : text;
  });
  const letters = Object.entries(config.letters ?? {})
    .map(([k, i]) => `${k} ${neutralizeControls(config.choices[i] ?? '').toLowerCase()}`)
    .join(' · ');
  const m = config.messages ?? ENGLISH;
  const keys = letters ? `${letters} · ↑↓ Enter` : m.quiz.numberHelp(numberKeys(count));
  const help = config.multiple ? m.quiz.toggleHelp(numberKeys(count)) : m.quiz.chooseHelp(keys);
  return [`${prefix} ${message}\n${lines.join('\n')}`, bottomLine(help, left, error, m)];
});
