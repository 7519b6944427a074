import { expandCard, itemKeys, type StudyItem } from './items.js';
import type { Card, Deck } from './schema.js';
import { cardTypeOf, type CardType } from './types.js';

/** A deck without its cards: its id, title, language, `translates`, `lenient`, tags and file. */
export type DeckInfo = Omit<Deck, 'cards'>;

/** What is known of a card without its text: enough to queue, filter and count it. */
export interface CardOutline {
  readonly id: string;
  readonly type: CardType;
  /** The keys of its items (`itemKeys`). */
  readonly keys: readonly string[];
  readonly section: string | undefined;
  readonly tags: readonly string[];
}

/**
 * A deck as plain data, before any card's text is read: what study, list and stats need to
 * start. The cards themselves come from a card reader the caller holds (see `io/decks.ts`),
 * so a large deck's card bodies stay on disk until one is shown.
 */
export interface DeckOutline {
  readonly deck: DeckInfo;
  readonly cards: readonly CardOutline[];
}

const NO_TAGS: readonly string[] = Object.freeze([]);

export function cardOutline(card: Card): CardOutline {
  return {
    id: card.id,
    type: cardTypeOf(card),
    keys: itemKeys(card),
    section: card.section,
    tags: card.tags ?? NO_TAGS,
  };
}

/** The outline of a deck already in memory. */
export function outlineOf(deck: Deck): DeckOutline {
  const { cards, ...info } = deck;
  return { deck: info, cards: cards.map(cardOutline) };
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
 * deck id, then item key) and, given `include`, cards it refuses: a large collection is mostly
 * cards studied before and not due today, and nothing more than their keys needs to be looked at.
 */
export function itemRefs(
  outlines: readonly DeckOutline[],
  skip: ReadonlyMap<string, ReadonlySet<string>>,
  include?: (deckId: string, card: CardOutline) => boolean,
): ItemRef[] {
  const refs: ItemRef[] = [];
  outlines.forEach((outline, o) => {
    const deckId = outline.deck.deck;
    const skipped = skip.get(deckId);
    const { cards } = outline;
    for (let i = 0; i < cards.length; i++) {
      const card = cards[i]!;
      const keys = card.keys;
      if (skipped && skipped.size > 0 && allIn(keys, skipped)) continue;
      if (include && !include(deckId, card)) continue;
      for (const key of keys) refs.push({ deckId, cardId: card.id, key, outline: o, card: i });
    }
  });
  return refs;
}

function allIn(keys: readonly string[], set: ReadonlySet<string>): boolean {
  for (let k = 0; k < keys.length; k++) if (!set.has(keys[k]!)) return false;
  return true;
}

/** The study item a reference points at, from its card (read by the caller; expanded here). */
export function resolveItem(outlines: readonly DeckOutline[], ref: ItemRef, card: Card): StudyItem {
  const outline = outlines[ref.outline]!;
  if (card.id !== ref.cardId)
    throw new Error(`card ${ref.card} of deck ${ref.deckId} is ${card.id}, not ${ref.cardId}`);
  const item = expandCard(outline.deck, card).find((it) => it.key === ref.key);
  if (!item) throw new Error(`no item ${ref.key} in card ${ref.cardId} of deck ${ref.deckId}`);
  return item;
}
