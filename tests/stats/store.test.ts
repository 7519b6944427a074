import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import { ReviewAggregator } from '../../src/core/stats/reviews.js';
import { openDatabase } from '../../src/io/db.js';
import { foldReviews, readQuizHistory } from '../../src/io/statsStore.js';
import { writeQuizzes, writeReviews } from './helpers.js';

const NOW = Date.UTC(2025, 5, 2, 12);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-stats-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('statsStore', () => {
  it('folds every review item by item in saving order, and the state before each is the one `previous` stores', () => {
    const path = join(dir, 'q.db');
    writeReviews(path, 'd', NOW, [
      ['a', 'a', 30, 3],
      ['b', 'b', 30, 3],
      ['a', 'a', 29.99, 3],
      ['a', 'a', 25, 3],
      ['b', 'b', 20, 1],
      ['a', 'a', 10, 1],
      ['b', 'b', 19.99, 3],
      ['a', 'a', 2, 4],
    ]);
    writeReviews(path, 'other', NOW, [['x', 'x', 5, 3]]);
    const seen: { stability: number }[] = [];
    const aggregator = new ReviewAggregator(1, UTC_DAY_RULE, (elapsedDays: number, stability: number) => {
      seen.push({ stability });
      return elapsedDays >= 1 ? 0.9 : 0;
    });
    const db = openDatabase(path, { readonly: true })!;
    try {
      expect(foldReviews(db, ['d'], aggregator)).toBe(8);
      // What study stored as the state before each review (the predictions are made for reviews a day or more after the one before).
      const stored = db
        .prepare(
          "SELECT previous ->> 'stability', previous ->> 'last_review', reviewed_at FROM reviews WHERE deck_id = 'd' AND previous IS NOT NULL ORDER BY card_key, id",
        )
        .raw()
        .all() as [number, number, number][];
      const predicted = stored.filter(
        ([, last, at]) => Math.floor(at / 86_400_000 - 4 / 24) > Math.floor(last / 86_400_000 - 4 / 24),
      );
      expect(seen.map((s) => s.stability)).toEqual(predicted.map(([s]) => s));
      expect(aggregator.decks[0]!.total).toBe(8);
      expect(aggregator.decks[0]!.calibration.result().reviews).toBe(predicted.length);
    } finally {
      db.close();
    }
  });

  it('folds several decks at once, each review to its own deck', () => {
    const path = join(dir, 'q.db');
    writeReviews(path, 'd', NOW, [
      ['a', 'a', 3, 3],
      ['a', 'a', 1, 1],
    ]);
    writeReviews(path, 'other', NOW, [['x', 'x', 5, 3]]);
    writeReviews(path, 'not-asked', NOW, [['y', 'y', 5, 3]]);
    const aggregator = new ReviewAggregator(2, UTC_DAY_RULE, () => 0.5);
    const db = openDatabase(path, { readonly: true })!;
    try {
      expect(foldReviews(db, ['other', 'd'], aggregator)).toBe(3);
    } finally {
      db.close();
    }
    expect(aggregator.decks.map((d) => d.total)).toEqual([1, 2]);
    const days = [...aggregator.decks[1]!.days.values()];
    // The second answer is to an item still in learning (state_before 1): no review-state answer.
    expect(days.map((c) => [c.reviews, c.reviewState])).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(aggregator.decks[1]!.calibration.result()).toMatchObject({ reviews: 1, predicted: 0.5, actual: 0 });
  });

  it('reads quiz history: complete first rounds only, per section, and the questions missed most', () => {
    const path = join(dir, 'q.db');
    writeQuizzes(path, 'd', NOW, [
      [
        3,
        [
          ['a', 'esx', true],
          ['b', 'xen', false],
        ],
      ],
      [
        2,
        [
          ['a', 'esx', false],
          ['b', 'xen', false],
          ['c:c1', 'kvm', true],
        ],
      ],
    ]);
    const db = openDatabase(path);
    db.prepare('UPDATE quiz_attempts SET interrupted = 1 WHERE id = 2').run();
    db.prepare(
      "INSERT INTO quiz_attempts (started_at, finished_at, decks, seed, options, score, total, percent, overruled, time_limit_hit, interrupted) VALUES (1, 2, 'd', 's', '{}', 1, 1, 100, 0, 0, 0)",
    ).run();
    db.close();
    const ro = openDatabase(path, { readonly: true })!;
    try {
      const { sections, missed } = readQuizHistory(ro, ['d']);
      expect(sections.map((s) => [s[0], s[2], s[3], s[4], s[5]])).toEqual([
        [1, 'd', 'esx', 1, 1],
        [1, 'd', 'xen', 1, 0],
      ]);
      expect(missed).toEqual([['d', 'b', 'xen', 1, 1]]);
    } finally {
      ro.close();
    }
  });
});
