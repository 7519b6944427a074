import { describe, expect, it } from 'vitest';
import {
  buildHistories,
  itemsOf,
  nthSmallest,
  reviewLogOf,
  splitTime,
  type ItemLog,
} from '../../src/core/optimize/history.js';
import { planFit } from '../../src/core/optimize/plan.js';
import type { DayRule } from '../../src/core/schedule/day.js';

const H = 3_600_000;
const M = 60_000;
const zone = (minutes: number): DayRule => ({ startHour: 4, utcOffsetMinutes: () => minutes });
// Berlin: CEST (+120) until 2026-10-25 01:00 UTC, CET (+60) after.
const berlin: DayRule = { startHour: 4, utcOffsetMinutes: (t) => (t < Date.UTC(2026, 9, 25, 1) ? 120 : 60) };
const item = (...times: number[]): ItemLog => ({ deckId: 'd', ratings: times.map(() => 3), times });

describe('elapsed days for the optimiser are study days', () => {
  it.each([
    [
      'Shanghai 07:55 and 08:05 (23:55 and 00:05 UTC): the same study day',
      zone(480),
      [Date.UTC(2026, 0, 1, 23, 55), Date.UTC(2026, 0, 2, 0, 5)],
      [0, 0],
    ],
    [
      'UTC 03:55 and 04:05: a study day apart',
      zone(0),
      [Date.UTC(2026, 0, 1, 3, 55), Date.UTC(2026, 0, 1, 4, 5)],
      [0, 1],
    ],
    [
      'New York 23:00 and next day 05:00 local: one day',
      zone(-300),
      [Date.UTC(2026, 0, 2, 4), Date.UTC(2026, 0, 2, 10)],
      [0, 1],
    ],
    [
      'three days and a learning step',
      zone(0),
      [Date.UTC(2026, 0, 1, 9), Date.UTC(2026, 0, 1, 9, 10), Date.UTC(2026, 0, 4, 20)],
      [0, 0, 3],
    ],
    [
      'Berlin across the October change: 09:00 local to 09:00 local is one day',
      berlin,
      [Date.UTC(2026, 9, 24, 7), Date.UTC(2026, 9, 25, 8)],
      [0, 1],
    ],
    [
      'Berlin 03:30 CET after the change is still the day before',
      berlin,
      [Date.UTC(2026, 9, 25, 8), Date.UTC(2026, 9, 26, 2, 30)],
      [0, 0],
    ],
    [
      'a clock set back counts as the same day, never negative',
      zone(0),
      [Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 3, 9)],
      [0, 0],
    ],
  ])('%s', (_name, day, times, expected) => {
    expect([...buildHistories(reviewLogOf([item(...(times as number[]))]), day as DayRule).deltaDays]).toEqual(
      expected,
    );
  });

  it('splits at the moment after which a fifth of the reviews a day or more apart come', () => {
    const start = Date.UTC(2026, 0, 1, 9);
    const log = buildHistories(
      reviewLogOf(
        Array.from({ length: 60 }, (_, c) =>
          item(
            start + c * M,
            start + c * M + 10 * M,
            start + c * M + (c + 1) * 24 * H,
            start + c * M + (c + 5) * 24 * H,
          ),
        ),
      ),
      zone(0),
    );
    const split = splitTime(log, itemsOf(log))!;
    const later = [...log.times].filter((t, i) => log.deltaDays[i]! > 0 && t >= split);
    expect(later).toHaveLength(24);
    expect(splitTime(log, itemsOf(log).subarray(0, 10))).toBeUndefined();
  });
});

describe('which parameters are fitted', () => {
  it.each([
    ['one big deck: its own', { a: 900 }, ['a'], []],
    ['a small deck beside a big one: all decks together for it', { a: 900, b: 50 }, ['a', '*'], ['b']],
    ['two small decks over 400 together', { a: 250, b: 250 }, ['*'], ['a', 'b']],
    ['under 400 in all: nothing', { a: 250, b: 100 }, [], ['a', 'b']],
  ])('%s', (_name, counts, keys, small) => {
    const plan = planFit(new Map(Object.entries(counts)));
    expect(plan.groups.map((g) => g.key)).toEqual(keys);
    expect(plan.small).toEqual(small);
  });
});

describe('the split moment', () => {
  it('nthSmallest is the value at k of the sorted values, with ties and in any order', () => {
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [length, distinct] of [
      [1, 1],
      [2, 2],
      [7, 2],
      [100, 100],
      [1000, 10],
      [5000, 5000],
    ] as const) {
      const values = Float64Array.from({ length }, () => Math.floor(random() * distinct));
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, Math.floor(length / 3), Math.floor(length / 2), length - 1])
        expect(nthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
    }
    // Already sorted, reversed, and all equal: the orders a naive pivot handles worst.
    const ascending = Float64Array.from({ length: 4000 }, (_, i) => i);
    expect(nthSmallest(Float64Array.from(ascending), 3200)).toBe(3200);
    expect(nthSmallest(Float64Array.from(ascending).reverse(), 3200)).toBe(3200);
    expect(nthSmallest(new Float64Array(4000).fill(7), 3200)).toBe(7);
  });
});
