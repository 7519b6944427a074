import type { ReviewLog } from '../core/optimize/history.js';
import type { Db } from './db.js';
import { foldItems } from './itemFold.js';

/**
 * The review log as the optimiser reads it, and the FSRS parameters it adopted
 * (`fsrs_parameters`, see io/db.ts): one row per deck with its own, `*` for those fitted on
 * all decks together.
 */

/**
 * Every item's answers of `decks` (by default every deck with reviews), oldest first (ties in
 * the order they were saved), items in the order of (deck id, card key).
 *
 * The log is folded inside SQLite item by item (io/itemFold.ts): one call into JavaScript per
 * review with two numbers, no row objects and no strings. better-sqlite3's cost per row (an
 * array and its values) made reading 500k reviews row by row take 4 s; strings of every id,
 * time and rating built by `group_concat` and parsed here took about 640 ms of CPU. Answers
 * come in the order they were saved; a clock set back saved some out of time order: those
 * items are sorted by time here.
 */
export function readReviewLog(db: Db, decks: readonly string[] = reviewDecks(db)): ReviewLog {
  return db.transaction(() => {
    // Room for every review: ids are distinct integers, so there are at most max - min + 1 (two
    // seeks, where count(*) walked an index: 50 ms of CPU for 500k reviews). Ids far apart (a
    // log edited by hand) are counted instead.
    const [first, last] = db.prepare('SELECT min(id), max(id) FROM reviews').raw().get() as [
      number | null,
      number | null,
    ];
    const span = first === null || last === null ? 0 : last - first + 1;
    const room = span <= 1 << 24 ? span : (db.prepare('SELECT count(*) FROM reviews').pluck().get() as number);
    let ratings = new Uint8Array(room);
    let times = new Float64Array(room);
    let cardDeck: Uint32Array = new Uint32Array(1024);
    let cardStart: Uint32Array = new Uint32Array(1025);
    let cards = 0;
    let n = 0;
    foldItems(db, decks, {
      columns: 'reviewed_at, rating',
      item: (deck) => {
        if (cards + 1 === cardDeck.length) {
          cardDeck = grown(cardDeck);
          cardStart = grown(cardStart);
        }
        cardDeck[cards] = deck;
        cardStart[cards] = n;
        cards++;
      },
      review: (_: number, at: number, rating: number) => {
        times[n] = at;
        ratings[n] = rating;
        n++;
      },
    });
    cardStart[cards] = n;
    ratings = ratings.slice(0, n);
    times = times.slice(0, n);
    for (let c = 0; c < cards; c++) inTimeOrder(times, ratings, cardStart[c]!, cardStart[c + 1]!);
    return {
      decks: [...decks],
      cardDeck: cardDeck.slice(0, cards),
      cardStart: cardStart.slice(0, cards + 1),
      ratings,
      times,
    };
  })();
}

/**
 * The ids of the decks with reviews, in order, by one index seek each (DISTINCT walked every
 * entry of the index: 160 ms of CPU for 500k reviews).
 */
export function reviewDecks(db: Db): string[] {
  return db
    .prepare(
      `WITH RECURSIVE d(id) AS (SELECT min(deck_id) FROM reviews UNION ALL SELECT (SELECT min(deck_id) FROM reviews WHERE deck_id > d.id) FROM d WHERE d.id IS NOT NULL) SELECT id FROM d WHERE id IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/**
 * Puts one item's answers, read in the order they were saved, in time order, keeping that
 * order for answers at the same instant (a stable sort); answers are already in time order
 * unless a clock was set back, so this is one comparison per answer.
 */
function inTimeOrder(times: Float64Array, ratings: Uint8Array, from: number, to: number): void {
  let ordered = true;
  for (let i = from + 1; i < to && ordered; i++) ordered = times[i - 1]! <= times[i]!;
  if (ordered) return;
  const answers = Array.from({ length: to - from }, (_, k) => [times[from + k]!, ratings[from + k]!] as const);
  answers.sort((a, b) => a[0] - b[0]);
  answers.forEach(([time, rating], k) => {
    times[from + k] = time;
    ratings[from + k] = rating;
  });
}

function grown(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

export interface StoredParameters {
  deckId: string;
  weights: readonly number[];
  fittedAt: number;
  reviews: number;
  logLoss: number;
  rmse: number;
  defaultLogLoss: number;
  defaultRmse: number;
}

export function saveParameters(db: Db, p: StoredParameters): void {
  db.prepare(
    `INSERT INTO fsrs_parameters (deck_id, weights, fitted_at, reviews, log_loss, rmse, default_log_loss, default_rmse)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (deck_id) DO UPDATE SET weights = excluded.weights, fitted_at = excluded.fitted_at, reviews = excluded.reviews,
       log_loss = excluded.log_loss, rmse = excluded.rmse, default_log_loss = excluded.default_log_loss, default_rmse = excluded.default_rmse`,
  ).run(p.deckId, JSON.stringify(p.weights), p.fittedAt, p.reviews, p.logLoss, p.rmse, p.defaultLogLoss, p.defaultRmse);
}

/** Removes every adopted set of parameters; returns how many there were. */
export function deleteParameters(db: Db): number {
  return db.prepare('DELETE FROM fsrs_parameters').run().changes;
}

/**
 * The adopted parameters by key (deck id or `*`). A row that is not a list of numbers (edited
 * by hand) is skipped, so study falls back to the defaults rather than failing.
 */
export function loadParameters(db: Db): Map<string, number[]> {
  const rows = db.prepare('SELECT deck_id, weights FROM fsrs_parameters').raw().all() as [string, string][];
  const stored = new Map<string, number[]>();
  for (const [deckId, text] of rows) {
    try {
      const weights = JSON.parse(text) as unknown;
      if (
        Array.isArray(weights) &&
        weights.length >= 19 &&
        weights.every((w) => typeof w === 'number' && Number.isFinite(w))
      )
        stored.set(deckId, weights as number[]);
    } catch {
      // skipped, see above
    }
  }
  return stored;
}
