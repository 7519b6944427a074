import { diffAnswer, type DiffSegment } from '../answer-diff.js';
import type { AnswerCheck, AnswerKey } from '../answer.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import { orderDiff, type OrderCheck } from '../order.js';
import { plainPaint, type Paint } from '../paint.js';
import { displayWidth, neutralizeControls, padEndDisplay, wrapText } from '../text.js';

/**
 * The words of typed-answer feedback, the same in `study`, in `quiz` (after each answer, in the
 * end-of-quiz review and in the missed list): the verdict and its reason, the card's own answer
 * as "Expected", what was typed, and the other accepted answers as "Also accepted" (an accept
 * entry is never presented as the answer). The words come from the message catalogue, in the
 * deck's language.
 */

/** Columns every label is padded to, so the answers line up: 15 in English. */
export function labelWidth(m: Messages = ENGLISH): number {
  const f = m.feedback;
  return Math.max(...[f.expected, f.typed, f.alsoAccepted, f.yourAnswer, f.why].map(displayWidth)) + 1;
}

/** A label padded by display width (a Chinese label's characters take two columns each). */
export function padLabel(label: string, m: Messages = ENGLISH): string {
  return padEndDisplay(label, labelWidth(m));
}

export const VERDICT_MARK = { correct: '✓', almost: '≈', wrong: '✗' } as const;

/** "Correct", "Almost: one letter off", "Incomplete: missing “VSP”", "Wrong". */
export function describeCheck(check: AnswerCheck, key: Pick<AnswerKey, 'answer'>, m: Messages = ENGLISH): string {
  const f = m.feedback;
  switch (check.reason) {
    case 'match':
    case 'accepted':
    case 'same-items':
      return f.correct;
    case 'typo':
      // Close to an accept entry rather than to the answer: say which, so the difference makes sense.
      return check.closest === key.answer
        ? f.almost(check.edits ?? 1)
        : f.almostAccepted(check.edits ?? 1, f.quote(neutralizeControls(check.closest)));
    case 'partial':
      return f.incomplete((check.missing ?? []).map((missing) => f.quote(neutralizeControls(missing))));
    case 'empty':
      return f.wrongEmpty;
    case 'number':
      return f.wrongNumber;
    case 'different':
      return f.wrong;
  }
}

/** The verdict line: mark and words, e.g. "≈ Almost: one letter off". */
export function verdictLine(check: AnswerCheck, key: Pick<AnswerKey, 'answer'>, m: Messages = ENGLISH): string {
  return `${VERDICT_MARK[check.verdict]} ${describeCheck(check, key, m)}`;
}

export interface FeedbackLine {
  label: string;
  /** Painted text, control characters made visible. */
  text: string;
  /** Plain text (no difference in it), which a caller may wrap. */
  plain?: string;
}

/**
 * Expected / You typed / Also accepted. The character difference is shown only against the
 * card's answer, only when the two are close (see answer-diff.ts) and never for a partial
 * answer; what the checker ignores is never highlighted.
 */
export function typedAnswerLines(
  typed: string,
  check: AnswerCheck,
  key: AnswerKey,
  paint: Pick<Paint, 'missing' | 'extra'>,
  m: Messages = ENGLISH,
): FeedbackLine[] {
  const f = m.feedback;
  // A partial answer names its missing parts instead: a character diff of "VSC and VMBus"
  // against "VSC, VMBus and VSP" would mark the "and" as well.
  const diffs = check.verdict !== 'correct' && check.reason !== 'partial' && check.closest === key.answer;
  const diff = diffs ? diffAnswer(typed, key.answer, key.lang) : undefined;
  const painted = (segments: readonly DiffSegment[], style: (s: string) => string) =>
    segments
      .map((s) => (s.kind === 'changed' ? style(neutralizeControls(s.text)) : neutralizeControls(s.text)))
      .join('');
  const lines: FeedbackLine[] = diff
    ? [
        { label: f.expected, text: painted(diff.expected, paint.missing) },
        { label: f.typed, text: painted(diff.typed, paint.extra) },
      ]
    : [plainLine(f.expected, key.answer), ...(check.verdict === 'correct' ? [] : [plainLine(f.typed, typed)])];
  const also = alsoAcceptedText(key.accept, m.listSeparator);
  if (also !== undefined) lines.push(plainLine(f.alsoAccepted, also));
  return lines;
}

function plainLine(label: string, text: string): FeedbackLine {
  const clean = neutralizeControls(text);
  return { label, text: clean, plain: clean };
}

/** The accept entries as one line, or undefined when there are none. */
export function alsoAcceptedText(accept: readonly string[], separator = '; '): string | undefined {
  return accept.length === 0 ? undefined : accept.join(separator);
}

/**
 * The one drawing of a typed answer's feedback lines, in `study` (indented under its verdict)
 * and `quiz` (after an answer and in the end-of-quiz review): Expected in green with the
 * characters not typed marked, You typed with the characters typed extra marked, Also
 * accepted. Labels line up in one column; plain text wraps under its label.
 */
export function formatTypedAnswer(
  typed: string,
  check: AnswerCheck,
  key: AnswerKey,
  width: number,
  paint: Paint = plainPaint,
  m: Messages = ENGLISH,
  indent = '',
): string[] {
  const lines: string[] = [];
  for (const line of typedAnswerLines(typed, check, key, paint, m)) {
    const styled = line.label === m.feedback.expected ? (s: string) => paint.ok(s) : (s: string) => s;
    if (line.plain === undefined) lines.push(indent + styled(padLabel(line.label, m) + line.text));
    else
      for (const l of labelledLines(line.label, line.plain, width - indent.length, m)) lines.push(indent + styled(l));
  }
  return lines;
}

/** `label` then `text` wrapped in the column after it (text already neutralised or not: it is neutralised here). */
export function labelledLines(label: string, text: string, width: number, m: Messages = ENGLISH): string[] {
  const column = labelWidth(m);
  return wrapText(neutralizeControls(text), Math.max(20, width - column)).map(
    (l, i) => (i === 0 ? padLabel(label, m) : ' '.repeat(column)) + l,
  );
}

/**
 * The one drawing of an order answer's difference, in study's and quiz's feedback and quiz's
 * missed list: "Right order:", then one line per place, marked ✓ or ✗ with the step the person
 * put there, wrapped under the step.
 */
export function formatOrderDiff(
  steps: readonly string[],
  check: OrderCheck,
  width: number,
  paint: Paint = plainPaint,
  m: Messages = ENGLISH,
  indent = '',
): string[] {
  const lines = [`${indent}${m.quiz.rightOrder}`];
  for (const line of orderDiff(steps, check)) {
    const mark = line.ok ? paint.ok('✓') : paint.error('✗');
    const text = `${line.position + 1}. ${neutralizeControls(line.step)}${line.given === undefined ? '' : m.quiz.orderYou(neutralizeControls(line.given))}`;
    lines.push(
      ...wrapText(text, Math.max(20, width - indent.length - 4)).map(
        (l, k) => `${indent}  ${k === 0 ? mark : ' '} ${l}`,
      ),
    );
  }
  return lines;
}
