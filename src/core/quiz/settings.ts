import { parseCardTypes, parseList, parseSeed } from '../options.js';
import type { CardType } from '../deck/types.js';
import { parseTimeLimit, type Parsed } from './duration.js';

/** What commander hands over: raw strings, checked here so every bad value gets one sentence. */
export interface QuizOptionInput {
  count?: string;
  tag?: string[];
  section?: string[];
  type?: string[];
  deck?: string[];
  seed?: string;
  feedback?: string;
  timeLimit?: string;
  passMark?: string;
  retryMissed?: boolean;
  lenient?: boolean;
}

export type Feedback = 'immediate' | 'end';
export const FEEDBACK_MODES: readonly Feedback[] = ['immediate', 'end'];
export const DEFAULT_COUNT = 20;

export interface QuizSettings {
  count: number;
  tags: string[];
  sections: string[];
  types: CardType[];
  /** Deck ids (--deck). */
  decks: string[];
  /** Undefined when not given: the shell then picks one and shows it so the quiz can be repeated. */
  seed?: string;
  feedback: Feedback;
  timeLimitMs?: number;
  passMark?: number;
  retryMissed: boolean;
  /** Typed answers the checker calls "almost" count as right (decks can say so too: `lenient: true`). */
  lenient: boolean;
}

export function parseQuizOptions(input: QuizOptionInput): Parsed<QuizSettings> {
  const count = parseCount(input.count);
  if ('error' in count) return count;
  const types = parseCardTypes(input.type ?? []);
  if ('error' in types) return types;
  const feedback = input.feedback ?? 'end';
  if (!FEEDBACK_MODES.includes(feedback as Feedback))
    return { error: `--feedback "${feedback}" is not a feedback mode; use immediate or end` };
  let timeLimitMs: number | undefined;
  if (input.timeLimit !== undefined) {
    const limit = parseTimeLimit(input.timeLimit);
    if ('error' in limit) return limit;
    timeLimitMs = limit.value;
  }
  const passMark = parsePassMark(input.passMark);
  if ('error' in passMark) return passMark;
  const seed = parseSeed(input.seed);
  if ('error' in seed) return seed;
  return {
    value: {
      count: count.value,
      tags: parseList(input.tag ?? []),
      sections: parseList(input.section ?? []),
      types: types.value,
      decks: parseList(input.deck ?? []),
      seed: seed.value,
      feedback: feedback as Feedback,
      timeLimitMs,
      passMark: passMark.value,
      retryMissed: Boolean(input.retryMissed),
      lenient: Boolean(input.lenient),
    },
  };
}

function parseCount(text: string | undefined): Parsed<number> {
  if (text === undefined) return { value: DEFAULT_COUNT };
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    return { error: `--count "${text}" is not a positive whole number; use e.g. --count 20` };
  }
  return { value: n };
}

function parsePassMark(text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { value: undefined };
  const trimmed = text.trim().replace(/%$/, '');
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    return { error: `--pass-mark "${text}" is not a percentage between 0 and 100; use e.g. --pass-mark 80` };
  }
  return { value: n };
}

/** `--type choice,truefalse` and `--type choice --type truefalse` mean the same. */
