import { STATE_LEARNING, STATE_NEW, STATE_RELEARNING } from '../schedule/fsrs.js';
import type { HardItem, StatusCounts } from './model.js';

/** Where each item stands, from `card_state`: counts by status, the due forecast, the hardest items. */

/** A `card_state` row: card_key, state, due, stability, scheduled_days, lapses, leech. */
export type StateRow = [
  key: string,
  state: number,
  due: number,
  stability: number,
  scheduledDays: number,
  lapses: number,
  leech: number,
];

/**
 * A deck's `card_state` rows, column-wise: as 20k arrays (with two allocated numbers each) they
 * cost `stats` more in garbage collection than in reading (io/statsStore.ts reads them so).
 */
export interface StateColumns {
  keys: string[];
  state: Uint8Array;
  due: Float64Array;
  stability: Float64Array;
  scheduledDays: Float64Array;
  lapses: Uint32Array;
  leech: Uint8Array;
}

/** The columns of `rows` (to build states by hand). */
export function stateColumnsOf(rows: readonly StateRow[]): StateColumns {
  return {
    keys: rows.map((r) => r[0]),
    state: Uint8Array.from(rows, (r) => r[1]),
    due: Float64Array.from(rows, (r) => r[2]),
    stability: Float64Array.from(rows, (r) => r[3]),
    scheduledDays: Float64Array.from(rows, (r) => r[4]),
    lapses: Uint32Array.from(rows, (r) => r[5]),
    leech: Uint8Array.from(rows, (r) => r[6]),
  };
}

/** What stats needs of a deck: each card's item keys (its outline's cards, without card text). */
export type DeckShape = readonly { readonly keys: readonly string[] }[];

export const MATURE_DAYS = 21;
export const FORECAST_DAYS = 30;
export const HARDEST = 10;

const NEW = 0;
const LEARNING = 1;
const YOUNG = 2;
const MATURE = 3;

export function emptyCounts(): StatusCounts {
  return { new: 0, learning: 0, young: 0, mature: 0, leeches: 0, total: 0 };
}

export function addCounts(into: StatusCounts, from: StatusCounts): void {
  into.new += from.new;
  into.learning += from.learning;
  into.young += from.young;
  into.mature += from.mature;
  into.leeches += from.leeches;
  into.total += from.total;
}

function statusOf(state: number, scheduledDays: number): number {
  if (state === STATE_NEW) return NEW;
  if (state === STATE_LEARNING || state === STATE_RELEARNING) return LEARNING;
  return scheduledDays >= MATURE_DAYS ? MATURE : YOUNG;
}

export interface DeckCards {
  items: StatusCounts;
  /** A card counts in the least advanced status of its items (mature only when all are), a leech when any is. */
  cards: StatusCounts;
  removed: number;
  forecast: number[];
  /** The hardest items, without their questions yet. */
  hardest: Omit<HardItem, 'question'>[];
}

/**
 * `dayStarts[k]` is when study day today + k starts (k = 0..FORECAST_DAYS): a review due before
 * `dayStarts[1]` (overdue ones too) is due today. One pass over the deck's cards.
 */
export function summarizeCards(
  deckId: string,
  shape: DeckShape,
  states: StateColumns,
  dayStarts: readonly number[],
): DeckCards {
  const byKey = new Map<string, number>();
  for (let r = 0; r < states.keys.length; r++) byKey.set(states.keys[r]!, r);
  // Counts by status index in arrays, turned into objects at the end: an increment of a property
  // chosen by name per item was most of this function's time.
  const itemCounts = [0, 0, 0, 0];
  const cardCounts = [0, 0, 0, 0];
  let itemLeeches = 0;
  let cardLeeches = 0;
  let itemTotal = 0;
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  const hardest: number[] = [];
  const harder = hardness(states);
  const tomorrow = dayStarts[1]!;
  const horizon = dayStarts[FORECAST_DAYS]!;
  let present = 0;
  for (let i = 0; i < shape.length; i++) {
    let least = MATURE;
    let leech = false;
    const keys = shape[i]!.keys;
    for (let k = 0; k < keys.length; k++) {
      const row = byKey.get(keys[k]!);
      let status = NEW;
      if (row !== undefined) {
        present++;
        const state = states.state[row]!;
        status = statusOf(state, states.scheduledDays[row]!);
        if (states.leech[row] === 1) {
          itemLeeches++;
          leech = true;
        }
        if (state !== STATE_NEW) {
          const due = states.due[row]!;
          if (due < tomorrow) forecast[0]!++;
          else if (due < horizon) addForecast(forecast, due, dayStarts);
          if (hardest.length < HARDEST || harder(row, hardest[HARDEST - 1]!) < 0) keepHardest(hardest, row, harder);
        }
      }
      itemCounts[status]!++;
      itemTotal++;
      if (status < least) least = status;
    }
    cardCounts[least]!++;
    if (leech) cardLeeches++;
  }
  const counts = (c: number[], leeches: number, total: number): StatusCounts => ({
    new: c[NEW]!,
    learning: c[LEARNING]!,
    young: c[YOUNG]!,
    mature: c[MATURE]!,
    leeches,
    total,
  });
  return {
    items: counts(itemCounts, itemLeeches, itemTotal),
    cards: counts(cardCounts, cardLeeches, shape.length),
    removed: byKey.size - present,
    forecast,
    hardest: hardest.map((r) => ({
      deck: deckId,
      key: states.keys[r]!,
      lapses: states.lapses[r]!,
      stability: states.stability[r]!,
      leech: states.leech[r] === 1,
      state: states.state[r]!,
    })),
  };
}

function addForecast(forecast: number[], due: number, dayStarts: readonly number[]): void {
  // dayStarts is short (31): a linear scan is as fast as a binary search.
  for (let k = 0; k < FORECAST_DAYS; k++) {
    if (due < dayStarts[k + 1]!) {
      forecast[k]!++;
      return;
    }
  }
}

/** Rows a and b compared: leeches first, then the most lapses, then the lowest stability (then by key, so ties repeat). */
function hardness(s: StateColumns): (a: number, b: number) => number {
  return (a, b) =>
    s.leech[b]! - s.leech[a]! ||
    s.lapses[b]! - s.lapses[a]! ||
    s.stability[a]! - s.stability[b]! ||
    (s.keys[a]! < s.keys[b]! ? -1 : s.keys[a]! > s.keys[b]! ? 1 : 0);
}

/** Keeps the HARDEST hardest rows, sorted: an insertion into a list of ten, not a sort of every item. */
function keepHardest(top: number[], row: number, harder: (a: number, b: number) => number): void {
  if (top.length === HARDEST && harder(row, top[HARDEST - 1]!) >= 0) return;
  let i = Math.min(top.length, HARDEST - 1);
  if (top.length < HARDEST) top.push(row);
  while (i > 0 && harder(row, top[i - 1]!) < 0) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = row;
}
