import type { Parsed } from '../quiz/duration.js';
import { DAY } from '../schedule/day.js';

/** The options `stats --exam` and `study --exam` share, checked: each error is one sentence for a UsageError. */

/** The furthest exam a plan is made for, in study days after today (three years). */
export const EXAM_MAX_DAYS = 1096;

export const DEFAULT_EXAM_RETENTION = 0.9;

/** The study day number (days since 1970-01-01, as `dayNumber` counts them) of a YYYY-MM-DD date. */
export function parseCalendarDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  // Date.UTC rolls 2026-02-30 over to March 2: a date that does not exist comes back different.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return time / DAY;
}

/**
 * `--exam DATE`: the exam's local calendar date, which is also its study day (a day starting at
 * 4 a.m. holds the morning of that date). From today (`today`, a study day number) to three years on.
 */
export function parseExamDate(text: string | undefined, today: number, todayDate: string): Parsed<number> {
  const day = text === undefined ? null : parseCalendarDate(text.trim());
  if (day === null)
    return { error: `--exam must be the exam's date as YYYY-MM-DD, such as 2027-06-14, not "${text ?? ''}"` };
  if (day < today)
    return {
      error: `--exam ${text!.trim()} is in the past (today's study day is ${todayDate}); give the date of an exam still to come`,
    };
  if (day - today > EXAM_MAX_DAYS)
    return {
      error: `--exam ${text!.trim()} is more than 3 years away (${day - today} days); plan for an exam at most ${EXAM_MAX_DAYS} days ahead`,
    };
  return { value: day };
}

/** `--exam-retention R`: the recall to reach on the exam day, 0.70 to 0.99 (default 0.9). */
export function parseExamRetention(text: string | undefined): Parsed<number> {
  if (text === undefined) return { value: DEFAULT_EXAM_RETENTION };
  const r = Number(text);
  if (text.trim() === '' || !(r >= 0.7 && r <= 0.99))
    return {
      error: `--exam-retention must be a number from 0.70 to 0.99 (the recall to reach on the exam day), not "${text}"`,
    };
  return { value: r };
}
