import { DAY, studyDay, toStudyTime, type DayRule } from '../schedule/day.js';
import { STATE_NEW, STATE_REVIEW } from '../schedule/fsrs.js';
import { CalibrationSums } from './calibration.js';

/**
 * One pass over the review log, in the order the reviews were saved (`reviews.id`): answers per
 * study day and per deck, and the calibration of the scheduler's predictions. It is fed one row
 * at a time (`io/statsStore.ts` runs it as an SQLite aggregate, so 500k reviews never become 500k
 * JavaScript rows).
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

/** Study day numbers (days since 1970-01-01 in study time), fast for times that come in order. */
export class DayIndex {
  private start = Infinity;
  private end = -Infinity;
  private current = 0;

  constructor(private readonly rule: DayRule) {}

  of(time: number): number {
    if (time >= this.start && time < this.end) return this.current;
    const day = studyDay(time, this.rule.startHour, this.rule.utcOffsetMinutes);
    this.start = day.start;
    this.end = day.end;
    this.current = Math.floor(toStudyTime(time, this.rule) / DAY);
    return this.current;
  }
}

/**
 * Per deck: answers per study day, calibration sums, and each item's last review (in typed
 * arrays by slot: the log's 500k updates then allocate nothing).
 */
export class DeckReviews {
  readonly days = new Map<number, DayCounts>();
  readonly calibration = new CalibrationSums();
  readonly slots = new Map<string, number>();
  stability = new Float64Array(1024);
  day = new Int32Array(1024);
  reviews = new Int32Array(1024);
  lapses = new Int32Array(1024);
  total = 0;

  slot(key: string): number {
    const n = this.slots.size;
    this.slots.set(key, n);
    if (n === this.day.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.stability = grow(this.stability);
      this.day = grow(this.day);
      this.reviews = grow(this.reviews);
      this.lapses = grow(this.lapses);
    }
    return n;
  }
}

export class ReviewAggregator {
  readonly decks: DeckReviews[];
  private readonly days: DayIndex;
  // The day counts of the last row: reviews come in time order, mostly many to a day.
  private lastDay = Number.NaN;
  private lastDeck = -1;
  private lastCounts: DayCounts | undefined;
  private readonly recall: readonly Recall[];

  /** `recall`: one for all decks, or each deck's (with the parameters adopted for it). */
  constructor(deckCount: number, rule: DayRule, recall: Recall | readonly Recall[]) {
    this.decks = Array.from({ length: deckCount }, () => new DeckReviews());
    this.recall = typeof recall === 'function' ? this.decks.map(() => recall) : recall;
    this.days = new DayIndex(rule);
  }

  /**
   * One review row: `stability` is the one after the answer. Each deck's rows must come in id
   * order (the order of saving); rows of different decks may come in any order.
   */
  add(deck: number, key: string, at: number, rating: number, stateBefore: number, stability: number): void {
    const d = this.decks[deck]!;
    const day = this.days.of(at);
    let counts = day === this.lastDay && deck === this.lastDeck ? this.lastCounts! : d.days.get(day);
    if (!counts) d.days.set(day, (counts = { reviews: 0, reviewState: 0, again: 0 }));
    this.lastDay = day;
    this.lastDeck = deck;
    this.lastCounts = counts;
    counts.reviews++;
    d.total++;
    if (stateBefore === STATE_REVIEW) {
      counts.reviewState++;
      if (rating === 1) counts.again++;
    }
    let slot = d.slots.get(key);
    if (slot === undefined || stateBefore === STATE_NEW) {
      slot ??= d.slot(key);
      d.day[slot] = day;
      d.stability[slot] = stability;
      d.reviews[slot] = 1;
      d.lapses[slot] = 0;
      return;
    }
    const elapsed = day - d.day[slot]!;
    if (elapsed >= 1 && d.stability[slot]! > 0) {
      const p = this.recall[deck]!(elapsed, d.stability[slot]!);
      d.calibration.add(p, rating > 1, elapsed, d.reviews[slot]! + 1, d.lapses[slot]!);
      if (rating === 1) d.lapses[slot]!++;
    }
    d.day[slot] = day;
    d.stability[slot] = stability;
    d.reviews[slot]!++;
  }
}
