import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { DAY, DayIndex, toStudyTime, type DayRule } from '../../src/core/schedule/day.js';

/**
 * The study-day numbers stats folds the log with, kept per UTC day, against the definition
 * (floor of study time over a day), at random minutes of two years and at every minute around
 * the changes, in zones where a UTC day holds one change or two (a 23-hour study day that
 * starts at 00:30 UTC).
 */
const SPRING = Date.UTC(2025, 2, 30, 1);
const AUTUMN = Date.UTC(2025, 9, 26, 1);
const fixed = (minutes: number, startHour = 4): DayRule => ({ startHour, utcOffsetMinutes: () => minutes });
const RULES: [string, DayRule, number[]][] = [
  ['UTC', fixed(0), []],
  ['Shanghai', fixed(480), []],
  ['Los Angeles (fixed)', fixed(-480), []],
  ['Kathmandu +5:45', fixed(345), []],
  ['Berlin', { startHour: 4, utcOffsetMinutes: (t) => (t >= SPRING && t < AUTUMN ? 120 : 60) }, [SPRING, AUTUMN]],
  // 4 a.m. at +3:30 is 00:30 UTC; moving to +4:30 that day makes a 23-hour study day that
  // begins and ends within one UTC day (00:30 to 23:30).
  [
    'two changes in one UTC day',
    { startHour: 4, utcOffsetMinutes: (t) => (t >= Date.UTC(2025, 5, 1, 12) ? 270 : 210) },
    [Date.UTC(2025, 5, 1, 12)],
  ],
  ['--day-start 0 in Berlin', { startHour: 0, utcOffsetMinutes: (t) => (t >= SPRING && t < AUTUMN ? 120 : 60) }, []],
];

describe('DayIndex', () => {
  it.each(RULES)('gives every time its study day (%s)', (_name, rule, changes) => {
    const index = new DayIndex(rule);
    const rng = createRng(_name);
    const start = Date.UTC(2024, 9, 1);
    const times = Array.from({ length: 20_000 }, () => start + Math.floor(rng() * 730 * 1440) * 60_000);
    for (const change of changes)
      for (let m = -2 * 1440; m <= 2 * 1440; m++) times.push(change - (change % 60_000) + m * 60_000);
    let checked = 0;
    for (const t of times) {
      expect(index.of(t)).toBe(Math.floor(toStudyTime(t, rule) / DAY));
      checked++;
    }
    expect(checked).toBe(times.length);
  });
});
