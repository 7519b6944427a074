import { DayIndex, type DayRule } from '../schedule/day.js';

/**
 * A review log turned into what FSRS learns from: per item, its answers in order with the
 * study days elapsed since the previous one (0 for the first, and for answers the same study
 * day). The optimiser's `delta_t` is counted in whole days between day boundaries at the
 * learner's day start, as Anki and the scheduler (`studyDaysBetween`) count them.
 *
 * Column-wise, in typed arrays: 500k reviews as 500k small arrays and objects cost more time
 * in allocation and garbage collection than the optimiser's own fit (bench/optimize.bench.mjs).
 */
export interface ReviewLog {
  /** Deck ids; `cardDeck` indexes into it. */
  decks: readonly string[];
  /** Per item ("card"): the index of its deck in `decks`. */
  cardDeck: Uint32Array;
  /** Item c's answers are at [cardStart[c], cardStart[c + 1]), oldest first; length items + 1. */
  cardStart: Uint32Array;
  /** 1–4 per answer. */
  ratings: Uint8Array;
  /** Epoch milliseconds of each answer. */
  times: Float64Array;
}

export interface StudyLog extends ReviewLog {
  /** Study days since the item's previous answer (0 for its first); never negative. */
  deltaDays: Float64Array;
}

/** One item's answers, oldest first: the row-wise form, for building a log by hand. */
export interface ItemLog {
  deckId: string;
  ratings: readonly number[];
  /** Epoch milliseconds of each answer. */
  times: readonly number[];
}

export const itemCount = (log: ReviewLog): number => log.cardStart.length - 1;

/** The column-wise log of `items`, in their order. */
export function reviewLogOf(items: readonly ItemLog[]): ReviewLog {
  const decks: string[] = [];
  const deckIndex = new Map<string, number>();
  const total = items.reduce((sum, item) => sum + item.ratings.length, 0);
  const log: ReviewLog = {
    decks,
    cardDeck: new Uint32Array(items.length),
    cardStart: new Uint32Array(items.length + 1),
    ratings: new Uint8Array(total),
    times: new Float64Array(total),
  };
  let at = 0;
  items.forEach((item, c) => {
    let deck = deckIndex.get(item.deckId);
    if (deck === undefined) deckIndex.set(item.deckId, (deck = decks.push(item.deckId) - 1));
    log.cardDeck[c] = deck;
    log.ratings.set(item.ratings, at);
    log.times.set(item.times, at);
    log.cardStart[c + 1] = at += item.ratings.length;
  });
  return log;
}

/** `a`'s items, then `b`'s, of other decks than `a`'s: one log (the optimiser reads a deck first, then the others). */
export function concatLogs(a: StudyLog, b: StudyLog): StudyLog {
  const reviews = a.times.length;
  const items = itemCount(a);
  const cardDeck = new Uint32Array(items + itemCount(b));
  cardDeck.set(a.cardDeck);
  for (let c = 0; c < itemCount(b); c++) cardDeck[items + c] = b.cardDeck[c]! + a.decks.length;
  const cardStart = new Uint32Array(items + itemCount(b) + 1);
  cardStart.set(a.cardStart);
  for (let c = 1; c <= itemCount(b); c++) cardStart[items + c] = b.cardStart[c]! + reviews;
  const joined = <T extends Uint8Array | Float64Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    decks: [...a.decks, ...b.decks],
    cardDeck,
    cardStart,
    ratings: joined(a.ratings, b.ratings, (n) => new Uint8Array(n)),
    times: joined(a.times, b.times, (n) => new Float64Array(n)),
    deltaDays: joined(a.deltaDays, b.deltaDays, (n) => new Float64Array(n)),
  };
}

/** Answers per deck id. */
export function reviewsByDeck(log: ReviewLog): Map<string, number> {
  const counts = new Array<number>(log.decks.length).fill(0);
  for (let c = 0; c < itemCount(log); c++) counts[log.cardDeck[c]!]! += log.cardStart[c + 1]! - log.cardStart[c]!;
  return new Map(log.decks.map((deck, i) => [deck, counts[i]!]));
}

/** The indexes of the items of `decks` (every item without it), in log order. */
export function itemsOf(log: ReviewLog, decks?: ReadonlySet<string>): Uint32Array {
  if (!decks) return Uint32Array.from({ length: itemCount(log) }, (_, c) => c);
  const wanted = log.decks.map((deck) => decks.has(deck));
  const out: number[] = [];
  for (let c = 0; c < itemCount(log); c++) if (wanted[log.cardDeck[c]!]) out.push(c);
  return Uint32Array.from(out);
}

/**
 * Adds the study days between answers. An answer dated before the one before it (the clock was
 * set back) counts as the same study day, as the scheduler counts it.
 */
export function buildHistories(log: ReviewLog, day: DayRule): StudyLog {
  const deltaDays = new Float64Array(log.times.length);
  const days = new DayIndex(day);
  for (let c = 0; c < itemCount(log); c++) {
    let previous = 0;
    for (let i = log.cardStart[c]!; i < log.cardStart[c + 1]!; i++) {
      const studyDay = days.of(log.times[i]!);
      deltaDays[i] = i === log.cardStart[c] ? 0 : Math.max(studyDay - previous, 0);
      previous = studyDay;
    }
  }
  return { ...log, deltaDays };
}

/**
 * The moment that splits the log into earlier reviews (to fit on) and later ones (to test on):
 * `testShare` of the reviews that FSRS predicts (those a study day or more after the previous
 * answer) come at or after it, among the items `cards`. `undefined` when there are too few to
 * test on.
 */
export function splitTime(
  log: StudyLog,
  cards: ArrayLike<number>,
  testShare = 0.2,
  minimumTest = 20,
): number | undefined {
  let count = 0;
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k]!;
    for (let i = log.cardStart[c]! + 1; i < log.cardStart[c + 1]!; i++) if (log.deltaDays[i]! > 0) count++;
  }
  const test = Math.floor(count * testShare);
  if (test < minimumTest) return undefined;
  const times = new Float64Array(count);
  let n = 0;
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k]!;
    for (let i = log.cardStart[c]! + 1; i < log.cardStart[c + 1]!; i++)
      if (log.deltaDays[i]! > 0) times[n++] = log.times[i]!;
  }
  // The k-th smallest, in linear time: sorting them all was a tenth of the wait for the first fit.
  return nthSmallest(times, count - test);
}

/**
 * The value that would be at `k` if `values` were sorted (Hoare's selection, median-of-three
 * pivots); reorders `values`.
 */
export function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
