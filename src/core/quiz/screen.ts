import { LABEL_WIDTH, LABELS, typedAnswerLines, VERDICT_MARK, verdictLine } from '../answer-feedback.js';
import { neutralizeControls, wrapText } from '../text.js';
import { formatClock } from './duration.js';
import { questionPrompt, responseText, rightAnswerText, type Outcome, type Question } from './question.js';
import { orderDiffLines, plainPaint, type QuizPaint } from './report.js';

/** Paint for the typed-answer difference: what was missing from the answer, what was typed extra. */
export interface DiffPaint extends QuizPaint {
  missing(s: string): string;
  extra(s: string): string;
}

export const plainDiffPaint: DiffPaint = { ...plainPaint, missing: (s) => `[${s}]`, extra: (s) => `(${s})` };

export interface QuestionHeader {
  number: number;
  total: number;
  /** Milliseconds left when there is a time limit. */
  remainingMs?: number;
  /** "Retry" in the --retry-missed round. */
  round?: string;
}

/** The lines shown above a question's prompt: position, section, clock, then the wrapped question. */
export function formatQuestion(question: Question, header: QuestionHeader, width: number, paint: QuizPaint = plainPaint): string[] {
  const item = question.item;
  const parts = [`${header.round ? `${header.round} ` : ''}Question ${header.number}/${header.total}`];
  if (item.section) parts.push(neutralizeControls(item.section));
  if (header.remainingMs !== undefined) parts.push(`${formatClock(header.remainingMs)} left`);
  const lines = [paint.dim(parts.join(' · '))];
  // A reverse item shows the answer side alone; without this line it reads like a bare word.
  if (item.key.endsWith(':reverse')) lines.push(paint.dim('Reverse: what is the question for this answer?'));
  lines.push(...wrapText(neutralizeControls(questionPrompt(question)), width).map((l) => paint.bold(l)));
  if (question.kind === 'choice' && question.multi) lines.push(paint.dim(`Choose all that apply (${question.item.correct.length} are right).`));
  if (question.kind === 'order') {
    lines.push(paint.dim('Put the steps in the right order:'));
    question.steps.shown.forEach((step, i) => lines.push(...wrapText(neutralizeControls(step), Math.max(20, width - 5)).map((l, k) => `${k === 0 ? `  ${i + 1}. ` : '     '}${l}`)));
  }
  return lines;
}

/**
 * What `--feedback immediate` shows after an answer, and the end-mode review of a rejected
 * typed answer: the verdict (with its reason for typed answers), the card's answer as
 * "Expected" and any other accepted answers (the wording `study` uses too), and why.
 */
export function formatFeedback(outcome: Outcome, width: number, paint: DiffPaint = plainDiffPaint): string[] {
  const wrapLabel = (label: string, text: string) => wrapText(neutralizeControls(text), Math.max(20, width - LABEL_WIDTH)).map((l, i) => (i === 0 ? label.padEnd(LABEL_WIDTH) : ' '.repeat(LABEL_WIDTH)) + l);
  const lines = [verdictText(outcome, paint)];
  const { question, check } = outcome;
  if (question.kind === 'typed' && outcome.response?.kind === 'typed' && check) {
    if (check.verdict !== 'correct' || outcome.overruled) {
      for (const line of typedAnswerLines(outcome.response.text, check, question.key, paint)) {
        const styled = line.label === LABELS.expected ? paint.ok : (s: string) => s;
        if (line.plain === undefined) lines.push(styled(line.label.padEnd(LABEL_WIDTH) + line.text));
        else lines.push(...wrapLabel(line.label, line.plain).map(styled));
      }
    }
  } else if (question.kind === 'order' && outcome.order && !outcome.correct) {
    lines.push(...orderDiffLines(question.item.steps, outcome.order, width, paint));
  } else if (!outcome.correct || outcome.overruled) {
    const given = responseText(outcome.response, question);
    if (given !== undefined) lines.push(...wrapLabel('Your answer:', given));
    lines.push(...wrapLabel(LABELS.expected, rightAnswerText(question)).map((l) => paint.ok(l)));
  }
  if (question.item.why) lines.push(...wrapLabel('Why:', question.item.why).map((l) => paint.dim(l)));
  return lines;
}

/** "✓ Correct", "✗ Wrong", "≈ Almost: one letter off (counted as wrong)", "✗ Not answered"... */
export function verdictText(outcome: Outcome, paint: QuizPaint = plainPaint): string {
  const { check, question } = outcome;
  if (!outcome.response) return paint.error(`${VERDICT_MARK.wrong} Not answered`);
  if (outcome.overruled) return paint.ok(`${VERDICT_MARK.correct} Counted as right (overruled: "I was right")`);
  if (question.kind === 'order' && outcome.order && !outcome.correct) {
    const placed = question.item.steps.length - outcome.order.wrong.length;
    return paint.error(`${VERDICT_MARK.wrong} Wrong: ${placed} of ${question.item.steps.length} steps in the right place`);
  }
  if (!check || question.kind !== 'typed') return outcome.correct ? paint.ok(`${VERDICT_MARK.correct} Correct`) : paint.error(`${VERDICT_MARK.wrong} Wrong`);
  const text = verdictLine(check, question.key);
  if (check.verdict === 'correct') return paint.ok(text);
  if (check.verdict === 'almost') return outcome.lenient ? paint.ok(`${text} (counted as right: lenient)`) : paint.error(`${text} (counted as wrong)`);
  return paint.error(text);
}
