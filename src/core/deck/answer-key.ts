import type { AnswerKey } from '../answer.js';
import type { StudyItem } from './items.js';

/**
 * What a typed answer to an item is judged against: the card's own answer, the other accepted
 * answers (a basic card's `accept`, asked from its front), and the deck's language.
 */
export function itemAnswerKey(item: Extract<StudyItem, { kind: 'basic' | 'cloze' }>): AnswerKey {
  // `accept` of an item lists the answer first (see expandCard), then the card's alternatives.
  return { answer: item.answer, accept: item.accept.filter((a, i) => i > 0 && a !== item.answer), lang: item.lang };
}
