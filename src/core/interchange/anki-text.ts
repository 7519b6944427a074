import type { Deck } from '../deck/schema.js';
import { cardToNote, noteToCard, type ForeignNote } from './anki-notes.js';
import { formatRow, guessSeparator, parseRows } from './delimited.js';
import { idAllocator } from './ids.js';
import type { Loss, TextExport } from './losses.js';
import type { ImportedCards } from './imported.js';

/**
 * Anki's plain-text import format (Anki 2.1.55+ "file headers"): one note per line, tab
 * separated, HTML fields, with the columns named by headers so Anki needs no mapping dialog:
 * GUID, note type, deck, tags, then the fields (Front, Back, Why; Cloze: Text, Back Extra).
 */
const HEADER = '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:4\n';
const FIELD_COLUMNS = 3;
const WHY_LOSS =
  "the explanation (why) into Anki's stock Basic note types, which have no field for it (Anki drops that column; the .apkg keeps it)";

export function renderAnkiText(decks: readonly Deck[]): TextExport {
  const losses: Loss[] = [];
  const parts = [HEADER];
  for (const deck of decks) {
    for (const card of deck.cards) {
      const note = cardToNote(deck, card, losses);
      if (!note) continue;
      // Anki maps the columns after the tags onto the note type's fields and drops the rest: its
      // stock Basic types have only Front and Back, so the Why column reaches Anki only in Cloze
      // (Back Extra). quizdeck's own import reads it back; the .apkg brings note types with a Why field.
      if (card.why !== undefined && note.noteType !== 'Cloze')
        losses.push({ deckId: deck.deck, cardId: card.id, what: WHY_LOSS });
      const fields = note.fields;
      while (fields.length < FIELD_COLUMNS) fields.push('');
      fields.unshift(note.guid, note.noteType, note.deckName, note.tags.join(' '));
      parts.push(formatRow(fields, '\t'));
    }
  }
  return { text: parts.join(''), losses };
}

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };

interface AnkiHeaders {
  separator?: string;
  html?: boolean;
  columns: { guid?: number; notetype?: number; deck?: number; tags?: number };
  notetype?: string;
  deck?: string;
  tags: string[];
  /** `#columns:` labels, which name the fields of the note type. */
  labels?: string[];
}

function readHeaders(text: string): AnkiHeaders {
  const headers: AnkiHeaders = { columns: {}, tags: [] };
  const lines = text.replace(/^\ufeff/, '').split('\n');
  // Anki's older files may open with a bare `tags:` line.
  if (lines[0]?.startsWith('tags:')) headers.tags = lines.shift()!.slice(5).trim().split(/\s+/).filter(Boolean);
  const columns: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    const match = /^#([a-z ]+):(.*)$/i.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!.trim();
    if (key === 'separator') headers.separator = SEPARATORS[value.toLowerCase()] ?? value;
    else if (key === 'html') headers.html = value.toLowerCase() === 'true';
    else if (key === 'notetype') headers.notetype = value;
    else if (key === 'deck') headers.deck = value;
    else if (key === 'tags') headers.tags = value.split(/\s+/).filter(Boolean);
    else if (key === 'columns') columns.push(match[2]!.replace(/\r$/, ''));
    else if (/^(guid|notetype|deck|tags) column$/.test(key))
      headers.columns[key.split(' ')[0] as keyof AnkiHeaders['columns']] = Number(value);
  }
  if (columns[0] !== undefined)
    headers.labels = parseRows(columns[0], headers.separator ?? guessSeparator(columns[0]))[0]?.fields.map((l) =>
      l.trim(),
    );
  return headers;
}

/** Notes of an Anki text export, with or without headers (without: tab or guessed separator, fields only). */
export function parseAnkiText(text: string): ImportedCards {
  const headers = readHeaders(text);
  const separator = headers.separator ?? guessSeparator(text);
  // Without an `#html:` header Anki reads fields as HTML when any of them looks like HTML; so does quizdeck.
  const html = headers.html ?? /<[a-z][^>]*>|&(?:[a-z]+|#\d+);/i.test(text);
  const labelTags = headers.labels?.findIndex((l) => l.toLowerCase() === 'tags') ?? -1;
  if (headers.columns.tags === undefined && labelTags >= 0) headers.columns.tags = labelTags + 1;
  const meta = new Set(
    Object.values(headers.columns)
      .filter((c): c is number => c !== undefined && c > 0)
      .map((c) => c - 1),
  );
  const fieldNames = headers.labels?.filter((_, i) => !meta.has(i));
  const allocate = idAllocator();
  const result: ImportedCards = { cards: [], messages: [] };
  const deckNames = new Map<string, number>();
  const tagsLine = /^\ufeff?tags:/.test(text);
  for (const row of parseRows(text, separator, { comments: true })) {
    if (tagsLine && row.line === 1) continue;
    const col = (n: number | undefined) => (n === undefined ? undefined : row.fields[n - 1]);
    const fields = row.fields.filter((_, i) => !meta.has(i)).map((f) => (html ? f : escapePlain(f)));
    const deckName = col(headers.columns.deck) ?? headers.deck;
    if (deckName) deckNames.set(deckName, (deckNames.get(deckName) ?? 0) + 1);
    const note: ForeignNote = {
      guid: col(headers.columns.guid) || undefined,
      noteType: col(headers.columns.notetype) ?? headers.notetype,
      fields,
      ...(fieldNames?.some(Boolean) ? { fieldNames } : {}),
      tags: [...headers.tags, ...(col(headers.columns.tags) ?? '').split(/\s+/).filter(Boolean)],
      deckName,
      where: `line ${row.line}`,
    };
    const { card, notes } = noteToCard(note, allocate);
    if (card) result.cards.push(card);
    for (const n of notes) result.messages.push(`${note.where}: ${n}`);
  }
  // The deck most notes belong to names the imported deck.
  result.title = [...deckNames].sort((a, b) => b[1] - a[1])[0]?.[0];
  return result;
}

function escapePlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}
