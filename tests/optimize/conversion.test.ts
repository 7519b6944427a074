import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildHistories,
  concatLogs,
  itemCount,
  itemsOf,
  reviewLogOf,
  type ReviewLog,
  type StudyLog,
} from '../../src/core/optimize/history.js';
import { UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import { openDatabase, type Db } from '../../src/io/db.js';
import { loadOptimizer, trainingItems } from '../../src/io/optimizer.js';
import { readReviewLog } from '../../src/io/parametersStore.js';
import { insertReviews, simulateLog, type SimulatedRow } from './simulate.mjs';

const DAY = 86_400_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function withDb(rows: readonly SimulatedRow[], edit?: (db: Db) => void): Db {
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-conversion-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'q.db'))!;
  insertReviews(db, rows);
  edit?.(db);
  return db;
}

/** What the log must hold, read the plain way: one row per review, ordered in SQL. */
function expectedLog(db: Db): ReviewLog {
  const rows = db
    .prepare('SELECT deck_id, card_key, rating, reviewed_at FROM reviews ORDER BY deck_id, card_key, reviewed_at, id')
    .raw()
    .all() as [string, string, number, number][];
  const items: { deckId: string; key: string; ratings: number[]; times: number[] }[] = [];
  for (const [deckId, key, rating, time] of rows) {
    const last = items.at(-1);
    if (last && last.deckId === deckId && last.key === key) {
      last.ratings.push(rating);
      last.times.push(time);
    } else items.push({ deckId, key, ratings: [rating], times: [time] });
  }
  return reviewLogOf(items);
}

const T = Date.UTC(2026, 0, 5, 9);
// Saved out of time order (an import, a clock set back), answers at the same instant, keys
// that sort differently as text and by insertion, two decks.
const AWKWARD: SimulatedRow[] = [
  ['b', 'k10', 3, T + 5 * DAY],
  ['b', 'k2', 1, T],
  ['a', 'z', 3, T + DAY],
  ['b', 'k10', 1, T],
  ['a', 'z', 2, T],
  ['b', 'k2', 4, T],
  ['b', 'k10', 2, T + 5 * DAY],
  ['a', 'z', 4, T - 3 * DAY],
];

describe('reading the review log for the optimiser', () => {
  it.each([
    ['answers saved out of order and at the same instant', AWKWARD, undefined],
    ['a simulated log', simulateLog({ decks: ['x', 'y'], days: 60, newPerDay: 5, seed: 5 }), undefined],
    [
      'ids with gaps (answers deleted)',
      simulateLog({ decks: ['x', 'y'], days: 60, newPerDay: 5, seed: 5 }),
      (db: Db): void => void db.prepare('DELETE FROM reviews WHERE id % 7 = 0').run(),
    ],
    [
      'ids far apart (a log edited by hand)',
      simulateLog({ decks: ['x', 'y'], days: 20, newPerDay: 5, seed: 6 }),
      (db: Db): void => void db.prepare('UPDATE reviews SET id = id + 4000000000 WHERE id % 2 = 0').run(),
    ],
    ['no reviews', [], undefined],
  ] as const)('%s: the same items and answers as one ordered query', (_name, rows, edit) => {
    const db = withDb(rows, edit);
    try {
      const log = readReviewLog(db);
      const expected = expectedLog(db);
      expect(log.decks).toEqual(expected.decks);
      expect([...log.cardDeck]).toEqual([...expected.cardDeck]);
      expect([...log.cardStart]).toEqual([...expected.cardStart]);
      expect([...log.ratings]).toEqual([...expected.ratings]);
      expect([...log.times]).toEqual([...expected.times]);
    } finally {
      db.close();
    }
  });

  it('reads some decks alone, and a deck read first joins the others into the same log', () => {
    const db = withDb(simulateLog({ decks: ['x', 'y', 'z'], days: 40, newPerDay: 4, seed: 8 }));
    try {
      const whole = buildHistories(readReviewLog(db), UTC_DAY_RULE);
      const first = buildHistories(readReviewLog(db, ['x']), UTC_DAY_RULE);
      expect(first.decks).toEqual(['x']);
      expect(itemsOf(whole, new Set(['x']))).toHaveLength(itemCount(first));
      const joined = concatLogs(first, buildHistories(readReviewLog(db, ['y', 'z']), UTC_DAY_RULE));
      expect(joined.decks).toEqual(whole.decks);
      for (const column of ['cardDeck', 'cardStart', 'ratings', 'times', 'deltaDays'] as const)
        expect([...joined[column]]).toEqual([...whole[column]]);
    } finally {
      db.close();
    }
  });

  it('keeps the order it was saved in for answers at the same instant', () => {
    const db = withDb(AWKWARD);
    try {
      const log = readReviewLog(db);
      // b/k10: Again at T, then Good and Hard at T + 5 days in the order they were saved.
      const k10 = log.cardStart[1]!;
      expect([...log.ratings.subarray(k10, log.cardStart[2])]).toEqual([1, 3, 2]);
    } finally {
      db.close();
    }
  });
});

/** The items as fsrs-rs receives them: one per review a day or more after the previous, with every answer before it. */
function naiveItems(log: StudyLog, cards: ArrayLike<number>, before: number): [number, number][][] {
  const out: [number, number][][] = [];
  for (const c of Array.from(cards)) {
    const reviews: [number, number][] = [];
    for (let i = log.cardStart[c]!; i < Math.min(log.cardStart[c + 1]!, log.cardStart[c]! + 64); i++) {
      if (log.times[i]! >= before) break;
      reviews.push([log.ratings[i]!, log.deltaDays[i]!]);
      if (i > log.cardStart[c]! && log.deltaDays[i]! > 0) out.push(reviews.slice());
    }
  }
  return out;
}

describe("the binding's training items", () => {
  const log = buildHistories(
    reviewLogOf(
      simulateLog({ decks: ['x', 'y'], days: 90, newPerDay: 6, seed: 9 }).reduce(
        (items, [deckId, key, rating, time]) => {
          const item =
            items.find((i) => i.key === key) ?? items[items.push({ deckId, key, ratings: [], times: [] }) - 1]!;
          item.ratings.push(rating);
          item.times.push(time);
          return items;
        },
        [] as { deckId: string; key: string; ratings: number[]; times: number[] }[],
      ),
    ),
    UTC_DAY_RULE,
  );

  it('hold exactly the answers of each predicted review, sharing objects for equal sequences', async () => {
    const binding = await loadOptimizer();
    const converter = trainingItems(binding);
    const split = log.times[Math.floor(log.times.length * 0.8)]!;
    const x = itemsOf(log, new Set(['x']));
    const items = converter.forGroup(log, x, split);
    const asArrays = items.map((item) => item.reviews.map((r) => [r.rating, r.deltaT]));
    expect(asArrays).toEqual(naiveItems(log, x, split));
    expect(new Set(items).size).toBeLessThan(items.length);

    // All decks together after one deck: the same objects for the same sequences, and still every item.
    const all = itemsOf(log);
    expect(all).toHaveLength(itemCount(log));
    const together = converter.forGroup(log, all, Infinity);
    expect(together.map((item) => item.reviews.map((r) => [r.rating, r.deltaT]))).toEqual(
      naiveItems(log, all, Infinity),
    );
    expect(together.filter((item) => items.includes(item)).length).toBeGreaterThan(0);
  });

  it('are the same built a few at a time, between turns of the event loop', async () => {
    const binding = await loadOptimizer();
    const all = itemsOf(log);
    const at = (n: number) => log.times[Math.floor(log.times.length * n)]!;
    const whole = trainingItems(binding).forGroup(log, all, at(0.8));
    const converter = trainingItems(binding);
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    try {
      const inSteps = await converter.forGroupInSteps(log, all, at(0.8), 100);
      expect(inSteps.map((item) => item.reviews.map((r) => [r.rating, r.deltaT]))).toEqual(
        whole.map((item) => item.reviews.map((r) => [r.rating, r.deltaT])),
      );
    } finally {
      clearInterval(counting);
    }
    expect(all.length).toBeGreaterThan(300);
    expect(turns).toBeGreaterThan(0);
  });
});
