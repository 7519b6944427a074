/**
 * Study days: a day starts at `startHour` local time (4 a.m. by default, as in Anki), so a
 * session past midnight still counts toward the evening's limits. The local offset is a
 * function of the instant (`io/clock.ts` supplies it, DST included) so the core never reads
 * the machine's time zone, and each end of a day gets the offset in force at that end.
 */

import { ENGLISH } from '../messages/index.js';
import type { IntervalUnits } from '../messages/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Minutes east of UTC at an instant (epoch ms) in the person's time zone. */
export type UtcOffsetAt = (time: number) => number;

export interface DayRule {
  /** Local hour at which a study day starts. */
  startHour: number;
  utcOffsetMinutes: UtcOffsetAt;
}

/** The rule tests and callers without a time zone get: days start at 4 a.m. UTC. */
export const UTC_DAY_RULE: DayRule = { startHour: 4, utcOffsetMinutes: () => 0 };

export interface StudyDay {
  start: number;
  /** Start of the next study day: when buried siblings come back. */
  end: number;
}

/**
 * "Study time": the local wall-clock time minus the day-start hour, written as if it were UTC.
 * Its UTC calendar date is the study day, so whole-day arithmetic on study times (ts-fsrs's
 * `dateDiffInDays`, `Math.floor(t / DAY)`) counts study days in any zone and across DST.
 */
export function toStudyTime(time: number, rule: DayRule): number {
  return time + rule.utcOffsetMinutes(time) * MINUTE - rule.startHour * HOUR;
}

/**
 * The instant whose study time is `studyTime`: the local wall time read first with the offset
 * in force a day before, then with the one a day after (DST changes are months apart, and a
 * wall time is within 14 hours of its instant, so these are the offsets either side of any
 * change near it). A wall time that happens twice (October) is its first occurrence, one
 * skipped by the change (March, with --day-start 2) is the moment of the change, so each
 * study day starts where the previous one ends and holds every instant between.
 */
export function fromStudyTime(studyTime: number, rule: DayRule): number {
  const wall = studyTime + rule.startHour * HOUR;
  const before = wall - rule.utcOffsetMinutes(wall - DAY) * MINUTE;
  if (toStudyTime(before, rule) === studyTime) return before;
  const after = wall - rule.utcOffsetMinutes(wall + DAY) * MINUTE;
  return toStudyTime(after, rule) === studyTime ? after : before;
}

/** Study days from `earlier` to `later` (negative if the clock went back). */
export function studyDaysBetween(earlier: number, later: number, rule: DayRule): number {
  return Math.floor(toStudyTime(later, rule) / DAY) - Math.floor(toStudyTime(earlier, rule) / DAY);
}

/**
 * The study day holding `now`. Each end is the local day-start hour converted with the offset
 * of its own instant: with one offset for both ends (as before), a day in Berlin that crossed
 * the October change lasted 24 hours from 4 a.m. CEST to 3 a.m. CET and the next study day
 * began an hour early. A fixed `offset` in minutes is accepted for callers without a zone.
 */
export function studyDay(now: number, dayStartHour: number, offset: number | UtcOffsetAt): StudyDay {
  const rule: DayRule = {
    startHour: dayStartHour,
    utcOffsetMinutes: typeof offset === 'number' ? () => offset : offset,
  };
  const day = Math.floor(toStudyTime(now, rule) / DAY) * DAY;
  return { start: fromStudyTime(day, rule), end: fromStudyTime(day + DAY, rule) };
}

/** Where study days change within one UTC day: the day number at its start, and the instants after which the next ones begin. */
interface UtcDay {
  first: number;
  second: number;
  day: number;
}

/**
 * Study day numbers (days since 1970-01-01 in study time) of many instants: stats and the
 * optimiser go through the log item by item, and the exam plan through every item's dates, so
 * times jump back and forth across the year. Each UTC day's study-day changes are found once (at
 * most two fall in one UTC day, on a 23-hour DST day) and kept: an instant's day is then two
 * comparisons. Finding the day of each review instead asked the time zone's offset four times a
 * review, a third of stats' pass over the log.
 */
export class DayIndex {
  private readonly utcDays = new Map<number, UtcDay>();

  constructor(private readonly rule: DayRule) {}

  of(time: number): number {
    const utc = Math.floor(time / DAY);
    let known = this.utcDays.get(utc);
    if (!known) this.utcDays.set(utc, (known = this.changes(utc * DAY)));
    return time < known.first ? known.day : time < known.second ? known.day + 1 : known.day + 2;
  }

  private changes(midnight: number): UtcDay {
    const rule = this.rule;
    const first = studyDay(midnight, rule.startHour, rule.utcOffsetMinutes).end;
    const second =
      first < midnight + DAY ? studyDay(first, rule.startHour, rule.utcOffsetMinutes).end : Number.POSITIVE_INFINITY;
    return {
      day: Math.floor(toStudyTime(midnight, rule) / DAY),
      first,
      second,
    };
  }
}

/** A short interval for grade buttons: 1m, 10m, 5h, 3d, 2.5mo, 1.2y (`units` from the message catalogue). */
export function formatInterval(ms: number, units: IntervalUnits = ENGLISH.intervals): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}${units.m}`;
  const hours = ms / HOUR;
  if (hours < 24) return `${Math.round(hours)}${units.h}`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}${units.d}`;
  if (days < 365) return `${trim(days / 30)}${units.mo}`;
  return `${trim(days / 365)}${units.y}`;
}

function trim(n: number): string {
  return n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n));
}
