import type { Card } from './schema.js';

// Kept apart from schema.ts so that code which only needs the card types does not load zod.
export const CARD_TYPES = ['basic', 'choice', 'truefalse', 'cloze'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export function cardTypeOf(card: Card): CardType {
  return card.type ?? 'basic';
}
