import type { ItemRef } from '../../core/deck/outline.js';
import { itemAnswerText, type StudyItem } from '../../core/deck/items.js';
import type { Messages } from '../../core/messages/index.js';
import type { CardOnScreen, StudyUi } from '../../core/study/drive.js';
import type { Notice } from '../../core/study/session.js';
import { neutralizeLine, wrapText } from '../../core/text.js';
import { terminalPaint } from '../paint.js';
import { CLEAR_SCREEN, rawModeBetweenPrompts, terminalColumns, terminalRows } from '../terminal.js';
import { fitAfterAnswer, gradePromptLines } from './fit.js';
import { askGrade, askItem } from './ask.js';
import { formatFeedback, formatHeader, formatQuestion, formatSummary } from './screen.js';

export interface TerminalStudyOptions {
  /** The item a reference points at (its card is read when first shown). */
  resolve: (ref: ItemRef) => StudyItem;
  titles: ReadonlyMap<string, string>;
  messages: Messages;
  /** Type the answers of basic and cloze cards (--typed). */
  typed: boolean;
  out: (s: string) => void;
}

/** The study screens in a terminal: each card on a cleared screen, answered and graded with key prompts. */
export function terminalStudyUi(options: TerminalStudyOptions): StudyUi<ItemRef> & { release(): void } {
  const { resolve, titles, messages: m, typed, out } = options;
  const raw = rawModeBetweenPrompts();
  const paint = terminalPaint();
  /** The screen above the grade prompt (the card and its feedback), for a redraw after a resize. */
  let gradeScreen: (() => string) | undefined;
  const notice = (n: Notice<ItemRef>) =>
    paint.warning(`${wrapText(neutralizeLine(noticeText(n, resolve, m)), terminalColumns()).join('\n')}\n`);
  return {
    async ask(card: CardOnScreen<ItemRef>) {
      const ref = card.entry.item;
      const item = resolve(ref);
      // The card's screen at a width: drawn now, and again by the prompt if the terminal is resized.
      const screen = (width: number) => {
        const header = formatHeader(
          {
            deckId: ref.deckId,
            deckTitle: titles.get(ref.deckId) ?? '',
            counts: card.counts,
            finished: card.finished,
            left: card.left,
            width,
          },
          m,
        );
        return { before: `${header}${card.notices.map(notice).join('')}`, question: formatQuestion(item, width, m) };
      };
      const { before, question } = screen(terminalColumns());
      out(`${CLEAR_SCREEN}${before}\n${question}\n`);
      const above = () => {
        const again = screen(terminalColumns());
        return `${again.before}\n${again.question}`;
      };
      const asked = await askItem(item, {
        type: typed,
        shuffleSeed: `${ref.deckId}/${ref.key}:${card.entry.state?.memory.reps ?? 0}`,
        messages: m,
        above,
      });
      raw.hold();
      if (asked.action !== 'answered') return { action: asked.action };
      const answered = asked;
      const afterAnswer = (width: number) => {
        const now = screen(width);
        const feedback = formatFeedback(item, answerText(item, m), answered.feedback, width, m);
        // In a short terminal, only what fits, so the question and the verdict stay above the grade prompt.
        const fitted = fitAfterAnswer(
          { ...now, feedback },
          terminalRows() - gradePromptLines(m.study.gradeHint, width),
        );
        return { feedback, fitted, full: `${now.before}\n${now.question}\n${feedback}` };
      };
      const { feedback, fitted } = afterAnswer(terminalColumns());
      out(fitted === null ? `\n${feedback}\n` : `${CLEAR_SCREEN}${fitted}`);
      gradeScreen = () => {
        const again = afterAnswer(terminalColumns());
        return again.fitted ?? again.full;
      };
      return { action: 'answered', suggested: asked.suggested };
    },
    async grade(_card, gradeOptions, suggested) {
      const graded = await askGrade(gradeOptions, suggested, m, undefined, gradeScreen);
      raw.hold();
      return graded;
    },
    finish(end, summary) {
      if (end === 'quit') out('\n');
      else
        out(CLEAR_SCREEN + (end === 'empty' ? `${m.study.nothingToStudy}\n\n` : paint.ok(`${m.study.doneForNow}\n\n`)));
      out(formatSummary(summary, m, terminalColumns()));
    },
    release: () => raw.release(),
  };
}

function noticeText(n: Notice<ItemRef>, resolve: (ref: ItemRef) => StudyItem, m: Messages): string {
  switch (n.kind) {
    case 'leech':
      return m.study.leech(n.cardId, n.deckId, n.lapses);
    case 'nothingToUndo':
      return m.study.nothingToUndo;
    case 'newDay':
      return m.study.newDay;
    case 'exam':
      return m.study.examToday(n);
    case 'undid': {
      // Named by its question, cut to one short line: an id like `hv-io-order:c2` means nothing on screen.
      const prompt = [...resolve(n.item).prompt.replace(/\s+/g, ' ').trim()];
      return m.study.undid(prompt.length > 60 ? `${prompt.slice(0, 59).join('')}…` : prompt.join(''));
    }
  }
}

/** The card's answer as the screen says it: True and False in the screen's language. */
function answerText(item: StudyItem, m: Messages): string {
  return item.kind === 'truefalse' ? (item.correct ? m.trueWord : m.falseWord) : itemAnswerText(item);
}
