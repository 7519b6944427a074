import type { Messages } from '../messages/index.js';
import { responseText, rightAnswerText, type Outcome, type Question } from './question.js';

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
