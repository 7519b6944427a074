import type { Outcome } from '../core/question/model.js';
import { responseText } from '../core/question/text.js';
import { passes, scoreOutcomes } from '../core/quiz/score.js';
import type { Db } from './db.js';

/**
 * Quiz attempts in the review database (tables from the `quiz` migration in db.ts). Quizzes
 * are an exam simulation: they write here only, never to `reviews` or `card_state`.
 */

export interface AttemptRecord {
  startedAt: number;
  finishedAt: number;
  deckIds: readonly string[];
  seed: string;
  options: Record<string, unknown>;
  outcomes: readonly Outcome[];
  passMark?: number;
  timeLimitHit: boolean;
  interrupted: boolean;
  /** The attempt whose missed questions this --retry-missed round asks again. */
  retryOf?: number;
}

/** The key "previous attempts on these decks" compares: deck ids, sorted, comma-joined. */
export function decksKey(deckIds: readonly string[]): string {
  return [...new Set(deckIds)].sort().join(',');
}

/** Stores one attempt and its answers in one transaction; returns the attempt id. */
export function saveAttempt(db: Db, record: AttemptRecord): number {
  const score = scoreOutcomes(record.outcomes);
  const insertAttempt = db.prepare(`
    INSERT INTO quiz_attempts (started_at, finished_at, decks, seed, options, retry_of, score, total, percent, passed, overruled, time_limit_hit, interrupted)
    VALUES (@startedAt, @finishedAt, @decks, @seed, @options, @retryOf, @score, @total, @percent, @passed, @overruled, @timeLimitHit, @interrupted)`);
  const insertAnswer = db.prepare(`
    INSERT INTO quiz_answers (attempt_id, position, deck_id, card_key, card_id, section, kind, answered, given, correct, overruled)
    VALUES (@attemptId, @position, @deckId, @cardKey, @cardId, @section, @kind, @answered, @given, @correct, @overruled)`);
  return db.transaction(() => {
    const { lastInsertRowid } = insertAttempt.run({
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
      decks: decksKey(record.deckIds),
      seed: record.seed,
      options: JSON.stringify(record.options),
      retryOf: record.retryOf ?? null,
      score: score.correct,
      total: score.total,
      percent: score.percent,
      passed: record.passMark === undefined ? null : passes(score, record.passMark) ? 1 : 0,
      overruled: score.overruled,
      timeLimitHit: record.timeLimitHit ? 1 : 0,
      interrupted: record.interrupted ? 1 : 0,
    });
    const attemptId = Number(lastInsertRowid);
    record.outcomes.forEach((o, i) => {
      const item = o.question.item;
      insertAnswer.run({
        attemptId,
        position: i + 1,
        deckId: item.deckId,
        cardKey: item.key,
        cardId: item.cardId,
        section: item.section ?? null,
        kind: o.question.kind,
        answered: o.response ? 1 : 0,
        given: responseText(o.response, o.question) ?? null,
        correct: o.correct ? 1 : 0,
        overruled: o.overruled ? 1 : 0,
      });
    });
    return attemptId;
  })();
}

/**
 * Percentages of earlier complete first-round attempts on the same decks, oldest first, at
 * most `limit` of the most recent. Interrupted attempts and retry rounds are left out: they
 * would make the progress look worse or better than it is.
 */
export function previousPercents(
  db: Db,
  deckIds: readonly string[],
  options: { before?: number; limit?: number } = {},
): number[] {
  const rows = db
    .prepare(
      `SELECT percent FROM quiz_attempts
       WHERE decks = ? AND retry_of IS NULL AND interrupted = 0 AND id < ?
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(decksKey(deckIds), options.before ?? Number.MAX_SAFE_INTEGER, options.limit ?? 10) as { percent: number }[];
  return rows.map((r) => r.percent).reverse();
}
