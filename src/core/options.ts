/**
 * Option values as commander hands them over (strings), checked once for every command: each
 * bad value gets one sentence naming the option, and the command turns it into exit code 2.
 */

import { CARD_TYPES, type CardType } from './deck/types.js';

export type Parsed<T> = { value: T } | { error: string };

export function parseWholeNumber(
  value: string | undefined,
  name: string,
  range: { min: number; max: number; fallback: number },
): Parsed<number> {
  if (value === undefined) return { value: range.fallback };
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max)
    return { error: `${name} must be a whole number from ${range.min} to ${range.max}, not "${value}"` };
  return { value: n };
}

/** The desired retention FSRS schedules for: the share of reviews you want to remember. */
export function parseRetention(
  value: string | undefined,
  fallback: number,
  what = 'the share of cards you want to remember',
): Parsed<number> {
  if (value === undefined) return { value: fallback };
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0.7 && n <= 0.99))
    return { error: `--retention must be a number from 0.70 to 0.99 (${what}), not "${value}"` };
  return { value: n };
}

/** The local hour a study day starts at (4 by default, as in Anki). */
export const DEFAULT_DAY_START = 4;

export function parseDayStart(value: string | undefined): Parsed<number> {
  return parseWholeNumber(value, '--day-start', { min: 0, max: 23, fallback: DEFAULT_DAY_START });
}

/** A repeatable option (`--tag a --tag b`) or a comma list (`--tag a,b`): trimmed, empty entries dropped, each once. */
export function parseList(values: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const value of values ?? []) for (const part of value.split(',')) if (part.trim()) out.add(part.trim());
  return [...out];
}

/** --type for quiz and print: card types, repeated or comma-separated, any case, each once. */
export function parseCardTypes(values: readonly string[] | undefined): Parsed<CardType[]> {
  const types = parseList(values).map((t) => t.toLowerCase());
  const unknown = types.find((t) => !(CARD_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined)
    return { error: `--type "${unknown}" is not a card type; use one or more of ${CARD_TYPES.join(', ')}` };
  return { value: [...new Set(types)] as CardType[] };
}

/** --seed for quiz and print: any word or number, trimmed; undefined when not given (the command picks one). */
export function parseSeed(value: string | undefined): Parsed<string | undefined> {
  if (value !== undefined && value.trim() === '')
    return { error: '--seed must not be empty; use any word or number, e.g. --seed 42' };
  return { value: value?.trim() };
}
