import { describe, expect, it } from 'vitest';
import {
  simulateWorkload,
  suggestRetention,
  SUGGESTED_RANGE,
  type WorkloadSettings,
} from '../../src/core/optimize/simulate.js';
import { DEFAULT_WEIGHTS } from '../../src/core/schedule/fsrs.js';
import { TRUE_WEIGHTS } from './simulate.mjs';

// A deck of 3,000 items at study's defaults (20 new and 200 reviews a day), a year.
const DECK: WorkloadSettings = {
  items: 3000,
  newPerDay: 20,
  reviewsPerDay: 200,
  days: 365,
  maximumIntervalDays: 36500,
  seed: 'test',
  simulatedItems: 1500,
};
// The same with no review limit, so nothing waits and only the retention moves the numbers.
const UNLIMITED: WorkloadSettings = { ...DECK, reviewsPerDay: 1e9 };

describe('the workload simulator', () => {
  it('repeats exactly for a seed, and another seed draws another learner', () => {
    const once = simulateWorkload(DEFAULT_WEIGHTS, 0.85, DECK);
    expect(simulateWorkload(DEFAULT_WEIGHTS, 0.85, DECK)).toEqual(once);
    expect(simulateWorkload(DEFAULT_WEIGHTS, 0.85, { ...DECK, seed: 'other' }).seconds).not.toBe(once.seconds);
  });

  it('studies every item of a deck small enough for the year, and no more', () => {
    const small = simulateWorkload(DEFAULT_WEIGHTS, 0.9, { ...UNLIMITED, items: 200 });
    // At least a first answer per item, about ten seconds or more each.
    expect(small.answers).toBeGreaterThanOrEqual(200);
    expect(small.seconds).toBeGreaterThan(200 * 10);
    expect(small.remembered).toBeLessThanOrEqual(200);
    expect(small.remembered).toBeGreaterThan(100);
  });

  it('asks for more answers and keeps more in memory as the desired retention rises', () => {
    const runs = [0.7, 0.8, 0.9, 0.95, 0.99].map((r) => simulateWorkload(DEFAULT_WEIGHTS, r, UNLIMITED));
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.answers).toBeGreaterThan(runs[i - 1]!.answers);
      expect(runs[i]!.seconds).toBeGreaterThan(runs[i - 1]!.seconds);
      expect(runs[i]!.remembered).toBeGreaterThan(runs[i - 1]!.remembered);
    }
  });

  it('costs more per item remembered at 0.97 and above than at the suggestion', () => {
    const suggestion = suggestRetention(DEFAULT_WEIGHTS, UNLIMITED);
    const high = [0.97, 0.99].map((r) => simulateWorkload(DEFAULT_WEIGHTS, r, UNLIMITED).secondsPerRemembered);
    expect(high[0]).toBeGreaterThan(suggestion.best.secondsPerRemembered * 1.2);
    expect(high[1]).toBeGreaterThan(high[0]!);
  });
});

describe('the suggested retention', () => {
  it("lies where the literature puts it for FSRS-6's defaults (0.70–0.90), and costs less than 0.90", () => {
    const suggestion = suggestRetention(DEFAULT_WEIGHTS, DECK);
    expect(suggestion.retention).toBeGreaterThanOrEqual(0.7);
    expect(suggestion.retention).toBeLessThanOrEqual(0.9);
    const atDefault = suggestion.tried.find((w) => w.retention === 0.9)!;
    expect(atDefault.secondsPerRemembered).toBeGreaterThan(suggestion.best.secondsPerRemembered);
    // The highest retention within 2% of the least cost found, never one that costs more.
    expect(suggestion.best.secondsPerRemembered).toBeLessThanOrEqual(suggestion.least.secondsPerRemembered * 1.02);
    for (const w of suggestion.tried)
      if (w.retention > suggestion.retention)
        expect(w.secondsPerRemembered).toBeGreaterThan(suggestion.least.secondsPerRemembered * 1.02);
  });

  it('stays in 0.70–0.95 and repeats for other parameters', () => {
    const first = suggestRetention(TRUE_WEIGHTS, DECK);
    expect(first.retention).toBeGreaterThanOrEqual(SUGGESTED_RANGE[0]);
    expect(first.retention).toBeLessThanOrEqual(SUGGESTED_RANGE[1]);
    expect(suggestRetention(TRUE_WEIGHTS, DECK).retention).toBe(first.retention);
  });
});
