import { parseCloze } from '../deck/cloze.js';
import type { Card, Deck } from '../deck/schema.js';
import { ankiGuid, cardIdFromGuid, idFromKey, type idAllocator } from './ids.js';
import { htmlToText, textToHtml } from './html.js';
import { rawCardType, type Loss } from './losses.js';

/**
 * A card as an Anki note, shared by the text export and the .apkg: note type, fields (HTML),
 * tags and deck name. Choice and true/false cards have no Anki note type of their own, so they
 * become Basic notes whose front lists the choices; the lists carry a class, so that quizdeck
 * reading the note back restores the card's type.
 */
export type NoteTypeName = 'Basic' | 'Basic (and reversed card)' | 'Cloze';

export interface AnkiNote {
  guid: string;
  noteType: NoteTypeName;
  deckName: string;
  /** Basic: Front, Back, Why. Cloze: Text, Back Extra (the why). */
  fields: string[];
  tags: string[];
}

/** Field names of the note types quizdeck writes (the stock names plus Why). */
export const NOTE_FIELDS: Record<NoteTypeName, readonly string[]> = {
  Basic: ['Front', 'Back', 'Why'],
  'Basic (and reversed card)': ['Front', 'Back', 'Why'],
  Cloze: ['Text', 'Back Extra'],
};

const CHOICES_CLASS = 'quizdeck-choices';
const TRUEFALSE_CLASS = 'quizdeck-truefalse';
/** Anki's hierarchical tag separator; a card's section travels as the tag `section::NAME`. */
const SECTION_TAG = 'section::';

export function cardToNote(deck: Pick<Deck, 'deck' | 'title'>, card: Card, losses: Loss[]): AnkiNote | undefined {
  const type = rawCardType(card);
  const content = noteContent(type, card);
  if (!content) {
    losses.push({
      deckId: deck.deck,
      cardId: card.id,
      what: `${article(type)} ${type} card (no Anki note type for it)`,
      whole: true,
    });
    return undefined;
  }
  if (type === 'basic' && (card as { accept?: string[] }).accept?.length)
    losses.push({ deckId: deck.deck, cardId: card.id, what: 'accepted alternative answers (accept)' });
  if (card.tags?.some((t) => /\s/.test(t.trim())))
    losses.push({
      deckId: deck.deck,
      cardId: card.id,
      what: 'spaces in tags (Anki tags cannot hold them; written as _)',
    });
  const why = card.why === undefined ? '' : textToHtml(card.why);
  content.fields.push(why);
  // Written out rather than spread from a shared base: a 10k-card export makes one per card.
  return {
    guid: ankiGuid(deck.deck, card.id),
    noteType: content.noteType,
    deckName: deck.title,
    fields: content.fields,
    tags: ankiTags(card),
  };
}

/** The note type and the fields before the why (Front and Back; Cloze: Text). */
function noteContent(type: string, card: Card): { noteType: NoteTypeName; fields: string[] } | undefined {
  switch (type) {
    case 'basic': {
      const c = card as Extract<Card, { q: string; a: string }>;
      return {
        noteType: c.reverse ? 'Basic (and reversed card)' : 'Basic',
        fields: [textToHtml(c.q), textToHtml(c.a)],
      };
    }
    case 'choice': {
      const c = card as Extract<Card, { type: 'choice' }>;
      const correct = Array.isArray(c.answer) ? c.answer : [c.answer];
      const list = c.choices.map((choice) => `<li>${textToHtml(choice)}</li>`).join('');
      const front = `${textToHtml(c.q)}<ol type="A" class="${CHOICES_CLASS}">${list}</ol>`;
      return {
        noteType: 'Basic',
        fields: [front, correct.map((a) => `${letter(c.choices.indexOf(a))}. ${textToHtml(a)}`).join('<br>')],
      };
    }
    case 'truefalse': {
      const c = card as Extract<Card, { type: 'truefalse' }>;
      return {
        noteType: 'Basic',
        fields: [`${textToHtml(c.q)}<div class="${TRUEFALSE_CLASS}">True or false?</div>`, c.answer ? 'True' : 'False'],
      };
    }
    case 'cloze':
      return { noteType: 'Cloze', fields: [ankiClozeText((card as Extract<Card, { type: 'cloze' }>).text)] };
    default:
      return undefined;
  }
}

function ankiTags(card: Card): string[] {
  // Anki tags are separated by spaces, so a space inside one becomes an underscore.
  const tags = card.tags ? card.tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean) : [];
  if (card.section) tags.push(SECTION_TAG + card.section.trim().replace(/\s+/g, '_'));
  return tags;
}

/** `{{a::hint}} and {{b}}` -> `{{c1::a::hint}} and {{c2::b}}`: each deletion its own Anki card, as in quizdeck. */
export function ankiClozeText(text: string): string {
  let out = '';
  for (const part of parseCloze(text)) {
    if (part.kind === 'text') out += textToHtml(part.text);
    else out += `{{c${part.index + 1}::${textToHtml(part.answer)}${part.hint ? `::${textToHtml(part.hint)}` : ''}}}`;
  }
  return out;
}

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A note read from Anki (a text export or a collection), before it becomes a card. */
export interface ForeignNote {
  guid?: string;
  /** The note type's name, and whether Anki treats it as a cloze type. */
  noteType?: string;
  cloze?: boolean;
  /** Number of card templates of the note type (2 for Basic (and reversed card)). */
  templates?: number;
  fields: string[];
  /** Field names, when the source has them (a collection does, a text export does not). */
  fieldNames?: string[];
  tags: string[];
  deckName?: string;
  /** Where the note is in the source, for messages: `line 12`, `note 3`. */
  where: string;
}

export interface NoteConversion {
  card?: Card;
  /** What the card could not keep (media, extra fields) or why there is no card. */
  notes: string[];
}

/**
 * A foreign note as a card. `allocate` keeps ids unique; ids come from the GUID (quizdeck's own
 * GUIDs give the card id back; any other GUID gives a stable `anki-...` id) or, without a
 * GUID, from the front text.
 */
export function noteToCard(note: ForeignNote, allocate: ReturnType<typeof idAllocator>): NoteConversion {
  const messages: string[] = [];
  const field = (name: string, index: number): string => {
    const at = note.fieldNames ? note.fieldNames.findIndex((n) => n.toLowerCase() === name.toLowerCase()) : -1;
    return note.fields[at >= 0 ? at : index] ?? '';
  };
  const plain = (html: string): string => {
    const { text, dropped } = htmlToText(html);
    for (const d of dropped) messages.push(`${d} dropped`);
    return cleanText(text);
  };
  const { section, tags } = splitTags(note.tags);
  const isCloze = note.cloze ?? (/cloze/i.test(note.noteType ?? '') || /\{\{c\d+::/.test(note.fields[0] ?? ''));
  const first = isCloze ? field('Text', 0) : field('Front', 0);
  // Without a GUID the id comes from the text, read without cloze markup.
  const idText = () => htmlToText(first).text.replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '$1');
  const id = allocate(note.guid ? (cardIdFromGuid(note.guid) ?? idFromKey('anki', note.guid)) : idText(), 'card');
  const common = { id, ...(tags.length ? { tags } : {}), ...(section ? { section } : {}) };
  const whyOf = (html: string) => {
    const why = plain(html);
    return why ? { why } : {};
  };
  const used = isCloze ? 2 : 3;
  const extra = note.fields.slice(used).filter((f) => plain(f) !== '');
  if (extra.length) messages.push(`${extra.length} more ${extra.length === 1 ? 'field' : 'fields'} dropped`);

  if (isCloze) {
    const text = clozeFromAnki(plain(first), messages);
    if (!/\{\{[\s\S]*?\}\}/.test(text))
      return { notes: [...messages, 'a cloze note without a {{c1::...}} deletion; skipped'] };
    return { card: { ...common, type: 'cloze', text, ...whyOf(field('Back Extra', 1)) }, notes: messages };
  }
  const frontHtml = first;
  const back = plain(field('Back', 1));
  const why = whyOf(field('Why', 2));
  const shaped = exportedShape(frontHtml, back, plain);
  if (shaped) return { card: { ...common, ...shaped, ...why } as Card, notes: messages };
  const q = plain(frontHtml);
  if (!q || !back) return { notes: [...messages, `an empty ${q ? 'back' : 'front'}; skipped`] };
  const reverse = (note.templates ?? 0) >= 2 || /revers/i.test(note.noteType ?? '');
  return { card: { ...common, q, a: back, ...(reverse ? { reverse: true } : {}), ...why }, notes: messages };
}

/** The choice or true/false card behind a Basic note that quizdeck exported (its lists carry a class). */
function exportedShape(frontHtml: string, back: string, plain: (html: string) => string): Partial<Card> | undefined {
  const choices = new RegExp(`<ol[^>]*class="${CHOICES_CLASS}"[^>]*>([\\s\\S]*?)</ol>`).exec(frontHtml);
  if (choices) {
    const q = plain(frontHtml.slice(0, choices.index));
    const list = [...choices[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => plain(m[1]!));
    // The back lists the right choices by letter: `A. Parent partition`.
    const answer = back
      .split('\n')
      .map((line) => list[line.charCodeAt(0) - 65])
      .filter((a): a is string => a !== undefined);
    if (q && list.length >= 2 && answer.length)
      return { type: 'choice', q, choices: list, answer: answer.length === 1 ? answer[0]! : answer };
  }
  if (frontHtml.includes(`class="${TRUEFALSE_CLASS}"`) && /^(true|false)$/i.test(back)) {
    const q = plain(frontHtml.replace(new RegExp(`<div class="${TRUEFALSE_CLASS}">[\\s\\S]*?</div>`), ''));
    if (q) return { type: 'truefalse', q, answer: back.toLowerCase() === 'true' };
  }
  return undefined;
}

function splitTags(tags: readonly string[]): { section?: string; tags: string[] } {
  let section: string | undefined;
  const rest: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith(SECTION_TAG) && tag.length > SECTION_TAG.length && section === undefined)
      section = tag.slice(SECTION_TAG.length).replace(/_/g, ' ');
    else if (tag.trim()) rest.push(tag.trim());
  }
  return { section, tags: rest };
}

/**
 * `{{c1::a::hint}} {{c2::b}}` -> `{{a::hint}} {{b}}`. quizdeck asks each deletion on its own, so a
 * number used twice in Anki (both blanks on one card) becomes two deletions, which is said.
 */
export function clozeFromAnki(text: string, messages: string[]): string {
  const seen = new Set<string>();
  let repeated = false;
  const out = text.replace(/\{\{c(\d+)::([\s\S]*?)\}\}/g, (_, n: string, body: string) => {
    if (seen.has(n)) repeated = true;
    seen.add(n);
    return `{{${body}}}`;
  });
  if (repeated) messages.push('a cloze number used more than once: each of its blanks is now asked on its own');
  return out;
}

// Control characters and bidi overrides are refused in decks (rule control-character): gone on import.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROL, '').trim();
}
