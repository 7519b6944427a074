import type { StudyItem } from '../../core/deck/items.js';
import { formatInterval } from '../../core/schedule/day.js';
import type { QueueCounts } from '../../core/schedule/queue.js';
import type { SessionSummary } from '../../core/study/drive.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import type { Paint } from '../../core/paint.js';
import { formatTypedAnswer, padLabel, verdictLine } from '../../core/question/feedback.js';
import type { Outcome } from '../../core/question/model.js';
import { cardLines, formatClozeAnswer, formatItemPrompt } from '../../core/question/prompt.js';
import { displayWidth, neutralizeControls, padEndDisplay } from '../../core/text.js';
import { terminalPaint } from '../paint.js';
import { formatOrderFeedback } from './order.js';
import { formatCardText, progressBar } from '../terminal.js';

/**
 * The text of the study screens, as strings, in the language of `m`: printing is the caller's
 * job. The question and its feedback are drawn by the functions quiz draws them with
 * (core/question), in study's layout: indented under the header, the answer always shown.
 */

export interface HeaderInfo {
  deckId: string;
  deckTitle: string;
  counts: QueueCounts;
  /** Items done for today in this session, and items left: "12 left" does not grow with every answer. */
  finished: number;
  left: number;
  width: number;
}

export function formatHeader(h: HeaderInfo, m: Messages = ENGLISH, paint: Paint = terminalPaint()): string {
  const id = neutralizeControls(h.deckId);
  const deck = `${paint.bold(id)} ${paint.dim(truncateDisplay(neutralizeControls(h.deckTitle), h.width - displayWidth(id) - 1))}`;
  const counts = `${paint.info(m.study.newCount(h.counts.new))} · ${paint.error(m.study.learningCount(h.counts.learning))} · ${paint.ok(m.study.dueCount(h.counts.due))}`;
  const progress = m.study.progress(h.finished, h.left);
  // The bar leaves room for the words, however wide (Chinese ones are), and is at most 30.
  const bar = `${progressBar(h.finished, h.finished + h.left, Math.max(5, Math.min(30, h.width - 20, h.width - displayWidth(progress) - 2)))} ${progress}`;
  return `${deck}\n${counts}\n${paint.dim(bar)}\n`;
}

/** Cuts text to `width` columns (CJK counting two) with an ellipsis, so the header stays one line. */
export function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** The question side of an item; a cloze shows its text with the target deletion as [hint]. */
export function formatQuestion(
  item: StudyItem,
  width: number,
  m: Messages = ENGLISH,
  paint: Paint = terminalPaint(),
): string {
  return `${formatItemPrompt(item, width, paint, m, '  ').join('\n')}\n`;
}

/** An item asked and judged (core/question's Outcome), as askItem returns it. */
export type Feedback = Outcome;

/**
 * The verdict and the answer: a typed answer gets the checker's verdict and reason, then
 * Expected (the card's answer), You typed, Also accepted; a cloze is answered in its whole
 * sentence, the deletion filled in and highlighted; a revealed answer is shown under "Answer:".
 * `answer` is the card's answer as the screen says it (True and False in its language).
 */
export function formatFeedback(
  item: StudyItem,
  answer: string,
  feedback: Feedback,
  width: number,
  m: Messages = ENGLISH,
  paint: Paint = terminalPaint(),
): string {
  const lines: string[] = [];
  const f = m.feedback;
  const { question, response } = feedback;
  const sentence = item.kind === 'cloze' ? formatClozeAnswer(item, width, paint, '  ').join('\n') : undefined;
  if (response?.kind === 'typed' && question.kind === 'typed' && feedback.check) {
    const check = feedback.check;
    // In study a near miss is graded by the person; Hard is what it suggests.
    const verdict = verdictLine(check, question.key, m) + (check.verdict === 'almost' ? f.hardSuggested : '');
    lines.push(
      check.verdict === 'correct'
        ? paint.ok(verdict)
        : check.verdict === 'almost'
          ? paint.warning(verdict)
          : paint.error(verdict),
    );
    lines.push(...formatTypedAnswer(response.text, check, question.key, width, paint, m, '  '));
    if (sentence) lines.push(sentence);
  } else if (response?.kind === 'order' && feedback.order && item.kind === 'order')
    lines.push(...formatOrderFeedback(item.steps, feedback.order, width, m));
  else {
    if (response && response.kind !== 'revealed')
      lines.push(feedback.correct ? paint.ok(`✓ ${f.correct}`) : paint.error(`✗ ${f.notQuite}`));
    if (response?.kind === 'choice' && !feedback.correct)
      lines.push(
        `  ${paint.dim(padLabel(f.youPicked, m))}${response.selected.map(neutralizeControls).join(m.listSeparator)}`,
      );
    lines.push(
      `${paint.dim(f.answer)}\n${
        sentence ??
        cardLines(answer, width, '  ')
          .map((l) => paint.accent(l))
          .join('\n')
      }`,
    );
  }
  if (item.why) lines.push(`${paint.dim(f.why)}\n${cardLines(item.why, width, '  ').join('\n')}`);
  return `${lines.join('\n')}\n`;
}

export function formatSummary(
  s: SessionSummary,
  m: Messages = ENGLISH,
  width = 80,
  paint: Paint = terminalPaint(),
): string {
  // Sentences under the table, wrapped to the terminal's width and indented.
  const note = (text: string) => formatCardText(text, width, '  ');
  const t = m.study;
  const accuracy = s.studied === 0 ? '—' : `${Math.round(((s.studied - s.again) / s.studied) * 100)}%`;
  const minutes = Math.floor(s.elapsedMs / 60_000);
  const seconds = Math.round((s.elapsedMs % 60_000) / 1000);
  // Values in one column: labels padded by display width, two columns past the widest.
  const column =
    Math.max(...[t.studied, t.again, t.accuracy, t.timeSpent, t.dueTomorrow, t.leeches].map(displayWidth)) + 2;
  const row = (label: string, value: string | number) => `  ${padEndDisplay(label, column)}${value}`;
  const lines = [
    paint.bold(t.summaryTitle),
    row(t.studied, s.studied),
    row(t.again, s.again),
    row(t.accuracy, accuracy),
    row(t.timeSpent, t.duration(minutes, seconds)),
  ];
  // A cram session changes no schedule: nothing became due because of it.
  if (s.cram) lines.push(paint.dim(note(t.cramNote)));
  else lines.push(row(t.dueTomorrow, s.dueTomorrow));
  if (s.leeches > 0) lines.push(paint.warning(row(t.leeches, t.leechesValue(s.leeches))));
  if (s.newHeldBack > 0) lines.push(paint.dim(note(t.newHeldBack(s.newHeldBack, s.newPerDay))));
  if (s.reviewsHeldBack > 0) lines.push(paint.dim(note(t.reviewsHeldBack(s.reviewsHeldBack, s.reviewsPerDay))));
  if (s.learningLater > 0) {
    const firstIn = s.learningFirstInMs === undefined ? undefined : formatInterval(s.learningFirstInMs, m.intervals);
    lines.push(paint.dim(note(t.learningLater(s.learningLater, firstIn))));
  }
  return `${lines.join('\n')}\n`;
}
