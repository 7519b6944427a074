import { clozeDeletions, parseCloze } from '../deck/cloze.js';
import type { Card, Deck } from '../deck/schema.js';
import { textToHtml } from './html.js';
import { rawCardType, type Loss, type TextExport } from './losses.js';
import { formatPercent, shareOf100, sharesMake100, UNEVEN_WEIGHTS } from './weights.js';

/**
 * Moodle's GIFT format (docs.moodle.org/en/GIFT_format): one question per paragraph,
 * `::title::question{answers}####general feedback`. Titles are card ids, so importing the
 * file back restores them; `$CATEGORY:` lines carry the deck and section.
 */

/** GIFT's special characters (`~ = # { } :`) and the backslash, escaped; line breaks as `\n`. */
export function escapeGift(text: string): string {
  // Most text has nothing to escape; testing first keeps a 10k-card export from copying every string.
  if (!GIFT_SPECIAL.test(text)) return text;
  return text.replace(/[\\~=#{}:]/g, '\\$&').replace(/\r?\n/g, '\\n');
}

const GIFT_SPECIAL = /[\\~=#{}:\r\n]/;

/** A short answer: Moodle reads `*` in one as "anything", so a literal one is escaped too. */
function shortAnswer(text: string): string {
  return escapeGift(text).replace(/\*/g, '\\*');
}

export function renderGift(decks: readonly Deck[]): TextExport {
  const losses: Loss[] = [];
  const out: string[] = [];
  for (const deck of decks) {
    let category: string | undefined;
    for (const card of deck.cards) {
      const lost = (what: string, whole?: boolean) =>
        losses.push({ deckId: deck.deck, cardId: card.id, what, ...(whole ? { whole } : {}) });
      // Moodle reads question text as HTML: a card whose text has < or & is written in the
      // [html] format with them escaped, so they show as typed.
      const html = HTML_SPECIAL.test(cardText(card));
      const text = html ? (t: string) => escapeGift(textToHtml(t)) : escapeGift;
      // General feedback goes inside the answer braces, after the answers.
      const why = card.why === undefined ? '' : ` ####${text(card.why)}`;
      const questions = giftQuestions(card, { why, text, format: html ? '[html]' : '' }, lost);
      if (questions.length === 0) continue;
      // The deck id, then the section; a slash inside the section is doubled, as Moodle writes category paths.
      const wanted = card.section ? `${deck.deck}/${card.section.replace(/\//g, '//')}` : deck.deck;
      if (wanted !== category) {
        category = wanted;
        out.push(`$CATEGORY: ${escapeCategory(wanted)}\n\n`);
      }
      const tags = card.tags?.length
        ? `// [tag:${card.tags.map((t) => t.replace(/[\]\n]/g, ' ')).join('] [tag:')}]\n`
        : '';
      for (const q of questions) out.push(`${tags}${q}\n\n`);
    }
  }
  return { text: out.join(''), losses };
}

function escapeCategory(path: string): string {
  return path.replace(/\n/g, ' ');
}

const HTML_SPECIAL = /[<>&]/;

function cardText(card: Card): string {
  const c = card as { q?: string; text?: string; why?: string; choices?: unknown };
  return `${c.q ?? ''}${c.text ?? ''}${c.why ?? ''}${Array.isArray(c.choices) ? c.choices.join('') : ''}`;
}

interface Writer {
  /** ` ####feedback`, or empty. */
  why: string;
  /** Question text, general feedback and choices as this question's format needs them. */
  text: (text: string) => string;
  /** `[html]` or empty. */
  format: string;
}

function giftQuestions(card: Card, w: Writer, lost: (what: string, whole?: boolean) => void): string[] {
  const { why, text: t } = w;
  const title = (id: string) => `::${escapeGift(id)}::${w.format}`;
  const type = rawCardType(card);
  switch (type) {
    case 'basic': {
      const c = card as Extract<Card, { q: string; a: string }>;
      if (c.reverse) lost('the reverse direction (reverse: true)');
      const answers = [c.a, ...(c.accept ?? [])].map((a) => `=${shortAnswer(a)}`).join(' ');
      return [`${title(c.id)}${t(c.q)}{${answers}${why}}`];
    }
    case 'choice': {
      const c = card as Extract<Card, { type: 'choice' }>;
      const correct = new Set(Array.isArray(c.answer) ? c.answer : [c.answer]);
      if (!Array.isArray(c.answer)) {
        const options = c.choices.map((ch) => `${correct.has(ch) ? '=' : '~'}${t(ch)}`).join(' ');
        return [`${title(c.id)}${t(c.q)}{${options}${why}}`];
      }
      if (!sharesMake100(correct.size)) lost(UNEVEN_WEIGHTS);
      const right = formatPercent(shareOf100(correct.size));
      const wrongCount = c.choices.length - correct.size;
      const wrong = wrongCount ? formatPercent(-shareOf100(wrongCount)) : '0';
      const options = c.choices.map((ch) => `~%${correct.has(ch) ? right : wrong}%${t(ch)}`).join(' ');
      return [`${title(c.id)}${t(c.q)}{${options}${why}}`];
    }
    case 'truefalse': {
      const c = card as Extract<Card, { type: 'truefalse' }>;
      return [`${title(c.id)}${t(c.q)}{${c.answer ? 'TRUE' : 'FALSE'}${why}}`];
    }
    case 'cloze': {
      const c = card as Extract<Card, { type: 'cloze' }>;
      const parts = parseCloze(c.text);
      const deletions = clozeDeletions(c.text);
      if (deletions.some((d) => d.hint)) lost('cloze hints');
      // GIFT's missing-word form has one blank: a card with several deletions becomes one
      // question per deletion (titled id/c1, id/c2...), which quizdeck joins again on import.
      return deletions.map((target) => {
        let text = '';
        for (const p of parts)
          text +=
            p.kind === 'text'
              ? t(p.text)
              : p.index === target.index
                ? `{=${shortAnswer(p.answer)}${why}}`
                : t(p.answer);
        return `${title(deletions.length === 1 ? c.id : `${c.id}/c${target.index + 1}`)}${text}`;
      });
    }
    default:
      lost(`${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} card (no GIFT question type for it)`, true);
      return [];
  }
}
