import { parseCloze } from '../deck/cloze.js';
import { deckItems, type StudyItem } from '../deck/items.js';
import { buildQuestion, correctChoiceIndexes, type Question } from '../question/model.js';
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
    const question = (item: StudyItem, key: string, body: QuestionBody): BaseQuestion => ({
      key,
      deckId: deck.deck,
      lang: deck.lang,
      tags: item.tags,
      section: item.section,
      why: item.why,
      body,
    });
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const next = items[i + 1];
      if (item.kind === 'cloze') {
        // Each deletion is an item; the card's first one stands for the whole card.
        if (previousCloze === item.cardId) continue;
        previousCloze = item.cardId;
        out.push(question(item, item.cardId, clozeBody(item.text)));
      } else {
        if (item.kind === 'basic' && next?.kind === 'basic' && next.key === `${item.cardId}:reverse`) {
          i++;
          if (direction() < 0.5) {
            out.push(question(next, next.key, sheetBody(buildQuestion(next, { typed: true }))));
            continue;
          }
        }
        out.push(question(item, item.key, sheetBody(buildQuestion(item, { typed: true }))));
      }
    }
  }
  return out;
}

/**
 * A question on paper, from the Question study and quiz ask (core/question), in the deck's
 * order (each version shuffles choices and steps: versions.ts): a basic item's answer and the
 * answers the checker also accepts (so the key gives a marker them too) and whether it is the
 * reverse side; a choice's right choices by place; the right order of steps.
 */
function sheetBody(q: Question): QuestionBody {
  switch (q.kind) {
    case 'typed':
      // A basic item: cloze cards are asked whole, from their text (clozeBody).
      return {
        type: 'basic',
        prompt: q.item.prompt,
        answer: q.key.answer,
        accept: q.key.accept.slice(),
        reverse: q.reverse,
      };
    case 'recall':
      return sheetBody(buildQuestion(q.item, { typed: true }));
    case 'choice':
      return {
        type: 'choice',
        prompt: q.item.prompt,
        choices: q.choices,
        correct: correctChoiceIndexes(q),
        multiple: q.multi,
      };
    case 'truefalse':
      return { type: 'truefalse', prompt: q.item.prompt, correct: q.item.correct };
    case 'order':
      // In the right order here; each version shuffles them (versions.ts).
      return { type: 'order', prompt: q.item.prompt, steps: q.steps.shown, rank: q.steps.order };
  }
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
export function pickQuestions(
  questions: readonly BaseQuestion[],
  count: number | undefined,
  seed: string,
): BaseQuestion[] {
  return count === undefined ? questions.slice() : sample(questions, count, createRng(`${seed}:pick`));
}
