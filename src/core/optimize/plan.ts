/**
 * Which parameters to fit: a deck with enough reviews gets its own; the decks with fewer share
 * parameters fitted on every deck's reviews together; with fewer than that in all, FSRS's
 * defaults stay.
 */

/** The key under which the parameters fitted on all decks together are stored. */
export const ALL_DECKS = '*';

export const DEFAULT_MINIMUM_REVIEWS = 400;

export interface FitGroup {
  /** A deck id, or ALL_DECKS. */
  key: string;
  /** The decks whose reviews it is fitted on. */
  decks: string[];
  reviews: number;
  /** For ALL_DECKS: the decks with too few reviews of their own, which will use it. */
  usedBy: string[];
}

export interface FitPlan {
  groups: FitGroup[];
  /** Decks with too few reviews of their own. */
  small: string[];
  total: number;
}

export function planFit(reviewsByDeck: ReadonlyMap<string, number>, minimum = DEFAULT_MINIMUM_REVIEWS): FitPlan {
  const decks = [...reviewsByDeck.keys()].sort();
  const total = decks.reduce((sum, deck) => sum + reviewsByDeck.get(deck)!, 0);
  const small = decks.filter((deck) => reviewsByDeck.get(deck)! < minimum);
  if (total < minimum) return { groups: [], small, total };
  const groups: FitGroup[] = decks
    .filter((deck) => !small.includes(deck))
    .map((deck) => ({ key: deck, decks: [deck], reviews: reviewsByDeck.get(deck)!, usedBy: [deck] }));
  if (small.length > 0) groups.push({ key: ALL_DECKS, decks, reviews: total, usedBy: small });
  return { groups, small, total };
}

/**
 * The parameters each deck studies with: its own, else those of all decks together, else none
 * (FSRS's defaults).
 */
export function weightsForDeck(
  stored: ReadonlyMap<string, readonly number[]>,
  deckId: string,
): readonly number[] | undefined {
  return stored.get(deckId) ?? stored.get(ALL_DECKS);
}
