import { DAY } from '../../src/core/schedule/day.js';
import { STATE_REVIEW, type CardMemory } from '../../src/core/schedule/fsrs.js';

/** The exam tests' now (noon UTC) and its study day number. */
export const NOW = Date.UTC(2026, 11, 3, 12);
export const TODAY = Date.UTC(2026, 11, 3) / DAY;

/** A review-state memory last reviewed `ago` days before NOW, due `dueIn` days after it. */
export function review(stability: number, ago: number, dueIn: number, extra: Partial<CardMemory> = {}): CardMemory {
  return {
    state: STATE_REVIEW,
    due: NOW + dueIn * DAY,
    stability,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: ago + dueIn,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    lastReview: NOW - ago * DAY,
    ...extra,
  };
}
