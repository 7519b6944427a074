import type { StudyItem } from '../deck/items.js';
import type { StudyDay } from './day.js';
import { STATE_LEARNING, STATE_NEW, STATE_RELEARNING, STATE_REVIEW, type CardMemory } from './fsrs.js';

/** What the database knows about one item; absent for an item never answered. */
export interface ItemState {
  memory: CardMemory;
  leech: boolean;
}

/** What the queue needs to know of an item: which deck and card it belongs to. */
export type QueueItem = Pick<StudyItem, 'deckId' | 'cardId' | 'key'>;

export interface QueueEntry<T extends QueueItem = StudyItem> {
  id: string;
  item: T;
  state: ItemState | null;
}

export interface DailyCounts {
  newCards: number;
  reviews: number;
}

export interface Limits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface QueueSource<T extends QueueItem = StudyItem> {
  items: readonly T[];
  /** By deck id, then item key; items never answered have none. */
  states: ReadonlyMap<string, ReadonlyMap<string, ItemState>>;
  /** By deck id, the keys of items answered before whose next review is after this study day: not in the session. */
  notDue?: ReadonlyMap<string, ReadonlySet<string>>;
  /** By `cardRef(deckId, cardId)`: keys of the card's items answered since the day started. */
  reviewedToday: ReadonlyMap<string, ReadonlySet<string>>;
  /** By deck id: what was already studied today, in earlier sessions too. */
  doneToday: ReadonlyMap<string, DailyCounts>;
  limits: Limits;
  /** By deck id: a new-item limit for today instead of `limits.newPerDay` (study --exam's plan). */
  newLimitByDeck?: ReadonlyMap<string, number>;
  /**
   * By deck id: keys of items in review to show today although not due (study --exam pulls them
   * forward); their states must be in `states`. They come after the due reviews.
   */
  extraReviews?: ReadonlyMap<string, ReadonlySet<string>>;
  day: StudyDay;
  now: number;
  retrievability: (memory: CardMemory, now: number) => number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  due: number;
}

/** Anki shows learning cards up to 20 minutes early rather than ending the session. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export const itemId = (deckId: string, key: string) => `${deckId}\u0000${key}`;
export const cardRef = (deckId: string, cardId: string) => `${deckId}\u0000${cardId}`;

export const isLearning = (s: ItemState | null) =>
  s !== null && (s.memory.state === STATE_LEARNING || s.memory.state === STATE_RELEARNING);

/**
 * The order of a session: learning cards that are due, then due reviews (lowest
 * retrievability first) with new cards spread among them, then learning cards due within
 * the learn-ahead window. Daily limits are per deck and include what earlier sessions did.
 */
export class StudyQueue<T extends QueueItem = StudyItem> {
  private learning: QueueEntry<T>[] = [];
  private reviews: QueueEntry<T>[] = [];
  private newByDeck = new Map<string, QueueEntry<T>[]>();
  private done = new Map<string, DailyCounts>();
  private reviewsSinceNew = 0;
  private forced: QueueEntry<T> | null = null;

  constructor(private readonly source: QueueSource<T>) {
    // Retrievability is computed once per review, beside it, rather than in the comparator.
    const due: { entry: QueueEntry<T>; r: number }[] = [];
    const pulled: { entry: QueueEntry<T>; r: number }[] = [];
    // Items come deck by deck: look the deck's maps up once per run of its items.
    let deckId: string | undefined;
    let states: ReadonlyMap<string, ItemState> | undefined;
    let notDue: ReadonlySet<string> | undefined;
    let extra: ReadonlySet<string> | undefined;
    for (const item of source.items) {
      if (item.deckId !== deckId) {
        deckId = item.deckId;
        states = source.states.get(deckId);
        notDue = source.notDue?.get(deckId);
        extra = source.extraReviews?.get(deckId);
      }
      if (notDue?.has(item.key) && !extra?.has(item.key)) continue;
      const state = states?.get(item.key) ?? null;
      const entry: QueueEntry<T> = { id: itemId(item.deckId, item.key), item, state };
      if (isLearning(state)) this.learning.push(entry);
      else if (isBuried(item, source.reviewedToday)) continue;
      else if (state === null || state.memory.state === STATE_NEW) this.deckNew(item.deckId).push(entry);
      else if (state.memory.state === STATE_REVIEW && state.memory.due < source.day.end)
        due.push({ entry, r: source.retrievability(state.memory, source.now) });
      else if (state.memory.state === STATE_REVIEW && extra?.has(item.key))
        pulled.push({ entry, r: source.retrievability(state.memory, source.now) });
    }
    this.learning.sort(byDue);
    due.sort((a, b) => a.r - b.r || byDue(a.entry, b.entry) || (a.entry.id < b.entry.id ? -1 : 1));
    pulled.sort((a, b) => a.r - b.r || (a.entry.id < b.entry.id ? -1 : 1));
    this.reviews = [...due, ...pulled].map((d) => d.entry);
    for (const [deck, counts] of source.doneToday) this.done.set(deck, { ...counts });
  }

  /** The next card to show at `now`, or null when the session is over. */
  next(now: number): QueueEntry<T> | null {
    if (this.forced) return this.forced;
    const dueLearning = this.learning.find((e) => e.state!.memory.due <= now);
    if (dueLearning) return dueLearning;
    const review = this.reviews.find((e) => this.left(e.item.deckId).reviews > 0);
    const fresh = [...this.newByDeck.values()]
      .map((list) => list[0])
      .find((e) => e !== undefined && this.left(e.item.deckId).newCards > 0);
    if (review && fresh) {
      const { new: newLeft, due } = this.counts(now);
      // Spread new cards evenly through the reviews instead of front-loading either.
      return this.reviewsSinceNew >= due / (newLeft + 1) ? fresh : review;
    }
    if (review ?? fresh) return (review ?? fresh)!;
    return this.learning.find((e) => e.state!.memory.due <= now + LEARN_AHEAD_MS) ?? null;
  }

  counts(_now: number): QueueCounts {
    const { allowed } = this.byLimits();
    return { new: allowed.newCards, learning: this.learning.length, due: allowed.reviews };
  }

  /** Learning cards that come back after the learn-ahead window (or any `window`), and in how long the first does. */
  learningLater(now: number, window = LEARN_AHEAD_MS): { count: number; firstInMs: number } {
    // `learning` is sorted by due time.
    const later = this.learning.filter((e) => e.state!.memory.due > now + window);
    return { count: later.length, firstInMs: later.length === 0 ? 0 : Math.max(0, later[0]!.state!.memory.due - now) };
  }

  /** Cards the daily limits keep out of today's session, per kind. */
  heldBack(): DailyCounts {
    return this.byLimits().held;
  }

  /** The new items and due reviews waiting, split into what today's limits allow and what they hold back. */
  private byLimits(): { allowed: DailyCounts; held: DailyCounts } {
    const allowed = { newCards: 0, reviews: 0 };
    const held = { newCards: 0, reviews: 0 };
    const add = (kind: keyof DailyCounts, waiting: number, left: number) => {
      allowed[kind] += Math.min(waiting, left);
      held[kind] += Math.max(0, waiting - left);
    };
    for (const [deck, list] of this.newByDeck) add('newCards', list.length, this.left(deck).newCards);
    const reviewsByDeck = new Map<string, number>();
    for (const e of this.reviews) reviewsByDeck.set(e.item.deckId, (reviewsByDeck.get(e.item.deckId) ?? 0) + 1);
    for (const [deck, n] of reviewsByDeck) add('reviews', n, this.left(deck).reviews);
    return { allowed, held };
  }

  /** Records an answer: counts it against the deck's limits, buries siblings, requeues learning cards. */
  answered(entry: QueueEntry<T>, after: ItemState): void {
    if (this.forced?.id === entry.id) this.forced = null;
    this.remove(entry.id);
    const done = this.doneFor(entry.item.deckId);
    const before = entry.state?.memory.state ?? STATE_NEW;
    if (before === STATE_NEW) {
      done.newCards++;
      this.reviewsSinceNew = 0;
    } else if (before === STATE_REVIEW) {
      done.reviews++;
      this.reviewsSinceNew++;
    }
    const isSibling = (e: QueueEntry<T>) =>
      e.item.deckId === entry.item.deckId && e.item.cardId === entry.item.cardId && e.id !== entry.id;
    this.reviews = this.reviews.filter((e) => !isSibling(e));
    const fresh = this.newByDeck.get(entry.item.deckId);
    if (fresh)
      this.newByDeck.set(
        entry.item.deckId,
        fresh.filter((e) => !isSibling(e)),
      );
    const next: QueueEntry<T> = { ...entry, state: after };
    // A learning card stays in the session even when its step ends after the study day does
    // (Again at 3:55 a.m. is due at 4:05): dropping it there ended the session without it.
    if (isLearning(after)) {
      const at = this.learning.findIndex((e) => byDue(next, e) < 0);
      this.learning.splice(at === -1 ? this.learning.length : at, 0, next);
    }
  }

  /** Shows this item next (after an undo), whatever its place in the queue. */
  prioritize(id: string): boolean {
    const all = [...this.learning, ...this.reviews, ...[...this.newByDeck.values()].flat()];
    this.forced = all.find((e) => e.id === id) ?? null;
    return this.forced !== null;
  }

  private remove(id: string): void {
    this.learning = this.learning.filter((e) => e.id !== id);
    this.reviews = this.reviews.filter((e) => e.id !== id);
    for (const [deck, list] of this.newByDeck)
      if (list.some((e) => e.id === id))
        this.newByDeck.set(
          deck,
          list.filter((e) => e.id !== id),
        );
  }

  private deckNew(deck: string): QueueEntry<T>[] {
    let list = this.newByDeck.get(deck);
    if (!list) this.newByDeck.set(deck, (list = []));
    return list;
  }

  private doneFor(deck: string): DailyCounts {
    let counts = this.done.get(deck);
    if (!counts) this.done.set(deck, (counts = { newCards: 0, reviews: 0 }));
    return counts;
  }

  /** What the limits still allow; never below zero (`--new 0` after 3 new cards showed "-3 new"). */
  private left(deck: string): DailyCounts {
    const done = this.done.get(deck) ?? { newCards: 0, reviews: 0 };
    const newPerDay = this.source.newLimitByDeck?.get(deck) ?? this.source.limits.newPerDay;
    return {
      newCards: Math.max(0, newPerDay - done.newCards),
      reviews: Math.max(0, this.source.limits.reviewsPerDay - done.reviews),
    };
  }
}

function byDue(a: QueueEntry<QueueItem>, b: QueueEntry<QueueItem>): number {
  return (a.state?.memory.due ?? 0) - (b.state?.memory.due ?? 0);
}

/** Siblings (a card's reverse, the other deletions of a cloze) wait for tomorrow once one is answered. */
function isBuried(item: QueueItem, reviewedToday: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (reviewedToday.size === 0) return false;
  const keys = reviewedToday.get(cardRef(item.deckId, item.cardId));
  if (!keys) return false;
  for (const key of keys) if (key !== item.key) return true;
  return false;
}
