import { stepsText } from '../order.js';
import { clozeDeletions, parseCloze, renderClozeParts } from './cloze.js';
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
  | (ItemBase & {
      kind: 'cloze';
      text: string;
      deletion: number;
      prompt: string;
      answer: string;
      accept: string[];
      hint?: string;
    })
  /** `steps` in the right order; study, quiz and print show them shuffled (core/order.ts). */
  | (ItemBase & { kind: 'order'; prompt: string; steps: string[] });

interface ItemBase {
  deckId: string;
  /** The deck's language (`en` when the deck names none): typed answers are judged by it. */
  lang: string;
  cardId: string;
  /** `card-id`, `card-id:reverse`, or `card-id:c2` for a cloze card's second deletion. */
  key: string;
  card: Card;
  why?: string;
  section?: string;
  tags: string[];
}

export function expandCard(deck: Pick<Deck, 'deck'> & Partial<Pick<Deck, 'lang'>>, card: Card): StudyItem[] {
  // Objects are written out in full rather than spread from a shared base: spreading is several
  // times slower in V8, and a 20k-card deck expands on every launch of study.
  const deckId = deck.deck;
  const lang = deck.lang ?? 'en';
  const tags = card.tags ?? [];
  switch (card.type) {
    case undefined:
    case 'basic': {
      const items: StudyItem[] = [
        {
          deckId,
          lang,
          cardId: card.id,
          key: card.id,
          card,
          why: card.why,
          section: card.section,
          tags,
          kind: 'basic',
          prompt: card.q,
          answer: card.a,
          accept: card.accept ? [card.a, ...card.accept] : [card.a],
        },
      ];
      if (card.reverse)
        items.push({
          deckId,
          lang,
          cardId: card.id,
          key: `${card.id}:reverse`,
          card,
          why: card.why,
          section: card.section,
          tags,
          kind: 'basic',
          prompt: card.a,
          answer: card.q,
          accept: [card.q],
        });
      return items;
    }
    case 'choice':
      return [
        {
          deckId,
          lang,
          cardId: card.id,
          key: card.id,
          card,
          why: card.why,
          section: card.section,
          tags,
          kind: 'choice',
          prompt: card.q,
          choices: card.choices,
          correct: Array.isArray(card.answer) ? card.answer : [card.answer],
        },
      ];
    case 'truefalse':
      return [
        {
          deckId,
          lang,
          cardId: card.id,
          key: card.id,
          card,
          why: card.why,
          section: card.section,
          tags,
          kind: 'truefalse',
          prompt: card.q,
          correct: card.answer,
        },
      ];
    case 'order':
      return [
        {
          deckId,
          lang,
          cardId: card.id,
          key: card.id,
          card,
          why: card.why,
          section: card.section,
          tags,
          kind: 'order',
          prompt: card.q,
          steps: card.steps,
        },
      ];
    case 'cloze': {
      const parts = parseCloze(card.text);
      return parts.flatMap((d) =>
        d.kind === 'deletion'
          ? [
              {
                deckId,
                lang,
                cardId: card.id,
                key: `${card.id}:c${d.index + 1}`,
                card,
                why: card.why,
                section: card.section,
                tags,
                kind: 'cloze' as const,
                text: card.text,
                deletion: d.index,
                prompt: renderClozeParts(parts, d.index),
                answer: d.answer,
                accept: [d.answer],
                hint: d.hint,
              },
            ]
          : [],
      );
    }
  }
}

/** The keys of a card's items, without building them (a cloze card's text is only scanned). */
export function itemKeys(card: Card): string[] {
  switch (card.type) {
    case undefined:
    case 'basic':
      return card.reverse ? [card.id, `${card.id}:reverse`] : [card.id];
    case 'cloze':
      return clozeDeletions(card.text).map((d) => `${card.id}:c${d.index + 1}`);
    default:
      return [card.id];
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
    case 'order':
      return stepsText(item.steps);
  }
}
