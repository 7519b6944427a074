import { parseCloze } from '../deck/cloze.js';
import type { Card, Deck } from '../deck/schema.js';
import { cleanText } from './anki-notes.js';
import { formatRow, guessSeparator, parseRows } from './delimited.js';
import { idAllocator } from './ids.js';
import type { ImportedCards } from './imported.js';
import { rawCardType, type Loss, type TextExport } from './losses.js';

/**
 * Front, back, tags: what Quizlet-like tools import. Choice cards list their choices on the
 * front; a cloze card's front has every deletion blanked and its back the answers in order.
 * No header row (Quizlet would take it for a card).
 */
export function renderDelimited(decks: readonly Deck[], separator: ',' | '\t'): TextExport {
  const losses: Loss[] = [];
  const rows: string[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      const lost = (what: string, whole?: boolean) =>
        losses.push({ deckId: deck.deck, cardId: card.id, what, ...(whole ? { whole } : {}) });
      const pair = frontBack(card, lost);
      if (!pair) continue;
      if (card.why !== undefined) lost('the explanation (why)');
      if (card.section !== undefined) lost('the section');
      // One line per card: a tool reading the file line by line would split a quoted line break.
      if (pair[0].includes('\n') || pair[1].includes('\n')) lost('line breaks (written as spaces)');
      // Tags are one space-separated column, so a tag with a space would come back as two.
      const tags = (card.tags ?? []).map((t) => t.trim());
      if (tags.some((t) => /\s/.test(t))) lost('spaces in tags (written as _)');
      rows.push(
        formatRow([oneLine(pair[0]), oneLine(pair[1]), tags.map((t) => t.replace(/\s+/g, '_')).join(' ')], separator),
      );
    }
  }
  return { text: rows.join(''), losses };
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function frontBack(card: Card, lost: (what: string, whole?: boolean) => void): [string, string] | undefined {
  const type = rawCardType(card);
  switch (type) {
    case 'basic': {
      const c = card as Extract<Card, { q: string; a: string }>;
      if (c.reverse) lost('the reverse direction (reverse: true)');
      if (c.accept?.length) lost('accepted alternative answers (accept)');
      return [c.q, c.a];
    }
    case 'choice': {
      const c = card as Extract<Card, { type: 'choice' }>;
      const correct = Array.isArray(c.answer) ? c.answer : [c.answer];
      return [
        `${c.q} (${c.choices.map((ch, i) => `${String.fromCharCode(65 + i)}. ${ch}`).join('; ')})`,
        correct.join('; '),
      ];
    }
    case 'truefalse': {
      const c = card as Extract<Card, { type: 'truefalse' }>;
      return [`${c.q} (true or false?)`, c.answer ? 'True' : 'False'];
    }
    case 'cloze': {
      const c = card as Extract<Card, { type: 'cloze' }>;
      const parts = parseCloze(c.text);
      const front = parts.map((p) => (p.kind === 'text' ? p.text : `[${p.hint ?? '...'}]`)).join('');
      return [front, parts.flatMap((p) => (p.kind === 'deletion' ? [p.answer] : [])).join('; ')];
    }
    default:
      lost(`${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} card (no front and back for it)`, true);
      return undefined;
  }
}

/** Two-column (or three, with tags) CSV or TSV as basic cards; a `front,back` header row is skipped. */
export function parseDelimited(text: string, separator = guessSeparator(text)): ImportedCards {
  const result: ImportedCards = { cards: [], messages: [] };
  const allocate = idAllocator();
  const rows = parseRows(text, separator);
  for (const [i, row] of rows.entries()) {
    const [front = '', back = '', tags = '', ...more] = row.fields.map(cleanText);
    if (i === 0 && /^(front|question|term|q)$/i.test(front) && /^(back|answer|definition|a)$/i.test(back)) continue;
    if (!front || !back) {
      result.messages.push(`line ${row.line}: an empty ${front ? 'back' : 'front'}; skipped`);
      continue;
    }
    if (more.some(Boolean)) result.messages.push(`line ${row.line}: columns after the third dropped`);
    const tagList = tags.split(/[\s,]+/).filter(Boolean);
    result.cards.push({
      id: allocate(front.split(/\s+/).slice(0, 8).join(' '), 'card'),
      q: front,
      a: back,
      ...(tagList.length ? { tags: tagList } : {}),
    });
  }
  return result;
}
