import { parseCloze } from '../deck/cloze.js';
import type { Card, Deck } from '../deck/schema.js';
import { textToHtml } from './html.js';
import { rawCardType, type Loss, type TextExport } from './losses.js';
import { formatPercent, shareOf100, sharesMake100, UNEVEN_WEIGHTS } from './weights.js';

/**
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format): shortanswer (with every accepted
 * answer at 100%), multichoice (single, or multiple with weights summing to 100%), truefalse,
 * and cloze cards as embedded answers (`{1:SHORTANSWER:=answer}`). `why` is the general
 * feedback, tags are tags, and each deck and section is a category.
 */
export function renderMoodleXml(decks: readonly Deck[]): TextExport {
  const losses: Loss[] = [];
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'];
  for (const deck of decks) {
    let category: string | undefined;
    for (const card of deck.cards) {
      const lost = (what: string, whole?: boolean) =>
        losses.push({ deckId: deck.deck, cardId: card.id, what, ...(whole ? { whole } : {}) });
      const body = questionBody(card, lost);
      if (body === undefined) continue;
      // A slash inside a name is written doubled, as Moodle writes category paths.
      const wanted = `$course$/${slashes(deck.title)}${card.section ? `/${slashes(card.section)}` : ''}`;
      if (wanted !== category) {
        category = wanted;
        out.push(`  <question type="category">\n    <category><text>${xml(wanted)}</text></category>\n  </question>\n`);
      }
      out.push(
        `  <question type="${body.type}">\n    <name><text>${xml(card.id)}</text></name>\n    <questiontext format="html"><text>${cdata(body.html)}</text></questiontext>\n` +
          `    <generalfeedback format="html"><text>${card.why === undefined ? '' : cdata(textToHtml(card.why))}</text></generalfeedback>\n` +
          `    <defaultgrade>1</defaultgrade>\n${body.rest}${tagsXml(card.tags)}  </question>\n`,
      );
    }
  }
  out.push('</quiz>\n');
  return { text: out.join(''), losses };
}

interface Body {
  type: string;
  html: string;
  rest: string;
}

function questionBody(card: Card, lost: (what: string, whole?: boolean) => void): Body | undefined {
  const type = rawCardType(card);
  switch (type) {
    case 'basic': {
      const c = card as Extract<Card, { q: string; a: string }>;
      if (c.reverse) lost('the reverse direction (reverse: true)');
      // Moodle reads `*` in a short answer as "anything"; a literal one is written `\*`.
      const answers = [c.a, ...(c.accept ?? [])].map((a) => answer(100, a.replace(/\*/g, '\\*'))).join('');
      return { type: 'shortanswer', html: textToHtml(c.q), rest: `    <usecase>0</usecase>\n${answers}` };
    }
    case 'choice': {
      const c = card as Extract<Card, { type: 'choice' }>;
      const correct = new Set(Array.isArray(c.answer) ? c.answer : [c.answer]);
      const single = !Array.isArray(c.answer);
      if (!single && !sharesMake100(correct.size)) lost(UNEVEN_WEIGHTS);
      const right = single ? 100 : shareOf100(correct.size);
      const wrongCount = c.choices.length - correct.size;
      const wrong = single || wrongCount === 0 ? 0 : -shareOf100(wrongCount);
      const answers = c.choices.map((ch) => answer(correct.has(ch) ? right : wrong, ch, true)).join('');
      return {
        type: 'multichoice',
        html: textToHtml(c.q),
        rest: `    <single>${single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n${answers}`,
      };
    }
    case 'truefalse': {
      const c = card as Extract<Card, { type: 'truefalse' }>;
      return {
        type: 'truefalse',
        html: textToHtml(c.q),
        rest: answer(c.answer ? 100 : 0, 'true') + answer(c.answer ? 0 : 100, 'false'),
      };
    }
    case 'cloze': {
      const c = card as Extract<Card, { type: 'cloze' }>;
      let html = '';
      let hints = false;
      for (const p of parseCloze(c.text)) {
        if (p.kind === 'text') html += textToHtml(p.text);
        else {
          if (p.hint) hints = true;
          html += `{1:SHORTANSWER:=${escapeEmbedded(p.answer)}}`;
        }
      }
      if (hints) lost('cloze hints');
      return { type: 'cloze', html, rest: '' };
    }
    default:
      lost(`${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} card (no Moodle question type for it)`, true);
      return undefined;
  }
}

function answer(fraction: number, text: string, html = false): string {
  return `    <answer fraction="${formatPercent(fraction)}"${html ? ' format="html"' : ''}><text>${html ? cdata(textToHtml(text)) : xml(text)}</text></answer>\n`;
}

function tagsXml(tags: readonly string[] | undefined): string {
  if (!tags?.length) return '';
  return `    <tags>\n${tags.map((t) => `      <tag><text>${xml(t)}</text></tag>\n`).join('')}    </tags>\n`;
}

function slashes(name: string): string {
  return name.replace(/\//g, '//');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function xml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!) : text;
}

/** CDATA cannot hold `]]>`: it is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Moodle's embedded answers reserve `} # ~ / " \` inside an answer, and `*` means "anything"; each is escaped with a backslash. */
function escapeEmbedded(text: string): string {
  return textToHtml(text).replace(/[}#~/"\\*]/g, (c) => `\\${c}`);
}
