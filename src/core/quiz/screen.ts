import { diffAnswer } from '../answer.js';
import { neutralizeControls, wrapText } from '../text.js';
import { formatClock } from './duration.js';
import { questionPrompt, responseText, rightAnswerText, type Outcome, type Question } from './question.js';
import { plainPaint, type QuizPaint } from './report.js';

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
  if (question.kind === 'choice' && question.multi) lines.push(paint.dim(`Select all that apply (${question.item.correct.length} are right).`));
  return lines;
}

/**
 * What `--feedback immediate` shows after an answer, and the end-mode review of a rejected
 * typed answer: right or wrong, the right answer, the difference for typed answers, and why.
 */
export function formatFeedback(outcome: Outcome, width: number, paint: DiffPaint = plainDiffPaint): string[] {
  const lines: string[] = [];
  const wrapLabel = (label: string, text: string) => wrapText(neutralizeControls(text), Math.max(20, width - label.length)).map((l, i) => (i === 0 ? label : ' '.repeat(label.length)) + l);
  if (!outcome.response) lines.push(paint.error('✘ Not answered'));
  else if (outcome.overruled) lines.push(paint.ok('✔ Counted as right (overruled: "I was right")'));
  else if (outcome.correct) lines.push(paint.ok('✔ Right'));
  else lines.push(paint.error('✘ Wrong'));
  const given = responseText(outcome.response);
  if (!outcome.correct || outcome.overruled) {
    if (outcome.question.kind === 'typed' && given !== undefined && outcome.closest !== undefined) {
      lines.push(...wrapLabel('Your answer:  ', given || '(empty)'));
      lines.push(`Difference:   ${formatDiff(given, outcome.closest, paint)}`);
      lines.push(...wrapLabel('Right answer: ', outcome.closest).map((l) => paint.ok(l)));
    } else {
      if (given !== undefined) lines.push(...wrapLabel('Your answer:  ', given));
      lines.push(...wrapLabel('Right answer: ', rightAnswerText(outcome.question)).map((l) => paint.ok(l)));
    }
  }
  if (outcome.question.item.why) lines.push(...wrapLabel('Why:          ', outcome.question.item.why).map((l) => paint.dim(l)));
  return lines;
}

/** The typed answer against the expected one, character by character (one line, not wrapped: it is short). */
export function formatDiff(typed: string, expected: string, paint: DiffPaint = plainDiffPaint): string {
  return diffAnswer(neutralizeControls(typed), neutralizeControls(expected))
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'missing' ? paint.missing(p.text) : paint.extra(p.text)))
    .join('');
}
