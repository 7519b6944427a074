import type { StudyDay } from '../core/schedule/day.js';
import type { ExamMemory } from '../core/exam/plan.js';
import type { MemoryState } from '../core/schedule/fsrs.js';
import type { Db } from './db.js';

/**
 * What the exam plan reads (`stats --exam`, `study --exam`): every item's memory, due or not
 * (study's queue reads only the due ones), and the new items introduced today. Reads only.
 */

/** What the plan needs of the FSRS memory of every item of a deck with stored state, by item key. */
export function readDeckMemories(db: Db, deckId: string): Map<string, ExamMemory> {
  const rows = db
    .prepare(
      'SELECT card_key, state, due, stability, difficulty, scheduled_days, last_review FROM card_state WHERE deck_id = ?',
    )
    .raw()
    .all(deckId) as [string, MemoryState, number, number, number, number, number | null][];
  const memories = new Map<string, ExamMemory>();
  for (const r of rows)
    memories.set(r[0], {
      state: r[1],
      due: r[2],
      stability: r[3],
      difficulty: r[4],
      scheduledDays: r[5],
      lastReview: r[6],
    });
  return memories;
}

/** New items introduced during `day`, per deck (distinct items, as study's daily limit counts them). */
export function readIntroducedDuring(db: Db, day: StudyDay): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT deck_id, count(DISTINCT card_key) FROM reviews INDEXED BY reviews_time WHERE reviewed_at >= ? AND reviewed_at < ? AND state_before = 0 GROUP BY deck_id',
    )
    .raw()
    .all(day.start, day.end) as [string, number][];
  return new Map(rows);
}
