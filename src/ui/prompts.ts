import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import chalk from 'chalk';
import type { AnswerCheck, AnswerKey } from '../core/answer.js';
import { padLabel, typedAnswerLines, verdictLine, type AnswerPaint } from '../core/answer-feedback.js';
import { ENGLISH, type Messages } from '../core/messages/index.js';
import { neutralizeControls } from '../core/text.js';

/**
 * Prompts shared by `study` and `quiz`. Each is an @inquirer/core view: createPrompt owns the
 * terminal, and Ctrl-C rejects with ExitPromptError (see `ui/terminal.ts`).
 */

/** A letter key that ends a prompt with a named action, e.g. `{ u: 'undo', q: 'quit' }`. */
export type ActionKeys = Readonly<Record<string, string>>;

/**
 * Inquirer marks a finished prompt with a green ✔, which on an answer line reads as "right" even
 * when the answer was wrong (issue 12): answer lines get a neutral mark, and the verdict below
 * them says ✓ or ✗.
 */
export function answeredPrefix(status: Status | string, prefix: string): string {
  return status === 'done' ? chalk.dim('›') : prefix;
}

export type TypedResult = { action: 'answer'; text: string } | { action: 'skip' };

export interface TypedConfig {
  message: string;
  /** Shown under the input, e.g. which keys do what. */
  hint?: string;
  /** What Enter says about the line: an error keeps the prompt open (an order such as `3142` that is not one). */
  validate?: (value: string) => string | undefined;
}

/** A line of text typed as the answer. Esc gives up typing (to reveal the answer instead). */
export const typedAnswerPrompt = createPrompt<TypedResult, TypedConfig>((config, done) => {
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = answeredPrefix(status, usePrefix({ status }));
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      if (value.trim() === '') return;
      const invalid = config.validate?.(value);
      if (invalid !== undefined) {
        // Enter emptied readline's line: put the text back so it can be corrected, not retyped.
        rl.write(value);
        return setError(invalid);
      }
      setStatus('done');
      done({ action: 'answer', text: value });
    } else if (key.name === 'escape') {
      setStatus('done');
      done({ action: 'skip' });
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });
  const theme = makeTheme({});
  const line = [prefix, theme.style.message(config.message, status), status === 'done' ? theme.style.answer(neutralizeControls(value)) : neutralizeControls(value)].join(' ');
  const bottom = [error ? chalk.red(error) : undefined, config.hint ? chalk.dim(config.hint) : undefined].filter(Boolean).join('\n');
  return [line, status === 'done' || !bottom ? undefined : bottom];
});

export type KeyResult = string;

export interface KeyConfig {
  message: string;
  /** key name → action returned; `enter` names the Enter key. */
  keys: ActionKeys;
  hint?: string;
  /** What to show after the message once answered, by action (e.g. `{ true: 'True' }`). */
  echo?: Readonly<Record<string, string>>;
}

/** Waits for one of a few keys: "Enter to show the answer", "t / f". Returns the key's action. */
export const keyPrompt = createPrompt<KeyResult, KeyConfig>((config, done) => {
  const [status, setStatus] = useState<Status>('idle');
  const [chosen, setChosen] = useState('');
  const prefix = answeredPrefix(status, usePrefix({ status }));
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const name = isEnterKey(key) ? 'enter' : key.name?.toLowerCase();
    const action = name ? config.keys[name] : undefined;
    rl.clearLine(0);
    if (action === undefined) return;
    setChosen(action);
    setStatus('done');
    done(action);
  });
  const theme = makeTheme({});
  const echo = status === 'done' ? config.echo?.[chosen] : undefined;
  // "Press Enter to show the answer" has done its job once pressed: no leftover line (issue 12).
  if (status === 'done' && !echo) return '';
  return [[prefix, theme.style.message(config.message, status), ...(echo ? [theme.style.answer(echo)] : [])].join(' '), status === 'done' || !config.hint ? undefined : chalk.dim(config.hint)];
});

export type ChoiceResult = { action: 'choose'; indexes: number[] } | { action: string; indexes?: undefined };

export interface ChoiceConfig {
  message: string;
  choices: readonly string[];
  /** Several answers may be picked (space or their number toggles, Enter submits). */
  multiple?: boolean;
  /** Index highlighted at first, e.g. the suggested grade. */
  default?: number;
  /** Letter keys that end the prompt with an action instead of a choice. */
  keys?: ActionKeys;
  hint?: string;
  /** Said when Enter is pressed with nothing picked (multiple). */
  pickAtLeastOne?: string;
}

/**
 * Pick one choice (number keys pick at once; arrows and Enter too) or several (`multiple`).
 * Choice text is neutralised: it comes from deck files.
 */
export const choicePrompt = createPrompt<ChoiceResult, ChoiceConfig>((config, done) => {
  const [status, setStatus] = useState<Status>('idle');
  const [active, setActive] = useState(config.default ?? 0);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<readonly number[]>([]);
  const prefix = answeredPrefix(status, usePrefix({ status }));
  const count = config.choices.length;
  const finish = (result: ChoiceResult) => {
    setChosen(result.indexes ?? []);
    setStatus('done');
    done(result);
  };
  const toggle = (i: number) => setPicked(picked.includes(i) ? picked.filter((p) => p !== i) : [...picked, i].sort((a, b) => a - b));
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    const digit = /^[1-9]$/.test(key.name ?? '') ? Number(key.name) - 1 : -1;
    if (isUpKey(key)) setActive((active - 1 + count) % count);
    else if (isDownKey(key)) setActive((active + 1) % count);
    else if (digit >= 0 && digit < count) {
      if (config.multiple) {
        setActive(digit);
        toggle(digit);
      } else finish({ action: 'choose', indexes: [digit] });
    } else if (config.multiple && isSpaceKey(key)) toggle(active);
    else if (isEnterKey(key)) {
      if (!config.multiple) finish({ action: 'choose', indexes: [active] });
      else if (picked.length > 0) finish({ action: 'choose', indexes: [...picked] });
      else setError(config.pickAtLeastOne ?? ENGLISH.study.pickAtLeastOne);
    } else {
      const action = key.name ? config.keys?.[key.name.toLowerCase()] : undefined;
      if (action !== undefined) finish({ action });
    }
  });
  const theme = makeTheme({});
  const message = [prefix, theme.style.message(config.message, status)].join(' ');
  if (status === 'done') return `${message} ${theme.style.answer(chosen.map((i) => neutralizeControls(config.choices[i]!)).join('; '))}`.trimEnd();
  const lines = config.choices.map((choice, i) => {
    const box = config.multiple ? (picked.includes(i) ? '◉ ' : '◯ ') : '';
    const text = `${i === active ? '❯' : ' '} ${i + 1}. ${box}${neutralizeControls(choice)}`;
    return i === active ? chalk.cyan(text) : text;
  });
  const hint = [error ? chalk.red(error) : undefined, config.hint ? chalk.dim(config.hint) : undefined].filter(Boolean).join('\n');
  return [`${message}\n${lines.join('\n')}`, hint || undefined];
});

/** The number keys that pick one of `n` choices: "1–4" (only 1–9 have keys). */
export function numberKeys(n: number): string {
  const last = Math.min(n, 9);
  return last <= 1 ? '1' : `1–${last}`;
}

/** Differences in colour; without colour (NO_COLOR, pipes), brackets still show them. */
export function answerPaint(): AnswerPaint {
  return {
    missing: (s) => (chalk.level > 0 ? chalk.bold.green.underline(s) : `[${s}]`),
    extra: (s) => (chalk.level > 0 ? chalk.bold.red.strikethrough(s) : `(${s})`),
  };
}

/**
 * The feedback on a typed answer, as `study` shows it: the verdict and its reason, then
 * Expected (the card's answer), You typed, Also accepted; `indent` before each line.
 */
export function formatTypedFeedback(typed: string, check: AnswerCheck, key: AnswerKey, indent = '  ', m: Messages = ENGLISH): string[] {
  // In study a near miss is graded by the person; Hard is what it suggests.
  const verdict = check.verdict === 'almost' ? `${verdictLine(check, key, m)}${m.feedback.hardSuggested}` : verdictLine(check, key, m);
  const style = check.verdict === 'correct' ? chalk.green : check.verdict === 'almost' ? chalk.yellow : chalk.red;
  return [style(verdict), ...typedAnswerLines(typed, check, key, answerPaint(), m).map((l) => `${indent}${chalk.dim(padLabel(l.label, m))}${l.text}`)];
}
