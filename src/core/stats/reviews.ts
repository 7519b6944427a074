import { DayIndex, type DayRule } from '../schedule/day.js';
import { STATE_NEW, STATE_REVIEW } from '../schedule/fsrs.js';
import { CalibrationSums, type CalibrationData } from './calibration.js';

/**
 * One pass over the review log, item by item and each item's reviews in the order they were
 * saved (`reviews.id`): answers per study day and per deck, and the calibration of the
 * scheduler's predictions. It is fed one row at a time (`io/statsStore.ts` runs it as an SQLite
 * aggregate grouped by item, so 500k reviews never become 500k JavaScript rows, and no item key
 * crosses into JavaScript: building and looking up a key string per review was a third of the
 * pass).
 *
 * The state before a review is the state the review before it left (its stability and time):
 * that is what `card_state` held when the review was made, since a card's state is always the
 * one from its last saved review (the highest id; see io/store.ts), and what `reviews.previous`
 * stores. Reading that JSON column costs more than the rest of `stats` together.
 */

export interface DayCounts {
  reviews: number;
  /** Answers to items in review state (state_before = 2), and how many of them were Again. */
  reviewState: number;
  again: number;
}

/**
 * Predicted recall `elapsedDays` study days after a review that left `stability`: the deck's
 * forgetting curve (`createForgettingCurve`, what study's scheduler predicts).
 */
export type Recall = (elapsedDays: number, stability: number) => number;

/** What a DeckReviews holds, as a worker hands it over (structured clone keeps no methods). */
export interface DeckReviewsData {
  days: Map<number, DayCounts>;
  calibration: CalibrationData;
  total: number;
}

/** Per deck: answers per study day, calibration sums, and how many reviews. */
export class DeckReviews implements DeckReviewsData {
  readonly days = new Map<number, DayCounts>();
  readonly calibration = new CalibrationSums();
  total = 0;

  /** Adds the reviews of other items, folded apart (io/statsFold.ts). */
  merge(other: DeckReviewsData): void {
    for (const [day, counts] of other.days) {
      const mine = this.days.get(day);
      if (!mine) this.days.set(day, { ...counts });
      else {
        mine.reviews += counts.reviews;
        mine.reviewState += counts.reviewState;
        mine.again += counts.again;
      }
    }
    this.calibration.merge(other.calibration);
    this.total += other.total;
  }
}

export class ReviewAggregator {
  readonly decks: DeckReviews[];
  private readonly days: DayIndex;
  // The day counts of the last row: an item's reviews are often several to a day.
  private lastDay = Number.NaN;
  private lastCounts: DayCounts | undefined;
  private readonly recall: readonly Recall[];
  // The item being folded: its deck, and what its last review left.
  private deck: DeckReviews | undefined;
  private deckRecall: Recall | undefined;
  private started = false;
  private day = 0;
  private stability = 0;
  private reviews = 0;
  private lapses = 0;

  /** `recall`: one for all decks, or each deck's (with the parameters adopted for it). */
  constructor(deckCount: number, rule: DayRule, recall: Recall | readonly Recall[]) {
    this.decks = Array.from({ length: deckCount }, () => new DeckReviews());
    this.recall = typeof recall === 'function' ? this.decks.map(() => recall) : recall;
    this.days = new DayIndex(rule);
  }

  /** The reviews that follow, until the next call, are one item's of deck number `deck`. */
  item(deck: number): void {
    this.deck = this.decks[deck]!;
    this.deckRecall = this.recall[deck]!;
    this.started = false;
    this.lastCounts = undefined;
  }

  /**
   * One review of the current item, in the order they were saved: `at` epoch ms, `stability`
   * the one after the answer.
   */
  review(at: number, rating: number, stateBefore: number, stability: number): void {
    const d = this.deck!;
    const day = this.days.of(at);
    let counts = day === this.lastDay ? this.lastCounts : undefined;
    if (!counts) {
      counts = d.days.get(day);
      if (!counts) d.days.set(day, (counts = { reviews: 0, reviewState: 0, again: 0 }));
      this.lastDay = day;
      this.lastCounts = counts;
    }
    counts.reviews++;
    d.total++;
    if (stateBefore === STATE_REVIEW) {
      counts.reviewState++;
      if (rating === 1) counts.again++;
    }
    if (!this.started || stateBefore === STATE_NEW) {
      this.started = true;
      this.day = day;
      this.stability = stability;
      this.reviews = 1;
      this.lapses = 0;
      return;
    }
    const elapsed = day - this.day;
    if (elapsed >= 1 && this.stability > 0) {
      const p = this.deckRecall!(elapsed, this.stability);
      d.calibration.add(p, rating > 1, elapsed, this.reviews + 1, this.lapses);
      if (rating === 1) this.lapses++;
    }
    this.day = day;
    this.stability = stability;
    this.reviews++;
  }
}
