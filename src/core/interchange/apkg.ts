import type { Deck } from '../deck/schema.js';
import { cardToNote, NOTE_FIELDS, type NoteTypeName } from './anki-notes.js';
import { stripHtml } from './html.js';
import { hash64 } from './ids.js';
import type { Loss } from './losses.js';

/**
 * The rows of an Anki collection in the legacy schema 11 (`collection.anki2`, which every
 * Anki since 2.1 imports): the `col` row with note types, decks and deck options as JSON, and
 * one `notes` row per card and one `cards` row per Anki card. Pure: src/io/apkg.ts writes them
 * to SQLite and zips the file. Field names follow Anki's rslib/src/*\/schema11.rs.
 */
export interface AnkiCollection {
  col: { crt: number; mod: number; scm: number; conf: string; models: string; decks: string; dconf: string };
  notes: NoteRow[];
  cards: CardRow[];
  losses: Loss[];
}

export interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  /** The first field as Anki checksums it (HTML stripped); the io layer takes its SHA-1. */
  checksumText: string;
}

export interface CardRow {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  due: number;
}

/** Note types get ids from their names, so every export uses the same ones and Anki recognises them again. */
const MODEL_NAMES: Record<NoteTypeName, string> = {
  Basic: 'Basic (quizdeck)',
  'Basic (and reversed card)': 'Basic (and reversed card) (quizdeck)',
  Cloze: 'Cloze (quizdeck)',
};
const stableId = (key: string) => 1_500_000_000_000 + Number(hash64(key) % 100_000_000_000n);
export const MODEL_IDS: Record<NoteTypeName, number> = {
  Basic: stableId('quizdeck model Basic'),
  'Basic (and reversed card)': stableId('quizdeck model Basic (and reversed card)'),
  Cloze: stableId('quizdeck model Cloze'),
};
export const DEFAULT_DECK_ID = 1;

const CSS =
  '.card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: center;\n  color: black;\n  background-color: white;\n}\n.why {\n  margin-top: 1em;\n  font-size: 0.8em;\n  color: #555;\n}\n.cloze {\n  font-weight: bold;\n  color: blue;\n}\n';
const WHY = '{{#Why}}<div class="why">{{Why}}</div>{{/Why}}';

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

function model(type: NoteTypeName, mod: number, did: number) {
  const flds = NOTE_FIELDS[type].map((name, ord) => ({
    name,
    ord,
    sticky: false,
    rtl: false,
    font: 'Arial',
    size: 20,
    media: [],
  }));
  const front = template('Card 1', 0, '{{Front}}', `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}${WHY}`);
  const tmpls =
    type === 'Cloze'
      ? [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')]
      : type === 'Basic'
        ? [front]
        : [front, template('Card 2', 1, '{{Back}}', `{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}${WHY}`)];
  const req = type === 'Cloze' ? [[0, 'any', [0]]] : tmpls.map((t) => [t.ord, 'any', [t.ord]]);
  return {
    id: MODEL_IDS[type],
    name: MODEL_NAMES[type],
    type: type === 'Cloze' ? 1 : 0,
    mod,
    usn: -1,
    sortf: 0,
    did,
    tmpls,
    flds,
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req,
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, desc: string, mod: number) {
  return {
    id,
    name,
    desc,
    mod,
    usn: -1,
    conf: 1,
    dyn: 0,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

const DECK_OPTIONS = {
  id: 1,
  mod: 0,
  name: 'Default',
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

/** The Anki deck id of a quizdeck deck: stable, so exporting again fills the same deck. */
export function ankiDeckId(deckId: string): number {
  return stableId(`quizdeck deck ${deckId}`);
}

/** `now` (ms) stamps the rows and seeds note and card ids, which Anki wants unique and time-like. */
export function buildAnkiCollection(decks: readonly Deck[], now: number): AnkiCollection {
  const losses: Loss[] = [];
  const secs = Math.floor(now / 1000);
  const notes: NoteRow[] = [];
  const cards: CardRow[] = [];
  const ankiDecks: Record<string, unknown> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', '', secs) };
  let nextCard = now;
  for (const deck of decks) {
    const did = ankiDeckId(deck.deck);
    ankiDecks[did] = deckJson(did, deck.title, deck.description ?? '', secs);
    for (const card of deck.cards) {
      const note = cardToNote(deck, card, losses);
      if (!note) continue;
      const nid = now + notes.length;
      const fields = note.fields.slice(0, NOTE_FIELDS[note.noteType].length);
      const first = stripHtml(fields[0]!);
      notes.push({
        id: nid,
        guid: note.guid,
        mid: MODEL_IDS[note.noteType],
        mod: secs,
        tags: note.tags.length ? ` ${note.tags.join(' ')} ` : '',
        flds: fields.join('\x1f'),
        sfld: first,
        checksumText: first,
      });
      const ords = note.noteType === 'Cloze' ? clozeOrds(fields[0]!) : note.noteType === 'Basic' ? [0] : [0, 1];
      for (const ord of ords) cards.push({ id: nextCard++, nid, did, ord, mod: secs, due: notes.length });
    }
  }
  const firstDeck = decks[0] ? ankiDeckId(decks[0].deck) : DEFAULT_DECK_ID;
  const models = Object.fromEntries(
    (Object.keys(MODEL_IDS) as NoteTypeName[]).map((t) => [String(MODEL_IDS[t]), model(t, secs, firstDeck)]),
  );
  const conf = {
    nextPos: notes.length + 1,
    estTimes: true,
    activeDecks: [firstDeck],
    sortType: 'noteFld',
    timeLim: 0,
    sortBackwards: false,
    addToCur: true,
    curDeck: firstDeck,
    newBury: true,
    newSpread: 0,
    dueCounts: true,
    curModel: String(MODEL_IDS.Basic),
    collapseTime: 1200,
  };
  return {
    col: {
      crt: Math.floor(secs / 86400) * 86400,
      mod: now,
      scm: now,
      conf: JSON.stringify(conf),
      models: JSON.stringify(models),
      decks: JSON.stringify(ankiDecks),
      dconf: JSON.stringify({ 1: DECK_OPTIONS }),
    },
    notes,
    cards,
    losses,
  };
}

/** The card ordinals of a cloze note: c1 -> 0, c2 -> 1, each number once. */
function clozeOrds(text: string): number[] {
  const ords = new Set<number>();
  for (const m of text.matchAll(/\{\{c(\d+)::/g)) ords.add(Number(m[1]) - 1);
  return [...ords].sort((a, b) => a - b);
}
