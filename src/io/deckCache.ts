import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../core/deck/diagnostic.js';
import type { CardOutline, DeckInfo, DeckOutline } from '../core/deck/outline.js';
import type { ParsedDeck } from '../core/deck/parsed.js';
import type { Card } from '../core/deck/schema.js';
import { CARD_TYPES, type CardType } from '../core/deck/types.js';

declare const __QUIZDECK_BUILD__: string | undefined;

/**
 * The parsed-deck cache. Parsing and checking a deck means loading yaml and zod and walking
 * every card, which is most of the time from launch to the first card. The result depends only
 * on the file and on this build of quizdeck, so study, quiz, print, list and stats keep it,
 * keyed by both, under `$XDG_CACHE_HOME/quizdeck` (`QUIZDECK_CACHE_DIR` overrides it;
 * `QUIZDECK_CACHE=0` turns it off). `validate` never uses it. A cache that cannot be read or
 * written is ignored.
 */
const BUILD = typeof __QUIZDECK_BUILD__ === 'string' ? __QUIZDECK_BUILD__ : 'dev';

export function deckCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.QUIZDECK_CACHE === '0') return undefined;
  if (env.QUIZDECK_CACHE_DIR) return join(env.QUIZDECK_CACHE_DIR, `decks-${BUILD}`);
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'quizdeck', `decks-${BUILD}`);
}

/**
 * A deck's cards, read when asked for. The caller that loaded the deck owns it and closes it
 * (a large cached deck keeps its entry open until then); reading after `close` throws.
 */
export interface CardSource {
  card(index: number): Card;
  /** Every card, in deck order. */
  all(): Card[];
  close(): void;
}

/** What the cache holds of one file: its problems and, when it has no errors, its outline and cards. */
export interface CachedDeck {
  outline?: DeckOutline;
  cards?: CardSource;
  deckId?: ParsedDeck['deckId'];
  diagnostics: Diagnostic[];
}

/** Cards already in memory (a deck just parsed). */
export function cardsInMemory(cards: readonly Card[]): CardSource {
  let open = true;
  const check = () => {
    if (!open) throw new Error('the card reader is closed');
  };
  return {
    card(i) {
      check();
      return cards[i]!;
    },
    all() {
      check();
      return cards.slice();
    },
    close() {
      open = false;
    },
  };
}

/**
 * What identifies a file's version without reading it, as make, ESLint's cache and tsc's
 * incremental builds do: its path, size, modification and change times, and inode. Reading
 * and hashing a large deck just to find its entry cost as much as a tenth of the launch.
 * Undefined when the file cannot be stat'ed (a link loop, a dangling link): reading it then
 * reports the problem for that file alone.
 */
export function entryKey(file: string, cwd: string): string | undefined {
  const full = resolve(cwd, file);
  let stat;
  try {
    stat = statSync(full, { bigint: true });
  } catch {
    return undefined;
  }
  return createHash('sha256')
    .update(`${full}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}`)
    .digest('hex');
}

/**
 * An entry is a line giving the header's length in bytes, the header (JSON: the deck without
 * its cards, its problems, the outline of every card, and where each card's line ends), then
 * one line of JSON per card. A session reads only the header and, as they are shown, the lines
 * of the cards it shows: parsing a 20k-card deck whole was a fifth of the launch, mostly in
 * garbage collection of card text never shown, and reading its 4.7 MB another 15 ms. JSON
 * escapes every line break inside strings, so a newline byte always ends a line.
 *
 * The outline is stored by column, in strings and numbers rather than 20k small objects, which
 * JSON.parse makes several times slower.
 */
interface EntryHeader {
  deck?: DeckInfo;
  deckId?: ParsedDeck['deckId'];
  diagnostics: Diagnostic[];
  /** Card ids, one per line (ids are kebab-case, so neither newlines nor spaces occur in them). */
  ids: string;
  /** One line per card: empty when its only item key is its id, else its item keys separated by spaces. */
  keys: string;
  /** One digit per card: its type's place in CARD_TYPES. */
  types: string;
  /** The distinct sections, and each card's place in them (-1: none); empty when no card has one. */
  sections: string[];
  sectionOf: number[];
  /** The distinct tag lists, and each card's place in them; empty when no card has tags. */
  tagLists: string[][];
  tagsOf: number[];
  /** Where each card's line ends (its newline), counted from the first card's line. */
  ends: number[];
}

const PREFIX_BYTES = 16;
/** Card text up to this size is read with the header (each bundled deck has about 50 KB). */
const EAGER_BODY_BYTES = 1 << 20;

// Entries name no file: the same bytes may be read under another path, so paths are put back on read.
export function readEntry(dir: string, key: string, file: string): CachedDeck | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, `${key}.qdc`), 'r');
    const prefix = Buffer.alloc(PREFIX_BYTES);
    readSync(fd, prefix, 0, PREFIX_BYTES, 0);
    const lengthLine = /^(\d+)\n/.exec(prefix.toString('latin1'));
    const headerBytes = Number(lengthLine?.[1]);
    if (!lengthLine || !Number.isSafeInteger(headerBytes)) return closed(fd);
    const headerAt = lengthLine[0].length;
    const header = JSON.parse(readAt(fd, headerAt, headerBytes).toString()) as EntryHeader;
    for (const d of header.diagnostics) d.file = file;
    if (!header.deck) return closed(fd, { deckId: header.deckId, diagnostics: header.diagnostics });
    const bodyAt = headerAt + headerBytes + 1;
    const { ends } = header;
    const n = ends.length;
    // A short file (a disk that filled up) is no entry; rename makes torn writes impossible otherwise.
    if (fstatSync(fd).size !== bodyAt + (n === 0 ? 0 : ends[n - 1]! + 1)) return closed(fd);
    const cards = outlineCards(header, n);
    if (!cards) return closed(fd);
    const bodyBytes = n === 0 ? 0 : ends[n - 1]!;
    // A small deck's cards are read now and its file closed, so a thousand deck files never hold
    // a thousand descriptors; a large deck's stay on disk until asked for, its file kept open
    // (a later build may delete the entry meanwhile) until the caller closes the source.
    const body = bodyBytes <= EAGER_BODY_BYTES ? readAt(fd, bodyAt, bodyBytes) : undefined;
    if (body) fd = closed(fd);
    return {
      outline: { deck: { ...header.deck, file }, cards },
      cards: cardsFromEntry(fd, body, bodyAt, ends),
      deckId: header.deckId,
      diagnostics: header.diagnostics,
    };
  } catch {
    return closed(fd);
  }
}

/** The card outlines of an entry's header, or undefined when its columns do not fit (not our entry). */
function outlineCards(header: EntryHeader, n: number): CardOutline[] | undefined {
  const ids = header.ids.split('\n');
  const keys = header.keys.split('\n');
  const { types, sections, sectionOf, tagLists, tagsOf } = header;
  if (ids.length !== (n || 1) || keys.length !== (n || 1) || typeof types !== 'string' || types.length !== n)
    return undefined;
  const noTags: readonly string[] = Object.freeze([]);
  const hasSections = sectionOf.length > 0;
  const hasTags = tagsOf.length > 0;
  const cards = new Array<CardOutline>(n);
  // One pass, no closures: this runs once per launch over every card of a 20k-card deck, cold.
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const itemKeys = keys[i]!;
    const section = hasSections ? sectionOf[i]! : -1;
    const type: CardType | undefined = CARD_TYPES[types.charCodeAt(i) - 48];
    if (type === undefined) return undefined;
    cards[i] = {
      id,
      type,
      keys: itemKeys === '' ? [id] : itemKeys.split(' '),
      section: section < 0 ? undefined : sections[section],
      tags: hasTags ? tagLists[tagsOf[i]!]! : noTags,
    };
  }
  return cards;
}

/**
 * The cards of an entry: from `body` when it was read with the header, else from the open
 * file, one line at a time; reading them all reads the rest at once and closes the file.
 */
function cardsFromEntry(
  fd: number | undefined,
  body: Buffer | undefined,
  bodyAt: number,
  ends: readonly number[],
): CardSource {
  const n = ends.length;
  const start = (i: number) => (i === 0 ? 0 : ends[i - 1]! + 1);
  const parsed: (Card | undefined)[] = new Array(n);
  let open = true;
  const check = () => {
    if (!open) throw new Error('the card reader is closed');
  };
  const line = (i: number) =>
    body ? body.toString('utf8', start(i), ends[i]) : readAt(fd!, bodyAt + start(i), ends[i]! - start(i)).toString();
  const card = (i: number): Card => {
    check();
    return (parsed[i] ??= JSON.parse(line(i)) as Card);
  };
  const release = () => {
    if (fd !== undefined) fd = closed(fd);
  };
  return {
    card,
    all() {
      check();
      if (!body && n > 0) {
        body = readAt(fd!, bodyAt, ends[n - 1]!);
        release();
      }
      return Array.from({ length: n }, (_, i) => card(i));
    },
    close() {
      open = false;
      body = undefined;
      release();
    },
  };
}

function closed<T>(fd: number | undefined, value?: T): T | undefined {
  if (fd !== undefined) closeSync(fd);
  return value;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  if (readSync(fd, buffer, 0, length, position) !== length) throw new Error('cache entry is short');
  return buffer;
}

export function writeEntry(dir: string, key: string, result: ParsedDeck, outline: DeckOutline | undefined): void {
  const cards = result.deck?.cards ?? [];
  const outlined = outline?.cards ?? [];
  const lines = cards.map((c) => `${JSON.stringify(c)}\n`);
  let at = 0;
  const ends = lines.map((line) => (at += Buffer.byteLength(line)) - 1);
  const sections = new Map<string, number>();
  const tagLists = new Map<string, number>();
  const sectionOf = outlined.map((c) => (c.section === undefined ? -1 : placeIn(sections, c.section)));
  const tagsOf = outlined.map((c) => placeIn(tagLists, JSON.stringify(c.tags)));
  const header: EntryHeader = {
    deck: outline?.deck,
    deckId: result.deckId,
    diagnostics: result.diagnostics,
    ids: outlined.map((c) => c.id).join('\n'),
    keys: outlined.map((c) => (c.keys.length === 1 && c.keys[0] === c.id ? '' : c.keys.join(' '))).join('\n'),
    types: outlined.map((c) => String(CARD_TYPES.indexOf(c.type))).join(''),
    sections: [...sections.keys()],
    sectionOf: sections.size === 0 ? [] : sectionOf,
    tagLists: [...tagLists.keys()].map((list) => JSON.parse(list) as string[]),
    tagsOf: outlined.every((c) => c.tags.length === 0) ? [] : tagsOf,
    ends,
  };
  const headerText = JSON.stringify(header);
  try {
    mkdirSync(dir, { recursive: true });
    markCacheDir(dir);
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, `${Buffer.byteLength(headerText)}\n${headerText}\n${lines.join('')}`);
    // Rename is atomic, so a concurrent session never reads half an entry.
    renameSync(tmp, join(dir, `${key}.qdc`));
  } catch {
    // A read-only or full disk only costs the next launch a parse.
  }
}

/** The place of `value` among the distinct values seen so far, adding it if new. */
function placeIn(places: Map<string, number>, value: string): number {
  let place = places.get(value);
  if (place === undefined) places.set(value, (place = places.size));
  return place;
}

/**
 * Every cache directory quizdeck makes holds this file, and only a directory that holds it
 * (with this content) is ever pruned: `QUIZDECK_CACHE_DIR` may point at a folder of the user's
 * own, and a `decks-biology/` of theirs beside our entries must survive (issue 9). The name and
 * first line follow the Cache Directory Tagging spec, so backup tools skip the cache too.
 */
export const CACHE_MARKER = 'CACHEDIR.TAG';
const MARKER_TEXT =
  'Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a parsed-deck cache made by quizdeck; it can be deleted.\n';
// Only files of these shapes are removed from a marked directory; anything else keeps it.
const OWN_FILE = /^(?:[0-9a-f]{64}\.qdc|[0-9a-f]{64}\.\d+\.tmp|CACHEDIR\.TAG)$/;

function markCacheDir(dir: string): void {
  const marker = join(dir, CACHE_MARKER);
  if (!existsSync(marker)) writeFileSync(marker, MARKER_TEXT);
}

function isOwnCacheDir(dir: string): boolean {
  try {
    return readFileSync(join(dir, CACHE_MARKER), 'utf8') === MARKER_TEXT;
  } catch {
    return false;
  }
}

/**
 * Removes the entries of other quizdeck builds: only directories carrying our marker, only the
 * files we write, then the directory if that left it empty. Never a recursive delete.
 */
export function pruneOtherBuilds(dir: string): void {
  const parent = join(dir, '..');
  const own = dir.slice(parent.length + 1);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return; // Nothing cached yet.
  }
  for (const name of names) {
    if (!name.startsWith('decks-') || name === own) continue;
    const other = join(parent, name);
    if (!isOwnCacheDir(other)) continue;
    try {
      const files = readdirSync(other);
      for (const file of files) if (file !== CACHE_MARKER && OWN_FILE.test(file)) unlinkSync(join(other, file));
      if (files.every((file) => OWN_FILE.test(file))) {
        unlinkSync(join(other, CACHE_MARKER));
        rmdirSync(other);
      }
    } catch {
      // Another session pruning at the same time, or a file we may not remove: try next launch.
    }
  }
}
