import type { ReviewLog } from '../core/optimize/history.js';
import type { Db } from './db.js';

/**
 * The review log as the optimiser reads it, and the FSRS parameters it adopted
 * (`fsrs_parameters`, see io/db.ts): one row per deck with its own, `*` for those fitted on
 * all decks together.
 */

/**
 * Every item's answers, oldest first (ties in the order they were saved), items in the order
 * of (deck id, card key).
 *
 * A few queries that each return one string, read in one snapshot: better-sqlite3's cost per
 * row (an array and its values) made reading 500k reviews row by row take 4 s, and one row per
 * item with its answers ordered inside (`group_concat(... ORDER BY ...)`) still 1–1.5 s of
 * CPU, since the ratings are not in the index and each answer then costs a lookup in the
 * table. Here the order, ids and times come from the index alone (`reviews_card` covers deck,
 * key, time and id), the ratings from one scan of the table in id order, joined by id. One
 * string holds ~21 characters per review, so this reads logs of up to ~20 million reviews
 * (V8's longest string); a learner's log is rarely a tenth of that.
 */
export function readReviewLog(db: Db): ReviewLog {
  return db.transaction(() => {
    const perDeck = db
      .prepare(
        `SELECT deck_id, group_concat(n, ',' ORDER BY card_key) FROM
           (SELECT deck_id, card_key, count(*) AS n FROM reviews GROUP BY deck_id, card_key)
         GROUP BY deck_id ORDER BY deck_id`,
      )
      .raw()
      .all() as [string, string][];
    const decks = perDeck.map(([deck]) => deck);
    const sizes = perDeck.map(([, counts]) =>
      parseIntegers(Buffer.from(counts, 'latin1'), new Float64Array(counts.length)),
    );
    const cards = sizes.reduce((sum, s) => sum + s.length, 0);
    const cardDeck = new Uint32Array(cards);
    const cardStart = new Uint32Array(cards + 1);
    let c = 0;
    sizes.forEach((counts, deck) => {
      for (const n of counts) {
        cardDeck[c] = deck;
        cardStart[c + 1] = cardStart[c]! + n;
        c++;
      }
    });
    const total = cardStart[cards]!;
    // id, time, id, time ... in item order.
    const pairs = new Float64Array(2 * total);
    const ordered = db
      .prepare(
        `SELECT CAST(group_concat(id || ' ' || reviewed_at, ' ') AS BLOB) FROM (SELECT id, reviewed_at FROM reviews ORDER BY deck_id, card_key, reviewed_at, id)`,
      )
      .pluck()
      .get() as Uint8Array | null;
    parseIntegers(ordered ?? new Uint8Array(0), pairs);
    const ratingOf = readRatings(db, total);
    const ratings = new Uint8Array(total);
    const times = new Float64Array(total);
    for (let i = 0; i < total; i++) {
      ratings[i] = ratingOf(pairs[2 * i]!);
      times[i] = pairs[2 * i + 1]!;
    }
    return { decks, cardDeck, cardStart, ratings, times };
  })();
}

/**
 * Each review's rating by id: one digit per review in id order (the table's CHECK keeps
 * ratings 1–4) when the ids have no gaps, as in a log never edited; else id and rating pairs,
 * found by binary search.
 */
function readRatings(db: Db, total: number): (id: number) => number {
  const [first, last] = db.prepare('SELECT min(id), max(id) FROM reviews').raw().get() as [
    number | null,
    number | null,
  ];
  if (first === null || last === null) return () => 0;
  if (last - first === total - 1) {
    const digits = db
      .prepare(`SELECT CAST(group_concat(rating, '') AS BLOB) FROM (SELECT rating FROM reviews ORDER BY id)`)
      .pluck()
      .get() as Uint8Array;
    return (id) => digits[id - first]! - 48;
  }
  const pairs = parseIntegers(
    db
      .prepare(
        `SELECT CAST(group_concat(id || ' ' || rating, ' ') AS BLOB) FROM (SELECT id, rating FROM reviews ORDER BY id)`,
      )
      .pluck()
      .get() as Uint8Array,
    new Float64Array(2 * total),
  );
  return (id) => {
    let lo = 0;
    let hi = total - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[2 * mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return pairs[2 * lo + 1]!;
  };
}

/**
 * Fills `out` with the integers in the ASCII `text`, which are separated by single characters
 * that are neither digits nor "-"; returns the part of `out` filled. The query results are
 * read as bytes (`CAST(... AS BLOB)`): a string of 10 MB costs better-sqlite3 a UTF-8 decoding,
 * and reading bytes is faster than charCodeAt before V8 has optimised the loop.
 */
export function parseIntegers(text: Uint8Array, out: Float64Array): Float64Array {
  let n = 0;
  let value = 0;
  let sign = 1;
  let digits = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text[i]! : 32;
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      digits = true;
    } else if (code === 45) {
      sign = -1;
    } else {
      if (digits && n < out.length) out[n++] = sign * value;
      value = 0;
      sign = 1;
      digits = false;
    }
  }
  return out.subarray(0, n);
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
