import type { ItemLog } from '../core/optimize/history.js';
import type { GradeValue } from '../core/schedule/fsrs.js';
import type { Db } from './db.js';

/**
 * The review log as the optimiser reads it, and the FSRS parameters it adopted
 * (`fsrs_parameters`, see io/db.ts): one row per deck with its own, `*` for those fitted on
 * all decks together.
 */

/** Every item's answers, oldest first (ties in the order they were saved). */
export function readReviewLog(db: Db): ItemLog[] {
  // One row per item, its ratings as digits and its times joined by commas: better-sqlite3's
  // cost per row (an array and two strings each) made reading 500k reviews row by row take 4 s.
  const rows = db
    .prepare(
      `SELECT deck_id, group_concat(rating, '' ORDER BY reviewed_at, id), group_concat(reviewed_at, ',' ORDER BY reviewed_at, id)
       FROM reviews GROUP BY deck_id, card_key`,
    )
    .raw()
    .all() as [string, string, string][];
  return rows.map(([deckId, ratings, times]) => {
    const grades = new Array<GradeValue>(ratings.length);
    for (let i = 0; i < ratings.length; i++) grades[i] = (ratings.charCodeAt(i) - 48) as GradeValue;
    return { deckId, ratings: grades, times: times.split(',').map(Number) };
  });
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
      if (Array.isArray(weights) && weights.length >= 19 && weights.every((w) => typeof w === 'number' && Number.isFinite(w))) stored.set(deckId, weights as number[]);
    } catch {
      // skipped, see above
    }
  }
  return stored;
}
