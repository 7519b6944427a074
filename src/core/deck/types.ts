// Kept apart from schema.ts so that code which only needs the card types does not load zod.
export const CARD_TYPES = ['basic', 'choice', 'truefalse', 'cloze', 'order'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** Structural, so this file needs nothing from schema.ts (which imports it). */
export function cardTypeOf(card: { type?: CardType }): CardType {
  return card.type ?? 'basic';
}
