import type { CardMemory } from '../../src/core/schedule/fsrs.js';
import type { ReviewAggregator } from '../../src/core/stats/reviews.js';

/** A review row of one deck's log, as the tests write them. */
export interface ReviewRow {
  deck: number;
  key: string;
  at: number;
  rating: number;
  stateBefore: number;
  stability: number;
}

/** Folds rows given in the order they were saved: item by item, as `io/statsStore.ts` feeds them. */
export function foldReviewRows(aggregator: ReviewAggregator, rows: Iterable<ReviewRow>): void {
  const items = new Map<string, ReviewRow[]>();
  for (const row of rows) {
    const id = `${row.deck}\0${row.key}`;
    const list = items.get(id);
    if (list) list.push(row);
    else items.set(id, [row]);
  }
  for (const list of items.values()) {
    aggregator.item(list[0]!.deck);
    for (const r of list) aggregator.review(r.at, r.rating, r.stateBefore, r.stability);
  }
}

/** A review-state memory of `stability` days, last reviewed at `lastReview`: what a recall prediction starts from. */
export function reviewMemory(stability: number, lastReview: number): CardMemory {
  return {
    state: 2,
    due: 0,
    stability,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview,
  };
}
