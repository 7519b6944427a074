import { displayWidth } from '../../core/text.js';

/** Lines the grade prompt takes: its message, the four grades, and its key hint wrapped to `width`. */
export function gradePromptLines(hint: string, width: number): number {
  return 1 + 4 + Math.max(1, Math.ceil(displayWidth(hint) / Math.max(1, width)));
}

const lines = (text: string) => text.replace(/\n+$/, '').split('\n');

/**
 * The screen after an answer, cut to `rows` lines so that the question and the verdict stay
 * visible above the grade prompt in a short terminal: the question keeps at least its first
 * line, the feedback at least its verdict and the line under it, and what is cut (the end of
 * the question, then the end of the explanation) is marked with `…`. Null when all of it fits
 * as it was printed.
 */
export function fitAfterAnswer(
  printed: { before: string; question: string; feedback: string },
  rows: number,
): string | null {
  const before = lines(printed.before).length;
  const question = lines(printed.question).filter((line) => line.trim() !== '');
  const feedback = lines(printed.feedback);
  // As printed: the part above, the question, a blank line, the answer line, a blank line, the feedback.
  if (before + question.length + 3 + feedback.length <= rows) return null;
  const keepFeedback = Math.min(feedback.length, 2);
  const q = Math.max(1, Math.min(question.length, rows - keepFeedback - 1));
  const shownQuestion = q < question.length ? [...question.slice(0, q - 1), `${question[q - 1]!} …`] : question;
  // A blank line between question and feedback only when there is room for it.
  const gap = q + 1 + keepFeedback <= rows ? [''] : [];
  const f = Math.max(keepFeedback, rows - q - gap.length);
  const shownFeedback = f < feedback.length ? [...feedback.slice(0, f - 1), '  …'] : feedback;
  return `${[...shownQuestion, ...gap, ...shownFeedback].join('\n')}\n`;
}
