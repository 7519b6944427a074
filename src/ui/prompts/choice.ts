import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  useKeypress,
  usePrefix,
  useState,
  type Status,
} from '@inquirer/core';
import { ENGLISH } from '../../core/messages/index.js';
import { displayWidth, neutralizeControls, wrapText } from '../../core/text.js';
import { terminalPaint } from '../paint.js';
import { useTimeLeft } from './clock.js';
import { bottomLines, isHelpKey, promptTheme, useScreenAbove, type ActionKeys, type CommonConfig } from './theme.js';

export type ChoiceResult = { action: 'choose'; indexes: number[] } | { action: string; indexes?: undefined };

export interface ChoiceConfig extends CommonConfig {
  choices: readonly string[];
  /** Several may be picked: space or a number toggles, Enter submits. */
  multiple?: boolean;
  /** Index highlighted at first, e.g. the suggested grade. */
  default?: number;
  /** Letter keys that pick a choice at once, e.g. `{ t: 0, f: 1 }` for True / False (single choice only). */
  letters?: Readonly<Record<string, number>>;
  /** Letter keys that end the prompt with an action instead of a choice, e.g. `{ u: 'undo', q: 'quit' }`. */
  keys?: ActionKeys;
}

/**
 * One choice (a number key picks at once; arrows and Enter too) or several (`multiple`: space
 * or a number toggles, Enter submits, and Enter with nothing picked says so). Returns the
 * indexes picked, in choice order, or the action of a letter key. Choice text is neutralised:
 * it comes from deck files.
 */
export const choicePrompt = createPrompt<ChoiceResult, ChoiceConfig>((config, done) => {
  const theme = promptTheme();
  const [status, setStatus] = useState<Status>('idle');
  const [active, setActive] = useState(config.default ?? 0);
  const [picked, setPicked] = useState<readonly number[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const left = useTimeLeft(status === 'idle' ? config.deadline : undefined, config.now);
  const prefix = usePrefix({ status, theme });
  const above = useScreenAbove(config);
  const count = config.choices.length;
  const finish = (result: ChoiceResult) => {
    setPicked(result.indexes ?? []);
    setStatus('done');
    done(result);
  };
  const toggle = (i: number) =>
    setPicked(picked.includes(i) ? picked.filter((p) => p !== i) : [...picked, i].sort((a, b) => a - b));
  const [helpShown, setHelpShown] = useState(false);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    setError(undefined);
    if (config.help && isHelpKey(key)) return setHelpShown(!helpShown);
    const name = key.name?.toLowerCase();
    const digit = /^[1-9]$/.test(name ?? '') ? Number(name) - 1 : -1;
    const letter = name && !config.multiple ? config.letters?.[name] : undefined;
    const action = name ? config.keys?.[name] : undefined;
    if (letter !== undefined) finish({ action: 'choose', indexes: [letter] });
    else if (isUpKey(key)) setActive((active - 1 + count) % count);
    else if (isDownKey(key)) setActive((active + 1) % count);
    else if (digit >= 0 && digit < count) {
      setActive(digit);
      if (config.multiple) toggle(digit);
      else finish({ action: 'choose', indexes: [digit] });
    } else if (config.multiple && isSpaceKey(key)) toggle(active);
    else if (isEnterKey(key)) {
      if (!config.multiple) finish({ action: 'choose', indexes: [active] });
      else if (picked.length > 0) finish({ action: 'choose', indexes: [...picked] });
      else setError((config.messages ?? ENGLISH).pickAtLeastOne);
    } else if (action !== undefined) finish({ action });
  });
  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  // A choice longer than the line wraps under its own text, not under its number: the terminal's
  // wrap put the rest of a Chinese choice at 40 columns at the start of the next line.
  const width = process.stdout.columns || 80;
  if (status === 'done') {
    const answer = picked
      .map((i) => neutralizeControls(config.choices[i]!))
      .join((config.messages ?? ENGLISH).listSeparator);
    // Wrapped under itself too, as the choices were.
    const indent = displayWidth(message) + 1;
    const lines = wrapText(answer, Math.max(10, width - indent)).map((line) => theme.style.answer(line));
    return `${above}${message} ${lines.join(`\n${' '.repeat(indent)}`)}`.trimEnd();
  }
  const paint = terminalPaint();
  const lines = config.choices.map((choice, i) => {
    const box = config.multiple ? (picked.includes(i) ? '◉ ' : '◯ ') : '';
    const head = `${i === active ? '❯' : ' '} ${i + 1}. ${box}`;
    const indent = ' '.repeat(displayWidth(head));
    const body = wrapText(neutralizeControls(choice), Math.max(10, width - indent.length));
    const text = head + body.join(`\n${indent}`);
    return i === active ? paint.accent(text) : text;
  });
  return [`${above}${message}\n${lines.join('\n')}`, bottomLines(config, error, left, helpShown)];
});
