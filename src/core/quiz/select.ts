import type { StudyItem } from '../deck/items.js';
import { createRng, shuffle } from '../random.js';

/**
 * `count` items in quiz order, the same for the same seed and items. Items of cards not yet
 * chosen come first, so a quiz asks a card's reverse or its second cloze deletion only when
 * there are not enough distinct cards: asking both directions would give the answer away.
 */
export function selectQuestions(items: readonly StudyItem[], count: number, seed: string): StudyItem[] {
  const shuffled = shuffle(items, createRng(`${seed}:questions`));
  const seen = new Set<string>();
  const first: StudyItem[] = [];
  const repeats: StudyItem[] = [];
  for (const item of shuffled) {
    const card = `${item.deckId}\u0000${item.cardId}`;
    (seen.has(card) ? repeats : first).push(item);
    seen.add(card);
  }
  return [...first, ...repeats].slice(0, count);
}
