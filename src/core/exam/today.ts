import type { ExamPlan } from './plan.js';

/** What `study --exam` changes in today's session, per deck. */
export interface ExamTodayDeck {
  /**
   * The new-item limit for today's study day, to use instead of --new (never above it): the
   * plan's share of the day, counting new items introduced earlier today as the queue's
   * daily limit does. On the exam day: every new item left, within --new.
   */
  newLimit: number;
  /**
   * Keys of items to review today besides the normal schedule, in deck order: the reviews the
   * plan pulls forward to today, and on the exam day the items below target that are not due
   * that day anyway. None is due today on the normal schedule, so none is in its queue.
   */
  extraReviews: string[];
}

/**
 * Today's part of `plan` (made with today's `now`), by deck id: what `study --exam` adds to the
 * normal session. Study stores these answers as ordinary reviews; the scheduler's state after
 * them is what it would be after any review on that day.
 */
export function examToday(plan: ExamPlan): Map<string, ExamTodayDeck> {
  const byDeck = new Map<string, ExamTodayDeck>();
  for (const deck of plan.decks)
    byDeck.set(deck.id!, { newLimit: Math.min(deck.newPerDay, plan.limits.newPerDay), extraReviews: [] });
  const examToday = plan.daysLeft === 0;
  for (const item of plan.items) {
    const pulledToday = item.pulled.length > 0 && item.pulled[0] === plan.today;
    const cramToday = examToday && item.cram && item.due !== null && item.due > plan.today;
    if (pulledToday || cramToday) byDeck.get(item.deck)!.extraReviews.push(item.key);
  }
  return byDeck;
}
