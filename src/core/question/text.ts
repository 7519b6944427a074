import { itemAnswerText } from '../deck/items.js';
import type { Messages } from '../messages/index.js';
import { stepsText } from '../order.js';
import type { Outcome, Question, Response } from './model.js';

/** What was answered, as text for the result and the database; an order needs its question to name the steps. */
export function responseText(response: Response | undefined, question?: Question): string | undefined {
  if (!response) return undefined;
  switch (response.kind) {
    case 'order':
      return question?.kind === 'order'
        ? stepsText(response.picked.map((i) => question.steps.shown[i]!))
        : response.picked.map((i) => i + 1).join('');
    case 'choice':
      return response.selected.join('; ');
    case 'truefalse':
      return response.value ? 'True' : 'False';
    case 'typed':
      return response.text;
    case 'revealed':
      return undefined;
  }
}

/** The card's own answer (for a typed question, never an accept entry). */
export function rightAnswerText(question: Question): string {
  return question.kind === 'typed' ? question.key.answer : itemAnswerText(question.item);
}

/** The text asked, for one-line mentions (the missed list, the database). */
export function questionPrompt(question: Question): string {
  return question.item.prompt;
}

/**
 * Answers as the screen says them: True and False, and the separator between picked choices,
 * in the screen's language. The database keeps `responseText`'s English words.
 */
export function shownResponse(outcome: Outcome, m: Messages): string | undefined {
  const response = outcome.response;
  if (response?.kind === 'truefalse') return response.value ? m.trueWord : m.falseWord;
  if (response?.kind === 'choice') return response.selected.join(m.listSeparator);
  return responseText(response, outcome.question);
}

/** The card's own answer (for a typed question, never an accept entry), as the screen says it. */
export function shownAnswer(question: Question, m: Messages): string {
  if (question.kind === 'truefalse') return question.item.correct ? m.trueWord : m.falseWord;
  if (question.kind === 'choice') return question.item.correct.join(m.listSeparator);
  return rightAnswerText(question);
}
