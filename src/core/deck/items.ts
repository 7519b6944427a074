import { clozeDeletions, renderCloze } from './cloze.js';
import type { Card, Deck } from './schema.js';

/**
 * What is actually asked: one card gives one item, a `reverse` basic card two, and a cloze
 * card one per deletion. Review history is keyed on `key`, which derives from the card id
 * only, so editing a card's text keeps its progress.
 */
export type StudyItem =
  | (ItemBase & { kind: 'basic'; prompt: string; answer: string; accept: string[] })
  | (ItemBase & { kind: 'choice'; prompt: string; choices: string[]; correct: string[] })
  | (ItemBase & { kind: 'truefalse'; prompt: string; correct: boolean })
  | (ItemBase & { kind: 'cloze'; text: string; deletion: number; prompt: string; answer: string; accept: string[]; hint?: string });

interface ItemBase {
  deckId: string;
  cardId: string;
  /** `card-id`, `card-id:reverse`, or `card-id:c2` for a cloze card's second deletion. */
  key: string;
  card: Card;
  why?: string;
  section?: string;
  tags: string[];
}

export function expandCard(deck: Pick<Deck, 'deck'>, card: Card): StudyItem[] {
  const base = { deckId: deck.deck, cardId: card.id, card, why: card.why, section: card.section, tags: card.tags ?? [] };
  switch (card.type) {
    case undefined:
    case 'basic': {
      const items: StudyItem[] = [{ ...base, key: card.id, kind: 'basic', prompt: card.q, answer: card.a, accept: [card.a, ...(card.accept ?? [])] }];
      if (card.reverse) items.push({ ...base, key: `${card.id}:reverse`, kind: 'basic', prompt: card.a, answer: card.q, accept: [card.q] });
      return items;
    }
    case 'choice':
      return [{ ...base, key: card.id, kind: 'choice', prompt: card.q, choices: card.choices, correct: Array.isArray(card.answer) ? card.answer : [card.answer] }];
    case 'truefalse':
      return [{ ...base, key: card.id, kind: 'truefalse', prompt: card.q, correct: card.answer }];
    case 'cloze':
      return clozeDeletions(card.text).map((d) => ({
        ...base,
        key: `${card.id}:c${d.index + 1}`,
        kind: 'cloze' as const,
        text: card.text,
        deletion: d.index,
        prompt: renderCloze(card.text, d.index),
        answer: d.answer,
        accept: [d.answer],
        hint: d.hint,
      }));
  }
}

export function deckItems(deck: Deck): StudyItem[] {
  return deck.cards.flatMap((card) => expandCard(deck, card));
}

/** The answer of an item as text, for keys and feedback. */
export function itemAnswerText(item: StudyItem): string {
  switch (item.kind) {
    case 'basic':
    case 'cloze':
      return item.answer;
    case 'choice':
      return item.correct.join('; ');
    case 'truefalse':
      return item.correct ? 'True' : 'False';
  }
}
