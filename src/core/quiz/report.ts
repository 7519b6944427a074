import { alsoAcceptedText, describeCheck, LABEL_WIDTH, LABELS } from '../answer-feedback.js';
import { orderDiff, type OrderCheck } from '../order.js';
import { displayWidth, neutralizeControls, padEndDisplay, wrapText } from '../text.js';
import { questionPrompt, responseText, rightAnswerText, type Outcome } from './question.js';
import { missedOutcomes, passes, scoreOutcomes, sectionTable, type Score } from './score.js';

export interface QuizPaint {
  ok(s: string): string;
  error(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const plainPaint: QuizPaint = { ok: (s) => s, error: (s) => s, dim: (s) => s, bold: (s) => s };

export interface ResultInput {
  outcomes: readonly Outcome[];
  /** Section names in deck order, for the table. */
  sectionOrder?: readonly string[];
  passMark?: number;
  timedOut?: boolean;
  /** Percentages of earlier attempts on the same decks, oldest first. */
  previous?: readonly number[];
  /** Heading word: "Score" for the quiz, "Retry score" for the --retry-missed round. */
  label?: string;
  width?: number;
}

export function scoreLine(score: Score, label = 'Score'): string {
  return `${label} ${score.correct}/${score.total} (${score.percent}%)`;
}

/** The whole result screen as text: score, notes, per-section table, missed questions, history. */
export function formatResult(input: ResultInput, paint: QuizPaint = plainPaint): string {
  const width = Math.max(40, input.width ?? 80);
  const score = scoreOutcomes(input.outcomes);
  let head = paint.bold(scoreLine(score, input.label));
  if (input.passMark !== undefined) {
    head += passes(score, input.passMark) ? `  ${paint.ok(`passed (pass mark ${input.passMark}%)`)}` : `  ${paint.error(`below the pass mark of ${input.passMark}%`)}`;
  }
  const lines = [head];
  const note = (text: string, style: (s: string) => string = (s) => s) => lines.push(...wrapText(text, width).map((l) => style(l)));
  if (input.timedOut) note(`Time ran out: ${plural(score.unanswered, 'question')} unanswered, counted as wrong.`, paint.error);
  else if (score.unanswered > 0) note(`${plural(score.unanswered, 'question')} not answered, counted as wrong.`, paint.error);
  if (score.overruled > 0) note(`${plural(score.overruled, 'answer')} overruled as right ("I was right"), included in the score.`);
  if (score.lenient > 0) note(`${plural(score.lenient, 'near miss', 'near misses')} ("almost") counted as right (lenient), included in the score.`);
  lines.push('', ...formatSectionTable(input.outcomes, input.sectionOrder));
  const missed = missedOutcomes(input.outcomes);
  if (missed.length > 0) {
    lines.push('', paint.bold(`Missed (${missed.length}):`));
    missed.forEach((o, i) => lines.push(...formatMissed(o, i + 1, width, paint)));
  }
  if (input.previous && input.previous.length > 0) {
    lines.push('');
    note(`Previous attempts on these decks: ${input.previous.map((p) => `${p}%`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatSectionTable(outcomes: readonly Outcome[], order?: readonly string[]): string[] {
  const header = ['SECTION', 'RIGHT', 'PERCENT'];
  const body = sectionTable(outcomes, order).map((r) => [neutralizeControls(r.section), `${r.correct}/${r.total}`, `${r.percent}%`]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  // Numbers right-aligned under their headings so the columns line up.
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEndDisplay(c, widths[0]!) : ' '.repeat(widths[i]! - displayWidth(c)) + c)).join('  ');
  return [line(header), ...body.map(line)];
}

function formatMissed(o: Outcome, n: number, width: number, paint: QuizPaint): string[] {
  const indent = '    ';
  // The label stays in its own column; wrapText would collapse the spaces that align it.
  const wrap = (label: string, text: string) =>
    wrapText(neutralizeControls(text), width - indent.length - LABEL_WIDTH).map((l, i) => indent + (i === 0 ? label.padEnd(LABEL_WIDTH) : ' '.repeat(LABEL_WIDTH)) + l);
  const { question, check } = o;
  const section = question.item.section ? `[${question.item.section}] ` : '';
  const given = responseText(o.response, question);
  const out = wrapText(`${section}${neutralizeControls(questionPrompt(question))}`, width - indent.length).map((l, i) => (i === 0 ? `${String(n).padStart(2)}. ${l}` : indent + l));
  if (question.kind === 'typed' && given !== undefined) {
    // The reason tells a near miss and a partial answer from a plain wrong one.
    const reason = check && check.reason !== 'different' ? ` (${describeCheck(check, question.key)})` : '';
    out.push(...wrap(LABELS.typed, `${given || '(empty)'}${reason}`).map((l) => paint.error(l)));
  } else out.push(...wrap('Your answer:', given === undefined ? '(not answered)' : given || '(empty)').map((l) => paint.error(l)));
  out.push(...wrap(LABELS.expected, rightAnswerText(question)).map((l) => paint.ok(l)));
  if (question.kind === 'order' && o.order) out.push(...orderDiffLines(question.item.steps, o.order, width, paint, indent));
  const also = question.kind === 'typed' ? alsoAcceptedText(question.key.accept) : undefined;
  if (also !== undefined) out.push(...wrap(LABELS.alsoAccepted, also));
  if (question.item.why) out.push(...wrap('Why:', question.item.why).map((l) => paint.dim(l)));
  return out;
}

/**
 * The right order, one step a line, each place marked ✓ or ✗ with the step the person put there:
 * the diff of an order answer, in quiz feedback and the missed list.
 */
export function orderDiffLines(steps: readonly string[], check: OrderCheck, width: number, paint: QuizPaint = plainPaint, indent = ''): string[] {
  const lines = [`${indent}Right order:`];
  for (const line of orderDiff(steps, check)) {
    const mark = line.ok ? paint.ok('✓') : paint.error('✗');
    const text = `${line.position + 1}. ${neutralizeControls(line.step)}${line.given === undefined ? '' : `  (you: ${neutralizeControls(line.given)})`}`;
    lines.push(...wrapText(text, Math.max(20, width - indent.length - 4)).map((l, k) => `${indent}  ${k === 0 ? mark : ' '} ${l}`));
  }
  return lines;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
