import { parseCloze } from '../deck/cloze.js';
import { itemAnswerKey } from '../deck/answer-key.js';
import { deckItems, type StudyItem } from '../deck/items.js';
import type { Deck } from '../deck/schema.js';
import { filterItems, type DeckFilter } from '../deck/filter.js';
import { createRng, sample } from '../random.js';
import type { BaseQuestion, ClozeSegment, QuestionBody } from './model.js';

/**
 * The questions a sheet can ask, in deck order. Study items are the unit (deckItems), filtered
 * as quiz filters them (same --tag/--section/--type meaning), with two changes for paper,
 * because no question on a sheet may print another's answer:
 * - a cloze card becomes ONE question with every deletion as a numbered blank (the study items
 *   each show the other deletions' answers), answered by the list of blanks;
 * - of a reverse basic card, only one direction (chosen by the seed) is asked.
 */
export function collectQuestions(decks: readonly Deck[], filter: DeckFilter, seed: string): BaseQuestion[] {
  const direction = createRng(`${seed}:direction`);
  const out: BaseQuestion[] = [];
  for (const deck of decks) {
    let previousCloze: string | undefined;
    const items = filterItems(deckItems(deck), filter);
    // Object literals of one shape (no spreads): this loop runs once per card of a 10k-card deck.
    const question = (item: StudyItem, key: string, body: QuestionBody): BaseQuestion => ({ key, deckId: deck.deck, lang: deck.lang, tags: item.tags, section: item.section, why: item.why, body });
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const next = items[i + 1];
      if (item.kind === 'cloze') {
        // Each deletion is an item; the card's first one stands for the whole card.
        if (previousCloze === item.cardId) continue;
        previousCloze = item.cardId;
        out.push(question(item, item.cardId, clozeBody(item.text)));
      } else if (item.kind === 'basic') {
        if (next?.kind === 'basic' && next.key === `${item.cardId}:reverse`) {
          i++;
          if (direction() < 0.5) {
            out.push(question(next, next.key, basicBody(next)));
            continue;
          }
        }
        out.push(question(item, item.key, basicBody(item)));
      } else if (item.kind === 'choice') {
        const correct: number[] = [];
        item.choices.forEach((c, index) => item.correct.includes(c) && correct.push(index));
        out.push(question(item, item.key, { type: 'choice', prompt: item.prompt, choices: item.choices, correct, multiple: item.correct.length > 1 }));
      } else if (item.kind === 'order') {
        // In the right order here; each version shuffles them (versions.ts).
        out.push(question(item, item.key, { type: 'order', prompt: item.prompt, steps: item.steps, rank: item.steps.map((_, place) => place) }));
      } else {
        out.push(question(item, item.key, { type: 'truefalse', prompt: item.prompt, correct: item.correct }));
      }
    }
  }
  return out;
}

/** A basic question, with the answers the checker also accepts, so the key gives a marker them too. */
function basicBody(item: Extract<StudyItem, { kind: 'basic' }>): QuestionBody {
  return { type: 'basic', prompt: item.prompt, answer: item.answer, accept: itemAnswerKey(item).accept.slice(), reverse: item.key.endsWith(':reverse') };
}

function clozeBody(text: string): QuestionBody {
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
