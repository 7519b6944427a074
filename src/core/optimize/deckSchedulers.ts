import type { CardMemory, Scheduler } from '../schedule/fsrs.js';
import type { ItemState } from '../schedule/queue.js';
import { weightsForDeck } from './plan.js';

/**
 * The schedulers of one study session: one per distinct set of parameters among its decks
 * (a deck's fitted ones, else those fitted on all decks, else the defaults), so a session over
 * decks fitted separately schedules each with its own.
 */
export interface DeckSchedulers {
  of(deckId: string): Scheduler;
  /**
   * Recall probability for ordering the queue, by the scheduler of each state's deck. The
   * queue asks with the memory alone, so the memories of `states` are mapped to their decks.
   */
  retrievability(
    states: ReadonlyMap<string, ReadonlyMap<string, ItemState>>,
  ): (memory: CardMemory, now: number) => number;
}

export function deckSchedulers(
  deckIds: readonly string[],
  stored: ReadonlyMap<string, readonly number[]>,
  create: (weights: readonly number[] | undefined) => Scheduler,
): DeckSchedulers {
  const byWeights = new Map<string, Scheduler>();
  const byDeck = new Map<string, Scheduler>();
  for (const deck of deckIds) {
    const weights = weightsForDeck(stored, deck);
    const key = weights ? JSON.stringify(weights) : '';
    let scheduler = byWeights.get(key);
    if (!scheduler) byWeights.set(key, (scheduler = create(weights)));
    byDeck.set(deck, scheduler);
  }
  let defaults = byWeights.get('');
  const fallback = () => (defaults ??= create(undefined));
  const of = (deckId: string) => byDeck.get(deckId) ?? fallback();
  return {
    of,
    retrievability(states) {
      if (byWeights.size <= 1) return of(deckIds[0] ?? '').retrievability;
      const deckOf = new WeakMap<CardMemory, Scheduler>();
      for (const [deck, items] of states) for (const state of items.values()) deckOf.set(state.memory, of(deck));
      return (memory, now) => (deckOf.get(memory) ?? fallback()).retrievability(memory, now);
    },
  };
}
