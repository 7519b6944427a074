import { ENGLISH, type Messages } from '../messages/index.js';
import { plainPaint, type Paint } from '../paint.js';
import { neutralizeControls } from '../text.js';
import { formatClock } from './duration.js';
import { formatOrderDiff, formatTypedAnswer, labelledLines, VERDICT_MARK, verdictLine } from '../question/feedback.js';
import type { Outcome, Question } from '../question/model.js';
import { formatItemPrompt, formatSteps } from '../question/prompt.js';
import { shownAnswer, shownResponse } from '../question/text.js';

export interface QuestionHeader {
  number: number;
  total: number;
  /** Milliseconds left when there is a time limit. */
  remainingMs?: number;
  /** "Retry" in the --retry-missed round. */
  round?: string;
}

/** The lines shown above a question's prompt: position, section, clock, then the wrapped question. */
export function formatQuestion(
  question: Question,
  header: QuestionHeader,
  width: number,
  paint: Paint = plainPaint,
  m: Messages = ENGLISH,
): string[] {
  const item = question.item;
  const parts = [m.quiz.question(header.number, header.total, header.round)];
  if (item.section) parts.push(neutralizeControls(item.section));
  if (header.remainingMs !== undefined) parts.push(m.quiz.timeLeft(formatClock(header.remainingMs)));
  const lines = [paint.dim(parts.join(' · ')), ...formatItemPrompt(item, width, paint, m)];
  if (question.kind === 'choice' && question.multi)
    lines.push(paint.dim(m.quiz.chooseAll(question.item.correct.length)));
  if (question.kind === 'order') lines.push(paint.dim(m.orderSteps), ...formatSteps(question.steps.shown, width));
  return lines;
}

/**
 * What `--feedback immediate` shows after an answer, and the end-mode review of a rejected
 * typed answer: the verdict (with its reason for typed answers), the card's answer as
 * "Expected" and any other accepted answers (the wording `study` uses too), and why.
 */
export function formatFeedback(
  outcome: Outcome,
  width: number,
  paint: Paint = plainPaint,
  m: Messages = ENGLISH,
): string[] {
  const f = m.feedback;
  const wrapLabel = (label: string, text: string) => labelledLines(label, text, width, m);
  const lines = [verdictText(outcome, paint, m)];
  const { question, check } = outcome;
  if (question.kind === 'typed' && outcome.response?.kind === 'typed' && check) {
    if (check.verdict !== 'correct' || outcome.overruled)
      lines.push(...formatTypedAnswer(outcome.response.text, check, question.key, width, paint, m));
  } else if (question.kind === 'order' && outcome.order && !outcome.correct) {
    lines.push(...formatOrderDiff(question.item.steps, outcome.order, width, paint, m));
  } else if (!outcome.correct || outcome.overruled) {
    const given = shownResponse(outcome, m);
    if (given !== undefined) lines.push(...wrapLabel(f.yourAnswer, given));
    lines.push(...wrapLabel(f.expected, shownAnswer(question, m)).map((l) => paint.ok(l)));
  }
  if (question.item.why) lines.push(...wrapLabel(f.why, question.item.why).map((l) => paint.dim(l)));
  return lines;
}

/** "✓ Correct", "✗ Wrong", "≈ Almost: one letter off (counted as wrong)", "✗ Not answered"... */
export function verdictText(outcome: Outcome, paint: Paint = plainPaint, m: Messages = ENGLISH): string {
  const { check, question } = outcome;
  if (!outcome.response) return paint.error(`${VERDICT_MARK.wrong} ${m.quiz.notAnswered}`);
  if (outcome.overruled) return paint.ok(`${VERDICT_MARK.correct} ${m.quiz.overruled}`);
  if (question.kind === 'order' && outcome.order && !outcome.correct) {
    const placed = question.item.steps.length - outcome.order.wrong.length;
    return paint.error(`${VERDICT_MARK.wrong} ${m.quiz.orderWrong(placed, question.item.steps.length)}`);
  }
  if (!check || question.kind !== 'typed')
    return outcome.correct
      ? paint.ok(`${VERDICT_MARK.correct} ${m.feedback.correct}`)
      : paint.error(`${VERDICT_MARK.wrong} ${m.feedback.wrong}`);
  const text = verdictLine(check, question.key, m);
  if (check.verdict === 'correct') return paint.ok(text);
  if (check.verdict === 'almost')
    return outcome.lenient ? paint.ok(`${text}${m.quiz.countedLenient}`) : paint.error(`${text}${m.quiz.countedWrong}`);
  return paint.error(text);
}
