import type { StateColumns } from '../core/stats/cards.js';
import type { MissedRow, SectionRow } from '../core/stats/quiz.js';
import type { ReviewAggregator } from '../core/stats/reviews.js';
import type { Db } from './db.js';
import { foldItems, type FoldPart } from './itemFold.js';
import { loadParameters } from './parametersStore.js';

/**
 * The SQL of `quizdeck stats`: reads only (the database is opened read-only). The review log is
 * folded by the core's aggregator inside SQLite, one call per row, so a log of 500k reviews
 * never becomes 500k JavaScript rows (reading them as rows took seconds; iterating over raw
 * rows 570 ms against 190 ms for the aggregate's calls).
 */

/**
 * Every `card_state` row of a deck, column-wise: an aggregate hands each row's values to
 * JavaScript, which keeps them in typed arrays (as rows, 20k arrays and the numbers in them
 * cost more in garbage collection than the reading).
 */
export function readCardStates(db: Db, deckId: string): StateColumns {
  // In one read transaction: the count is the number of rows the aggregate then sees.
  return db.transaction(() => {
    const count = db.prepare('SELECT count(*) FROM card_state WHERE deck_id = ?').pluck().get(deckId) as number;
    const states: StateColumns = {
      keys: [],
      state: new Uint8Array(count),
      due: new Float64Array(count),
      stability: new Float64Array(count),
      scheduledDays: new Float64Array(count),
      lapses: new Uint32Array(count),
      leech: new Uint8Array(count),
    };
    let n = 0;
    const row = (
      _: number,
      key: string,
      state: number,
      due: number,
      stability: number,
      scheduled: number,
      lapses: number,
      leech: number,
    ): void => {
      states.keys.push(key);
      states.state[n] = state;
      states.due[n] = due;
      states.stability[n] = stability;
      states.scheduledDays[n] = scheduled;
      states.lapses[n] = lapses;
      states.leech[n] = leech;
      n++;
    };
    db.aggregate('quizdeck_card_states', {
      start: () => 0,
      // @types/better-sqlite3 types step as two-argument; SQLite passes one value per argument.
      step: row as unknown as (total: number, next: number) => number,
      result: () => null,
    });
    db.prepare(
      'SELECT quizdeck_card_states(card_key, state, due, stability, scheduled_days, lapses, leech) FROM card_state WHERE deck_id = ?',
    ).get(deckId);
    return states;
  })();
}

/**
 * Feeds every review of these decks to `aggregator` (or those of one `part` of the items),
 * item by item, each item's in the order they were saved (by id). Returns how many.
 */
export function foldReviews(db: Db, deckIds: readonly string[], aggregator: ReviewAggregator, part?: FoldPart): number {
  let rows = 0;
  foldItems(
    db,
    deckIds,
    {
      // The time in whole minutes, the rating (4 as 0) and the state before, packed in one
      // integer under 2^30, a small integer in V8 (until the year 2097), and the stability:
      // milliseconds would be a number allocated per call. Study days begin on a whole minute
      // (4 a.m. in zones whose offsets are whole quarter hours), so no review changes day.
      columns: '(reviewed_at / 60000) * 16 + (rating & 3) * 4 + state_before, stability',
      item: (deck) => aggregator.item(deck),
      review: (_: number, packed: number, stability: number) => {
        aggregator.review(Math.floor(packed / 16) * 60_000, (packed >> 2) & 3 || 4, packed & 3, stability);
        rows++;
      },
    },
    part,
  );
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
