import { parseCloze } from '../deck/cloze.js';
import { deckItems } from '../deck/items.js';
import type { Deck } from '../deck/schema.js';
import { filterItems, type QuestionFilter } from '../quiz/select.js';
import { createRng, sample } from '../random.js';
import type { BaseQuestion, ClozeSegment } from './model.js';

/**
 * The questions a sheet can ask, in deck order. Study items are the unit (deckItems), filtered
 * as quiz filters them (same --tag/--section/--type meaning), with two
 * changes for paper, because no question on a sheet may print another's answer:
 * - a cloze card becomes ONE question with every deletion as a numbered blank (the study items
 *   each show the other deletions' answers), answered by the list of blanks;
 * - of a reverse basic card, only one direction (chosen by the seed) is asked.
 */
export function collectQuestions(decks: readonly Deck[], filter: QuestionFilter, seed: string): BaseQuestion[] {
  const direction = createRng(`${seed}:direction`);
  const out: BaseQuestion[] = [];
  for (const deck of decks) {
    let previousCloze: string | undefined;
    const items = filterItems(deckItems(deck), filter);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const next = items[i + 1];
      const base = { deckId: deck.deck, lang: deck.lang, tags: item.tags, section: item.section, why: item.why };
      if (item.kind === 'cloze') {
        if (previousCloze === item.cardId) continue;
        previousCloze = item.cardId;
        out.push({ ...base, key: item.cardId, body: clozeBody(item.text) });
      } else if (item.kind === 'basic') {
        if (next?.kind === 'basic' && next.key === `${item.cardId}:reverse`) {
          i++;
          if (direction() < 0.5) {
            out.push({ ...base, key: next.key, body: { type: 'basic', prompt: next.prompt, answer: next.answer, reverse: true } });
            continue;
          }
        }
        out.push({ ...base, key: item.key, body: { type: 'basic', prompt: item.prompt, answer: item.answer, reverse: item.key.endsWith(':reverse') } });
      } else if (item.kind === 'choice') {
        const correct = item.choices.flatMap((c, index) => (item.correct.includes(c) ? [index] : []));
        out.push({ ...base, key: item.key, body: { type: 'choice', prompt: item.prompt, choices: item.choices, correct } });
      } else {
        out.push({ ...base, key: item.key, body: { type: 'truefalse', prompt: item.prompt, correct: item.correct } });
      }
    }
  }
  return out;
}

function clozeBody(text: string): BaseQuestion['body'] {
  const segments: ClozeSegment[] = [];
  const answers: string[] = [];
  for (const part of parseCloze(text)) {
    if (part.kind === 'text') segments.push({ text: part.text });
    else {
      answers.push(part.answer);
      segments.push(part.hint === undefined ? { blank: answers.length } : { blank: answers.length, hint: part.hint });
    }
  }
  return { type: 'cloze', segments, answers };
}

/** `count` questions chosen by the seed, kept in deck order; all of them without a count. */
export function pickQuestions(questions: readonly BaseQuestion[], count: number | undefined, seed: string): BaseQuestion[] {
  return count === undefined ? questions.slice() : sample(questions, count, createRng(`${seed}:pick`));
}
