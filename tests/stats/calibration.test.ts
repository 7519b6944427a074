import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { DAY, UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import { createForgettingCurve, createScheduler, DEFAULT_SCHEDULER_OPTIONS } from '../../src/core/schedule/fsrs.js';
import { benchmarkBin, CalibrationSums, rmseBins } from '../../src/core/stats/calibration.js';
import { ReviewAggregator } from '../../src/core/stats/reviews.js';
import { foldReviewRows, reviewMemory } from '../helpers/reviews.js';

// The scheduler's predictions (what study sees) draw the answers; stats predicts with the forgetting curve.
const retrievability = createScheduler({
  ...DEFAULT_SCHEDULER_OPTIONS,
  day: { startHour: 0, utcOffsetMinutes: () => 0 },
}).retrievability;
const recall = createForgettingCurve();
const START = Date.UTC(2025, 0, 6, 12);

describe('srs-benchmark metrics', () => {
  it.each([
    // [elapsed days, review number, lapses] pairs in one bin, as the benchmark's rounding puts them
    [
      [1, 2, 0],
      [3, 3, 0],
    ], // delta_t 2.48 (1-3 days), i 1.99 (2-3), lapse 0
    [
      [4, 4, 1],
      [13, 6, 1],
    ], // delta_t 8.98 (4-13), i 3.76 (4-6), lapse 1.65 (1)
    [
      [14, 7, 2],
      [47, 12, 2],
    ], // delta_t 32.5 (14-47), i 7.1 (7-12), lapse 2.85 (2)
  ])('bins %j and %j together', (a, b) => {
    expect(benchmarkBin(a[0]!, a[1]!, a[2]!)).toBe(benchmarkBin(b[0]!, b[1]!, b[2]!));
  });

  it.each([
    [
      [3, 2, 0],
      [4, 2, 0],
    ],
    [
      [5, 3, 0],
      [5, 4, 0],
    ],
    [
      [5, 4, 0],
      [5, 4, 1],
    ],
    [
      [5, 4, 1],
      [5, 4, 2],
    ],
  ])('bins %j and %j apart', (a, b) => {
    expect(benchmarkBin(a[0]!, a[1]!, a[2]!)).not.toBe(benchmarkBin(b[0]!, b[1]!, b[2]!));
  });

  it('RMSE(bins) is the count-weighted root mean square of (mean outcome - mean prediction) over the bins', () => {
    // Bin 1: 3 reviews, mean p 0.9, mean y 2/3; bin 2: 1 review, p 0.5, y 1.
    const value = rmseBins([
      { n: 3, p: 2.7, y: 2 },
      { n: 1, p: 0.5, y: 1 },
    ]);
    expect(value).toBeCloseTo(Math.sqrt((3 * (2 / 3 - 0.9) ** 2 + 1 * 0.5 ** 2) / 4), 12);
  });

  it('log loss is the mean binary cross-entropy, with certain wrong predictions clipped', () => {
    const sums = new CalibrationSums();
    sums.add(0.9, true, 1, 2, 0);
    sums.add(0.8, false, 1, 2, 0);
    sums.add(1, false, 1, 2, 0);
    const c = sums.result();
    expect(c.logLoss).toBeCloseTo((-Math.log(0.9) - Math.log(0.2) - Math.log(Number.EPSILON)) / 3, 6);
    expect(c.reviews).toBe(3);
    expect(c.bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0.8, 0.85, 1],
      [0.9, 0.95, 1],
      [0.95, 1, 1],
    ]);
  });
});

/**
 * A synthetic log: items reviewed at intervals of 1-60 study days, each answer drawn with a
 * seeded PRNG at `truth(p)` where p is what the scheduler predicts from the stored stability.
 */
function syntheticLog(truth: (p: number) => number, seed: string) {
  const rng = createRng(seed);
  const aggregator = new ReviewAggregator(1, UTC_DAY_RULE, recall);
  const rows: [string, number, number, number, number][] = [];
  for (let item = 0; item < 400; item++) {
    let at = START + Math.floor(rng() * 30) * DAY;
    let stability = 0.5 + rng() * 3;
    rows.push([`k${item}`, at, 3, 0, stability]);
    for (let r = 0; r < 15; r++) {
      const elapsed = 1 + Math.floor(rng() * Math.min(60, stability * 3));
      const next = at + elapsed * DAY;
      const p = retrievability(reviewMemory(stability, at), next);
      const recalled = rng() < truth(p);
      stability = recalled ? stability * (1.5 + rng()) : Math.max(0.3, stability * 0.4);
      rows.push([`k${item}`, next, recalled ? 3 : 1, 2, stability]);
      at = next;
    }
  }
  // Saved in time order, as sessions save them.
  rows.sort((a, b) => a[1] - b[1]);
  foldReviewRows(
    aggregator,
    rows.map(([key, at, rating, stateBefore, stability]) => ({ deck: 0, key, at, rating, stateBefore, stability })),
  );
  return aggregator.decks[0]!.calibration.result();
}

describe('calibration of a synthetic review log', () => {
  it('recall drawn at the predicted probability: small RMSE(bins), bins on the diagonal', () => {
    const c = syntheticLog((p) => p, 'calibrated');
    expect(c.reviews).toBe(400 * 15);
    expect(c.rmseBins!).toBeLessThan(0.03);
    expect(Math.abs(c.actual! - c.predicted!)).toBeLessThan(0.015);
    for (const bin of c.bins.filter((b) => b.count >= 300))
      expect(Math.abs(bin.actual - bin.predicted)).toBeLessThan(0.05);
  });

  it('recall 20 points below the prediction: large RMSE(bins) and a higher log loss', () => {
    const good = syntheticLog((p) => p, 'calibrated');
    const bad = syntheticLog((p) => Math.max(0, p - 0.2), 'calibrated');
    expect(bad.rmseBins!).toBeGreaterThan(0.15);
    expect(bad.logLoss!).toBeGreaterThan(good.logLoss! + 0.1);
    expect(bad.predicted! - bad.actual!).toBeGreaterThan(0.15);
  });

  it('leaves out first reviews and answers on the same study day as the review before', () => {
    const aggregator = new ReviewAggregator(1, UTC_DAY_RULE, recall);
    aggregator.item(0);
    aggregator.review(START, 3, 0, 2.3);
    aggregator.review(START + 3_600_000, 3, 2, 2.5); // same day: no prediction
    aggregator.review(START + 2 * DAY, 1, 2, 1); // 2 days on: predicted from S 2.5
    const c = aggregator.decks[0]!.calibration.result();
    expect(c.reviews).toBe(1);
    const expected = retrievability(reviewMemory(2.5, START), START + 2 * DAY);
    expect(c.predicted).toBeCloseTo(expected, 12);
    expect(c.actual).toBe(0);
  });
});
