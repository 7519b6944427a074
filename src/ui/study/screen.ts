import chalk from 'chalk';
import { renderCloze } from '../../core/deck/cloze.js';
import type { StudyItem } from '../../core/deck/items.js';
import { formatInterval } from '../../core/schedule/day.js';
import type { QueueCounts } from '../../core/schedule/queue.js';
import type { SessionSummary } from '../../core/study/drive.js';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { displayWidth, neutralizeControls, padEndDisplay } from '../../core/text.js';
import type { AnswerCheck, AnswerKey } from '../../core/answer.js';
import type { OrderCheck } from '../../core/order.js';
import { padLabel } from '../../core/answer-feedback.js';
import { formatTypedFeedback } from '../prompts.js';
import { formatOrderFeedback } from './order.js';
import { formatCardText, progressBar } from '../terminal.js';

/** The text of the study screens, as strings, in the language of `m`: printing is the caller's job. */

export interface HeaderInfo {
  deckId: string;
  deckTitle: string;
  counts: QueueCounts;
  /** Items done for today in this session, and items left: "12 left" does not grow with every answer. */
  finished: number;
  left: number;
  width: number;
}

export function formatHeader(h: HeaderInfo, m: Messages = ENGLISH): string {
  const id = neutralizeControls(h.deckId);
  const deck = `${chalk.bold(id)} ${chalk.dim(truncateDisplay(neutralizeControls(h.deckTitle), h.width - displayWidth(id) - 1))}`;
  const counts = `${chalk.blue(m.study.newCount(h.counts.new))} · ${chalk.red(m.study.learningCount(h.counts.learning))} · ${chalk.green(m.study.dueCount(h.counts.due))}`;
  const progress = m.study.progress(h.finished, h.left);
  // The bar leaves room for the words, however wide (Chinese ones are), and is at most 30.
  const bar = `${progressBar(h.finished, h.finished + h.left, Math.max(5, Math.min(30, h.width - 20, h.width - displayWidth(progress) - 2)))} ${progress}`;
  return `${deck}\n${counts}\n${chalk.dim(bar)}\n`;
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

/**
 * A cloze's text, wrapped, with its target deletion replaced by `fill` and styled. Private-use
 * marks stand in for the brackets while wrapping (one column each, like the brackets), so the
 * deletion is found exactly even if the text has brackets too; `brackets` keeps them as [ ].
 */
function markedCloze(item: Extract<StudyItem, { kind: 'cloze' }>, width: number, fill: (hint: string | undefined) => string, style: (s: string) => string, brackets = false): string {
  const marked = renderCloze(item.text, item.deletion, (hint) => `\uE000${fill(hint)}\uE001`);
  return formatCardText(marked, width, '  ').replace(/\uE000([^\uE001]*)\uE001/, (_m, inner: string) =>
    (brackets ? `[${inner}]` : inner)
      .split('\n')
      .map((part) => part.replace(/^(\s*)(.*)$/, (_l, space: string, body: string) => space + style(body)))
      .join('\n'),
  );
}

/** The question side of an item; a cloze shows its text with the target deletion as [hint]. */
export function formatQuestion(item: StudyItem, width: number, m: Messages = ENGLISH): string {
  const label = item.key.endsWith(':reverse') ? chalk.dim(`${m.study.reverse}\n`) : '';
  if (item.kind === 'cloze') return `${label}${markedCloze(item, width, (hint) => hint ?? '...', chalk.bold.yellow, true)}\n`;
  return `${label}${chalk.bold(formatCardText(item.prompt, width, '  '))}\n`;
}

export type Feedback =
  | { kind: 'revealed' }
  | { kind: 'typed'; typed: string; check: AnswerCheck; key: AnswerKey }
  | { kind: 'choice'; correct: boolean; picked: string[] }
  | { kind: 'truefalse'; correct: boolean }
  | { kind: 'order'; correct: boolean; check: OrderCheck };

export function formatFeedback(item: StudyItem, answer: string, feedback: Feedback, width: number, m: Messages = ENGLISH): string {
  const lines: string[] = [];
  const f = m.feedback;
  const verdict = (ok: boolean) => (ok ? chalk.green(`✓ ${f.correct}`) : chalk.red(`✗ ${f.notQuite}`));
  // A typed answer: the checker's verdict and reason, Expected (the card's answer), You typed, Also accepted.
  // A cloze is answered in its sentence: the whole text, the deletion filled in and highlighted.
  const sentence = item.kind === 'cloze' ? markedCloze(item, width, () => item.answer, chalk.bold.cyan) : undefined;
  if (feedback.kind === 'typed') {
    lines.push(...formatTypedFeedback(feedback.typed, feedback.check, feedback.key, '  ', m));
    if (sentence) lines.push(sentence);
  } else if (feedback.kind === 'order' && item.kind === 'order') lines.push(...formatOrderFeedback(item.steps, feedback.check, width, m));
  else {
    if (feedback.kind !== 'revealed') lines.push(verdict(feedback.correct));
    if (feedback.kind === 'choice' && !feedback.correct) lines.push(`  ${chalk.dim(padLabel(f.youPicked, m))}${feedback.picked.map(neutralizeControls).join(m.listSeparator)}`);
    lines.push(`${chalk.dim(f.answer)}\n${sentence ?? chalk.cyan(formatCardText(answer, width, '  '))}`);
  }
  if (item.why) lines.push(`${chalk.dim(f.why)}\n${formatCardText(item.why, width, '  ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatSummary(s: SessionSummary, m: Messages = ENGLISH, width = 80): string {
  // Sentences under the table, wrapped to the terminal's width and indented.
  const note = (text: string) => formatCardText(text, width, '  ');
  const t = m.study;
  const accuracy = s.studied === 0 ? '—' : `${Math.round(((s.studied - s.again) / s.studied) * 100)}%`;
  const minutes = Math.floor(s.elapsedMs / 60_000);
  const seconds = Math.round((s.elapsedMs % 60_000) / 1000);
  // Values in one column: labels padded by display width, two columns past the widest.
  const column = Math.max(...[t.studied, t.again, t.accuracy, t.timeSpent, t.dueTomorrow, t.leeches].map(displayWidth)) + 2;
  const row = (label: string, value: string | number) => `  ${padEndDisplay(label, column)}${value}`;
  const lines = [chalk.bold(t.summaryTitle), row(t.studied, s.studied), row(t.again, s.again), row(t.accuracy, accuracy), row(t.timeSpent, t.duration(minutes, seconds))];
  // A cram session changes no schedule: nothing became due because of it.
  if (s.cram) lines.push(chalk.dim(note(t.cramNote)));
  else lines.push(row(t.dueTomorrow, s.dueTomorrow));
  if (s.leeches > 0) lines.push(chalk.yellow(row(t.leeches, t.leechesValue(s.leeches))));
  if (s.newHeldBack > 0) lines.push(chalk.dim(note(t.newHeldBack(s.newHeldBack, s.newPerDay))));
  if (s.reviewsHeldBack > 0) lines.push(chalk.dim(note(t.reviewsHeldBack(s.reviewsHeldBack, s.reviewsPerDay))));
  if (s.learningLater > 0) {
    const firstIn = s.learningFirstInMs === undefined ? undefined : formatInterval(s.learningFirstInMs, m.intervals);
    lines.push(chalk.dim(note(t.learningLater(s.learningLater, firstIn))));
  }
  return `${lines.join('\n')}\n`;
}
