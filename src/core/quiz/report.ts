import { alsoAcceptedText, describeCheck, formatOrderDiff, labelWidth, padLabel } from '../question/feedback.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import { plainPaint, type Paint } from '../paint.js';
import { displayWidth, neutralizeControls, padEndDisplay, wrapText } from '../text.js';
import { isReverse, type Outcome } from '../question/model.js';
import { questionPrompt, shownAnswer, shownResponse } from '../question/text.js';
import { missedOutcomes, NO_SECTION, passes, scoreOutcomes, sectionTable, type Score } from './score.js';

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
  /** The screen's words; English when not given. */
  messages?: Messages;
}

export function scoreLine(score: Score, label?: string, m: Messages = ENGLISH): string {
  return m.quiz.scoreLine(label ?? m.quiz.score, score.correct, score.total, score.percent);
}

/** The whole result screen as text: score, notes, per-section table, missed questions, history. */
export function formatResult(input: ResultInput, paint: Paint = plainPaint): string {
  const width = Math.max(40, input.width ?? 80);
  const m = input.messages ?? ENGLISH;
  const q = m.quiz;
  const score = scoreOutcomes(input.outcomes);
  let head = paint.bold(scoreLine(score, input.label, m));
  if (input.passMark !== undefined) {
    head += passes(score, input.passMark)
      ? `  ${paint.ok(q.passed(input.passMark))}`
      : `  ${paint.error(q.belowPass(input.passMark))}`;
  }
  const lines = [head];
  const note = (text: string, style: (s: string) => string = (s) => s) =>
    lines.push(...wrapText(text, width).map((l) => style(l)));
  if (input.timedOut) note(q.timeRanOut(score.unanswered), paint.error);
  else if (score.unanswered > 0) note(q.unanswered(score.unanswered), paint.error);
  if (score.overruled > 0) note(q.overruledNote(score.overruled));
  if (score.lenient > 0) note(q.lenientNote(score.lenient));
  lines.push('', ...formatSectionTable(input.outcomes, input.sectionOrder, m));
  const missed = missedOutcomes(input.outcomes);
  if (missed.length > 0) {
    lines.push('', paint.bold(q.missed(missed.length)));
    missed.forEach((o, i) => lines.push(...formatMissed(o, i + 1, width, paint, m)));
  }
  if (input.previous && input.previous.length > 0) {
    lines.push('');
    note(q.previous(input.previous.map((p) => `${p}%`).join(', ')));
  }
  return `${lines.join('\n')}\n`;
}

export function formatSectionTable(
  outcomes: readonly Outcome[],
  order?: readonly string[],
  m: Messages = ENGLISH,
): string[] {
  const header = [...m.quiz.sectionHeader];
  const body = sectionTable(outcomes, order).map((r) => [
    r.section === NO_SECTION ? m.quiz.noSection : neutralizeControls(r.section),
    `${r.correct}/${r.total}`,
    `${r.percent}%`,
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  // Numbers right-aligned under their headings so the columns line up.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padEndDisplay(c, widths[0]!) : ' '.repeat(widths[i]! - displayWidth(c)) + c))
      .join('  ');
  return [line(header), ...body.map(line)];
}

function formatMissed(o: Outcome, n: number, width: number, paint: Paint, m: Messages): string[] {
  const indent = '    ';
  const f = m.feedback;
  const column = labelWidth(m);
  // The label stays in its own column; wrapText would collapse the spaces that align it.
  const wrap = (label: string, text: string) =>
    wrapText(neutralizeControls(text), width - indent.length - column).map(
      (l, i) => indent + (i === 0 ? padLabel(label, m) : ' '.repeat(column)) + l,
    );
  const { question, check } = o;
  const section = question.item.section ? `[${question.item.section}] ` : '';
  // A reverse item's prompt is the card's answer: said so here too, in the one wording.
  const lead = isReverse(question.item) ? `${m.reversePrompt} ` : '';
  const given = shownResponse(o, m);
  const out = wrapText(neutralizeControls(`${section}${lead}${questionPrompt(question)}`), width - indent.length).map(
    (l, i) => (i === 0 ? `${String(n).padStart(2)}. ${l}` : indent + l),
  );
  if (question.kind === 'typed' && given !== undefined) {
    // The reason tells a near miss and a partial answer from a plain wrong one.
    const reason =
      check && check.reason !== 'different'
        ? `${m.sheet.parens[0]}${describeCheck(check, question.key, m)}${m.sheet.parens[1]}`
        : '';
    out.push(...wrap(f.typed, `${given || m.quiz.empty}${reason}`).map((l) => paint.error(l)));
  } else
    out.push(
      ...wrap(f.yourAnswer, given === undefined ? m.quiz.notAnsweredParen : given || m.quiz.empty).map((l) =>
        paint.error(l),
      ),
    );
  out.push(...wrap(f.expected, shownAnswer(question, m)).map((l) => paint.ok(l)));
  if (question.kind === 'order' && o.order)
    out.push(...formatOrderDiff(question.item.steps, o.order, width, paint, m, indent));
  const also = question.kind === 'typed' ? alsoAcceptedText(question.key.accept, m.listSeparator) : undefined;
  if (also !== undefined) out.push(...wrap(f.alsoAccepted, also));
  if (question.item.why) out.push(...wrap(f.why, question.item.why).map((l) => paint.dim(l)));
  return out;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
