import { expandCard, itemKeys, type StudyItem } from './items.js';
import type { Card, Deck } from './schema.js';

/**
 * What a study session needs of a deck before it shows anything: the deck's cards in order,
 * by id and item keys. A card's full text is asked for (`card`) only when one of its items is
 * shown, so a large deck can keep its card bodies out of memory until then (see
 * `io/decks.ts`, whose cached decks answer `card` by parsing that one card).
 */
export interface DeckOutline {
  readonly deck: Pick<Deck, 'deck' | 'title' | 'lang'>;
  readonly size: number;
  id(index: number): string;
  /** The keys of card `index`'s items (`itemKeys`). */
  keys(index: number): readonly string[];
  card(index: number): Card;
}

/** The outline of a deck already in memory. */
export function outlineOf(deck: Deck): DeckOutline {
  const cards = deck.cards;
  return { deck, size: cards.length, id: (i) => cards[i]!.id, keys: (i) => itemKeys(cards[i]!), card: (i) => cards[i]! };
}

/** Where an item's card is in the decks of a session, without the card itself. */
export interface ItemRef {
  deckId: string;
  cardId: string;
  key: string;
  /** Index of the deck's outline in the session's list. */
  outline: number;
  /** Index of the card in its deck. */
  card: number;
}

/**
 * The items of these decks, as references, skipping cards whose items are all in `skip` (by
 * deck id, then item key): a large collection is mostly cards studied before and not due
 * today, and nothing more than their keys needs to be looked at.
 */
export function itemRefs(outlines: readonly DeckOutline[], skip: ReadonlyMap<string, ReadonlySet<string>>): ItemRef[] {
  const refs: ItemRef[] = [];
  outlines.forEach((outline, o) => {
    const deckId = outline.deck.deck;
    const skipped = skip.get(deckId);
    for (let i = 0; i < outline.size; i++) {
      const keys = outline.keys(i);
      if (skipped && skipped.size > 0 && keys.every((key) => skipped.has(key))) continue;
      const cardId = outline.id(i);
      for (const key of keys) refs.push({ deckId, cardId, key, outline: o, card: i });
    }
  });
  return refs;
}

/** The study item a reference points at (its card is expanded then). */
export function resolveItem(outlines: readonly DeckOutline[], ref: ItemRef): StudyItem {
  const outline = outlines[ref.outline]!;
  const item = expandCard(outline.deck, outline.card(ref.card)).find((it) => it.key === ref.key);
  if (!item) throw new Error(`no item ${ref.key} in card ${ref.cardId} of deck ${ref.deckId}`);
  return item;
}
