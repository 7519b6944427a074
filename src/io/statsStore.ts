import type { StateRow } from '../core/stats/cards.js';
import type { MissedRow, SectionRow } from '../core/stats/quiz.js';
import type { ReviewAggregator } from '../core/stats/reviews.js';
import type { Db } from './db.js';
import { loadParameters } from './parametersStore.js';

/**
 * The SQL of `quizdeck stats`: reads only (the database is opened read-only). The review log is
 * folded by the core's aggregator inside SQLite, one call per row, so a log of 500k reviews
 * never becomes 500k JavaScript rows (reading them as rows took seconds; iterating over raw
 * rows 570 ms against 190 ms for the aggregate's calls).
 */

/** Every `card_state` row of a deck, as `StateRow`s. */
export function readCardStates(db: Db, deckId: string): StateRow[] {
  return db
    .prepare('SELECT card_key, state, due, stability, scheduled_days, lapses, leech FROM card_state WHERE deck_id = ?')
    .raw()
    .all(deckId) as StateRow[];
}

/**
 * Feeds every review of these decks to `aggregator`, each deck's in the order they were saved
 * (by id). Returns how many.
 */
export function foldReviews(db: Db, deckIds: readonly string[], aggregator: ReviewAggregator): number {
  if (deckIds.length === 0) return 0;
  let rows = 0;
  db.aggregate('quizdeck_stats_fold', {
    start: 0,
    // @types/better-sqlite3 types step as two-argument; SQLite passes one value per argument.
    // It returns nothing: better-sqlite3 then keeps the accumulator instead of storing a new
    // one per row (a tenth of the cost of the calls).
    step: ((_: number, key: string, minute: number, packed: number, stability: number) => {
      aggregator.add(packed >> 5, key, minute * 60_000, (packed >> 2) & 7, packed & 3, stability);
      rows++;
    }) as unknown as (total: number, next: number) => number,
  });
  // Deck index, rating and state before packed in one integer: each value handed to JavaScript
  // costs about as much as reading the row (four arguments instead of six: 230 -> 140 ms of CPU
  // for 500k reviews). Times go as whole minutes, which are small integers in V8 where
  // milliseconds are a number allocated per call; study days begin on a whole minute (4 a.m.
  // in zones whose offsets are whole quarter hours), so no review changes day.
  const placeholders = deckIds.map(() => '?').join(', ');
  const deck = deckIds.length === 1 ? '0' : `CASE deck_id ${deckIds.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} END`;
  // Read the file through a memory map: copying its pages into SQLite's page cache cost a third more.
  db.pragma('mmap_size = 1073741824');
  // The covering index `reviews_stats` (deck_id, id, ...) holds every column read, deck by deck
  // in id order: a sixth of the pages of the table, whose rows carry the `previous` JSON (on
  // 500k reviews, 80 ms of a fresh process's page faults instead of 250). A database no
  // writing command has opened since that migration has no such index: the table is scanned
  // instead, NOT INDEXED, in rowid order (a walk of reviews_card, which the deck filter could
  // pick, would read the table in random order). Both orders give each deck its own reviews
  // in id order, which is all the aggregator asks.
  const indexed =
    db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'reviews_stats'").pluck().get() ===
    1;
  db.prepare(
    `SELECT quizdeck_stats_fold(card_key, reviewed_at / 60000, (${deck}) * 32 + rating * 4 + state_before, stability) FROM reviews ${indexed ? 'INDEXED BY reviews_stats' : 'NOT INDEXED'} WHERE deck_id IN (${placeholders})`,
  )
    .pluck()
    .get(...(deckIds.length === 1 ? [] : deckIds), ...deckIds);
  return rows;
}

/** Complete first-round quiz attempts, per attempt and section, oldest first; and the questions missed, most missed first. */
export function readQuizHistory(db: Db, deckIds: readonly string[]): { sections: SectionRow[]; missed: MissedRow[] } {
  const exists =
    db
      .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('quiz_attempts', 'quiz_answers')`)
      .pluck()
      .get() === 2;
  if (!exists || deckIds.length === 0) return { sections: [], missed: [] };
  const placeholders = deckIds.map(() => '?').join(', ');
  const from = `FROM quiz_attempts a JOIN quiz_answers q ON q.attempt_id = a.id WHERE a.retry_of IS NULL AND a.interrupted = 0 AND q.deck_id IN (${placeholders})`;
  const sections = db
    .prepare(
      `SELECT a.id, a.started_at, q.deck_id, q.section, count(*), sum(q.correct) ${from} GROUP BY a.id, q.deck_id, q.section ORDER BY a.started_at, a.id`,
    )
    .raw()
    .all(...deckIds) as SectionRow[];
  const missed = db
    .prepare(
      `SELECT q.deck_id, q.card_key, max(q.section), sum(q.correct = 0) AS misses, count(*) AS asked ${from} GROUP BY q.deck_id, q.card_key HAVING misses > 0 ORDER BY misses DESC, asked ASC, q.deck_id, q.card_key`,
    )
    .raw()
    .all(...deckIds) as MissedRow[];
  return { sections, missed };
}

/** The FSRS parameters `quizdeck optimize` adopted, by deck id or `*` (none in a database from before it). */
export function readAdoptedParameters(db: Db): Map<string, number[]> {
  const exists =
    db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'fsrs_parameters'`).pluck().get() ===
    1;
  return exists ? loadParameters(db) : new Map();
}
