import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { DAY, type DayRule } from '../../src/core/schedule/day.js';
import {
  createForgettingCurve,
  createScheduler,
  DEFAULT_SCHEDULER_OPTIONS,
  DEFAULT_WEIGHTS,
  newMemory,
  type GradeValue,
} from '../../src/core/schedule/fsrs.js';
import type { ItemState } from '../../src/core/schedule/queue.js';
import { buildStatsReport } from '../../src/core/stats/report.js';
import { ReviewAggregator, type Recall } from '../../src/core/stats/reviews.js';
import { openDatabase } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';
import { foldReviews, readCardStates } from '../../src/io/statsStore.js';
import { FoldWorker } from '../../src/io/statsFold.js';
import { systemClock } from '../../src/io/clock.js';
import { reviewMemory } from '../helpers/reviews.js';

/**
 * The fast path of `stats` (the covering index `reviews_item` and the closed-form forgetting
 * curve) against the computation it replaced (a scan of the table in rowid order and ts-fsrs's
 * forgetting curve through the scheduler, per review): the same report, to the last bit.
 */

const NOW = Date.UTC(2025, 8, 1, 9);
const BERLIN: DayRule = {
  startHour: 4,
  utcOffsetMinutes: (t) => (t >= Date.UTC(2025, 2, 30, 1) && t < Date.UTC(2025, 9, 26, 1) ? 120 : 60),
};
// Fitted parameters for one deck: another decay (w[20]) and a few other weights moved.
const FITTED = DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? 0.3 : i === 0 ? w * 0.8 : w));
// Out of ts-fsrs's range: it clips w[20] to [0.1, 0.8], and so must the closed form.
const CLIPPED = DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? 0.01 : w));

const UTC_DAYS: DayRule = { startHour: 0, utcOffsetMinutes: () => 0 };

/** The computation stats made before: the scheduler's retrievability of a review-state memory `t` study days on. */
function schedulerRecall(weights?: readonly number[]): Recall {
  const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, day: UTC_DAYS, ...(weights ? { weights } : {}) });
  return (t, stability) => scheduler.retrievability(reviewMemory(stability, 1000 * DAY), (1000 + t) * DAY);
}

describe('the closed-form forgetting curve', () => {
  it.each([
    ['default', undefined],
    ['fitted', FITTED],
    ['clipped', CLIPPED],
  ])('equals the scheduler’s retrievability to the bit (%s parameters)', (_name, weights) => {
    const fast = createForgettingCurve(weights);
    const slow = schedulerRecall(weights);
    const rng = createRng(`curve-${_name}`);
    // Halves at the 9th decimal (where rounding x·1e8 could go either way) and large values too.
    const stabilities = [
      0.001,
      0.1,
      1,
      2.3065,
      1 / 3,
      36500,
      2.123456785,
      0.000000015,
      12345.678901235,
      0.5e-8,
      1e15,
      ...Array.from({ length: 200 }, () => Math.floor(rng() * 1e9) / 1e8 + 0.5e-8),
      ...Array.from({ length: 300 }, () => rng() * 10 ** (rng() * 5 - 1)),
    ];
    const days = [1, 2, 3, 7, 30, 365, 3650, ...Array.from({ length: 20 }, () => 1 + Math.floor(rng() * 2000))];
    for (const s of stabilities) for (const t of days) expect(fast(t, s)).toBe(slow(t, s));
  });
});

describe('stats over a generated log: the fast path equals the old computation', () => {
  let dir: string;
  let indexed: string;
  let unindexed: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quizdeck-stats-fast-'));
    indexed = join(dir, 'indexed.db');
    unindexed = join(dir, 'unindexed.db');
    writeLog(indexed);
    copyFileSync(indexed, unindexed);
    // A database no writing command has opened since the index came: no index, the table is scanned.
    const db = openDatabase(unindexed);
    db.exec('DROP INDEX reviews_item');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the same report from the index and the closed form as from the table and ts-fsrs', () => {
    const decks = ['alpha', 'beta', 'gamma'];
    const weights = [undefined, FITTED, undefined];
    const fast = report(
      indexed,
      decks,
      weights.map((w) => createForgettingCurve(w)),
    );
    const slow = report(
      unindexed,
      decks,
      weights.map((w) => schedulerRecall(w)),
    );
    expect(fast.decks.map((d) => d.calibration.reviews)).toEqual(slow.decks.map((d) => d.calibration.reviews));
    expect(fast.total.calibration.reviews).toBeGreaterThan(1000);
    expect(fast.decks[1]!.calibration.logLoss).not.toBe(
      report(
        indexed,
        decks,
        weights.map(() => createForgettingCurve()),
      ).decks[1]!.calibration.logLoss,
    );
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  });

  it('a subset of the decks, in another order, reads only theirs', () => {
    const fast = report(indexed, ['gamma', 'alpha'], [createForgettingCurve(), createForgettingCurve()]);
    const slow = report(unindexed, ['gamma', 'alpha'], [schedulerRecall(), schedulerRecall()]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    const one = (deck: string) => report(indexed, [deck], [createForgettingCurve()]).total.activity.reviews.total;
    expect(fast.total.activity.reviews.total).toBe(one('gamma') + one('alpha'));
    expect(one('beta')).toBeGreaterThan(0);
  });
});

function report(path: string, deckIds: string[], recall: Recall[]) {
  const db = openDatabase(path, { readonly: true })!;
  try {
    const aggregator = new ReviewAggregator(deckIds.length, BERLIN, recall);
    foldReviews(db, deckIds, aggregator);
    return buildStatsReport({
      now: NOW,
      rule: BERLIN,
      desiredRetention: 0.9,
      decks: deckIds.map((id, i) => ({
        id,
        title: id,
        fitted: false,
        shape: [],
        states: readCardStates(db, id),
        reviews: aggregator.decks[i]!,
      })),
      quizSections: [],
      quizMissed: [],
      question: () => null,
    });
  } finally {
    db.close();
  }
}

/**
 * Three decks studied in the same sessions (their reviews interleaved in the log), over a year
 * across both DST changes, answers drawn around the scheduler's own prediction; one deck's
 * clock was set back a day for a while (reviews saved out of time order).
 */
function writeLog(path: string): void {
  const db = openDatabase(path);
  const store = new ReviewStore(db);
  const scheduler = createScheduler();
  const rng = createRng('fast-path-log');
  const states = new Map<string, ItemState>();
  const next = new Map<string, number>();
  const items = ['alpha', 'beta', 'gamma'].flatMap((deck) =>
    Array.from({ length: 60 }, (_, i) => [deck, `${deck}-${i}`] as const),
  );
  db.transaction(() => {
    for (let day = 365; day >= 0; day--) {
      const session = NOW - day * DAY + Math.floor(rng() * 12) * 3_600_000;
      for (const [deck, key] of items) {
        if ((next.get(key) ?? session - DAY * Math.floor(rng() * 300)) > session) continue;
        for (let step = 0; step < 3; step++) {
          const before = states.get(key) ?? null;
          const skew = deck === 'gamma' && day > 100 && day < 120 ? -DAY : 0;
          const at = session + step * 600_000 + skew;
          const p = before ? scheduler.retrievability(before.memory, at) : 0.5;
          const grade: GradeValue = rng() < p ? (rng() < 0.2 ? 4 : 3) : rng() < 0.3 ? 2 : 1;
          const memory = scheduler.answer(before?.memory ?? newMemory(at), key, at, grade);
          const after: ItemState = { memory, leech: (before?.leech ?? false) || memory.lapses >= 8 };
          store.record({
            deckId: deck,
            cardKey: key,
            cardId: key,
            rating: grade,
            reviewedAt: at,
            durationMs: 2000,
            before,
            after,
          });
          states.set(key, after);
          next.set(key, memory.due);
          if (memory.due > session + DAY / 2) break;
        }
      }
    }
  })();
  db.close();
}

describe('stats on two threads (io/statsFold.ts)', () => {
  // The built worker: npm test builds dist/ before the tests run.
  const WORKER = new URL('../../dist/statsWorker.js', import.meta.url);
  const DECKS = ['alpha', 'beta', 'gamma'];
  const WEIGHTS = [undefined, FITTED, undefined];
  let dir: string;
  let path: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quizdeck-stats-threads-'));
    path = join(dir, 'q.db');
    writeLog(path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Folds with the machine's clock, as the worker does, in the time zone `zone`. */
  async function inZone<T>(zone: string, run: (rule: DayRule) => Promise<T>): Promise<T> {
    const previous = process.env.TZ;
    process.env.TZ = zone;
    try {
      return await run({ startHour: 4, utcOffsetMinutes: systemClock.utcOffsetMinutes });
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  }

  it.each(['Europe/Berlin', 'Asia/Shanghai', 'America/Los_Angeles'])(
    "the worker's part and this thread's, merged, are the whole log (%s)",
    (zone) =>
      inZone(zone, async (rule) => {
        const db = openDatabase(path, { readonly: true })!;
        try {
          const curves = () => WEIGHTS.map((w) => createForgettingCurve(w));
          const whole = new ReviewAggregator(DECKS.length, rule, curves());
          foldReviews(db, DECKS, whole);
          const worker = FoldWorker.start({ path, startHour: 4 }, WORKER, 0)!;
          const half = worker.fold(db, { deckIds: DECKS, weights: WEIGHTS }, 0)!;
          const mine = new ReviewAggregator(DECKS.length, rule, curves());
          foldReviews(db, DECKS, mine, half.part);
          const theirs = await half.theirs;
          expect(theirs.decks).not.toBeNull();
          theirs.decks!.forEach((deck, i) => {
            // Each thread folded part of each deck.
            expect(deck.total).toBeGreaterThan(0);
            expect(mine.decks[i]!.total).toBeGreaterThan(0);
            mine.decks[i]!.merge(deck);
          });
          whole.decks.forEach((expected, i) => {
            const merged = mine.decks[i]!;
            expect(merged.total).toBe(expected.total);
            const byDay = (d: typeof expected) => [...d.days].sort((a, b) => a[0] - b[0]);
            expect(byDay(merged)).toEqual(byDay(expected));
            // The same sums, added in another order: equal to the last few bits.
            const a = merged.calibration.result();
            const b = expected.calibration.result();
            expect(a.reviews).toBe(b.reviews);
            expect(a.reviews).toBeGreaterThan(100);
            for (const key of ['predicted', 'actual', 'rmseBins', 'logLoss'] as const)
              expect(a[key]!).toBeCloseTo(b[key]!, 12);
            expect(a.bins.map((bin) => bin.count)).toEqual(b.bins.map((bin) => bin.count));
          });
        } finally {
          db.close();
        }
      }),
  );

  it('leaves the whole log to this thread when the worker cannot run', async () => {
    const db = openDatabase(path, { readonly: true })!;
    try {
      const missing = FoldWorker.start({ path, startHour: 4 }, new URL('./no-such-worker.js', import.meta.url), 0)!;
      const half = missing.fold(db, { deckIds: DECKS, weights: WEIGHTS }, 0)!;
      const theirs = await half.theirs;
      expect(theirs.decks).toBeNull();
      expect(theirs.part.half).toBe('below');
      // No database, or too small a file to start one for (a year of 180 items is under a megabyte)...
      expect(FoldWorker.start({ path: join(dir, 'gone.db'), startHour: 4 }, WORKER, 0)).toBeNull();
      expect(FoldWorker.start({ path, startHour: 4 }, WORKER)).toBeNull();
      // ...or too few reviews, found once the database is open: the worker is sent away.
      const early = FoldWorker.start({ path, startHour: 4 }, WORKER, 0)!;
      expect(early.fold(db, { deckIds: DECKS, weights: WEIGHTS })).toBeNull();
    } finally {
      db.close();
    }
  });
});
