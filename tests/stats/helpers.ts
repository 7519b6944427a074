import { createScheduler, newMemory, type GradeValue } from '../../src/core/schedule/fsrs.js';
import type { ItemState } from '../../src/core/schedule/queue.js';
import { openDatabase } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';

/**
 * A review database written the way `study` writes it (ReviewStore.record with the scheduler's
 * answers): `answers` are [item key, card id, days ago (fractional), grade], oldest first.
 */
export function writeReviews(
  path: string,
  deckId: string,
  now: number,
  answers: readonly [string, string, number, GradeValue][],
): void {
  const db = openDatabase(path);
  const store = new ReviewStore(db);
  const scheduler = createScheduler();
  const states = new Map<string, ItemState>();
  for (const [key, cardId, daysAgo, grade] of answers) {
    const at = Math.round(now - daysAgo * 86_400_000);
    const before = states.get(key) ?? null;
    const memory = scheduler.answer(before?.memory ?? newMemory(at), key, at, grade);
    const after: ItemState = { memory, leech: (before?.leech ?? false) || memory.lapses >= 8 };
    store.record({ deckId, cardKey: key, cardId, rating: grade, reviewedAt: at, durationMs: 2000, before, after });
    states.set(key, after);
  }
  db.close();
}

/** Quiz attempts as `quiz` stores them: [days ago, [card key, section, right][]]. */
export function writeQuizzes(
  path: string,
  deckId: string,
  now: number,
  attempts: readonly [number, [string, string, boolean][]][],
): void {
  const db = openDatabase(path);
  const attempt = db.prepare(
    "INSERT INTO quiz_attempts (started_at, finished_at, decks, seed, options, score, total, percent, passed, overruled, time_limit_hit, interrupted) VALUES (?, ?, ?, 's', '{}', ?, ?, ?, NULL, 0, 0, 0)",
  );
  const answer = db.prepare(
    "INSERT INTO quiz_answers (attempt_id, position, deck_id, card_key, card_id, section, kind, answered, given, correct, overruled) VALUES (?, ?, ?, ?, ?, ?, 'typed', 1, 'x', ?, 0)",
  );
  for (const [daysAgo, answers] of attempts) {
    const at = now - daysAgo * 86_400_000;
    const score = answers.filter((a) => a[2]).length;
    const id = attempt.run(
      at,
      at + 60_000,
      deckId,
      score,
      answers.length,
      Math.round((100 * score) / answers.length),
    ).lastInsertRowid;
    answers.forEach(([key, section, right], i) =>
      answer.run(id, i + 1, deckId, key, key.split(':')[0], section, right ? 1 : 0),
    );
  }
  db.close();
}
