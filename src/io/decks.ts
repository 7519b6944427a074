import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/deck/diagnostic.js';
import { itemKeys } from '../core/deck/items.js';
import { outlineOf, type DeckOutline } from '../core/deck/outline.js';
import type { ParsedDeck } from '../core/deck/parse.js';
import type { Card, Deck } from '../core/deck/schema.js';
import { combineParsedDecks } from '../core/deck/set.js';
import { pickLanguage } from '../core/deck/translations.js';
import { UsageError } from '../errors.js';
import { decodeDeckBytes, findDeckFiles, readDeckBytes } from './deckFiles.js';

declare const __QUIZDECK_BUILD__: string | undefined;

/**
 * Parsing and checking a deck means loading yaml and zod and walking every card, which is most
 * of the time from launch to the first card. The result depends only on the file and on this
 * build of quizdeck, so study, quiz, print and list keep it, keyed by both, under
 * `$XDG_CACHE_HOME/quizdeck` (`QUIZDECK_CACHE_DIR` overrides it; `QUIZDECK_CACHE=0` turns it off).
 * `validate` never uses it. A cache that cannot be read or written is ignored.
 */
const BUILD = typeof __QUIZDECK_BUILD__ === 'string' ? __QUIZDECK_BUILD__ : 'dev';

export function deckCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.QUIZDECK_CACHE === '0') return undefined;
  if (env.QUIZDECK_CACHE_DIR) return join(env.QUIZDECK_CACHE_DIR, `decks-${BUILD}`);
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'quizdeck', `decks-${BUILD}`);
}

export interface LoadedDecks {
  files: string[];
  decks: Deck[];
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  cwd?: string;
  /** Where parsed decks are kept; `null` parses every file afresh (what `validate` does). */
  cacheDir?: string | null;
}

/**
 * Reads and checks every deck file, parsing only files that changed since this build last
 * parsed them. Problems in files become diagnostics; only an unreadable path throws.
 */
export async function loadDecks(paths: readonly string[], { cwd = process.cwd(), cacheDir = deckCacheDir() }: LoadOptions = {}): Promise<LoadedDecks> {
  const dir = cacheDir ?? undefined;
  const files = findDeckFiles(paths, cwd);
  let parseDeck: ((file: string, text: string) => ParsedDeck) | undefined;
  let pruned = false;
  const parsed: ParsedDeck[] = [];
  for (const file of files) {
    // A file that cannot be stat'ed (a link loop, a dangling link) skips the cache: reading it
    // reports the problem for that file alone, and the other decks are still used.
    const key = dir ? entryKey(file, cwd) : undefined;
    const hit = dir && key ? readEntry(dir, key, file) : undefined;
    if (hit) {
      parsed.push(hit);
      continue;
    }
    const bytes = readDeckBytes(file, cwd);
    if (!Buffer.isBuffer(bytes)) {
      parsed.push({ diagnostics: [bytes] });
      continue;
    }
    const text = decodeDeckBytes(file, bytes);
    if (typeof text !== 'string') {
      parsed.push({ diagnostics: [text] });
      continue;
    }
    parseDeck ??= (await import('../core/deck/parse.js')).parseDeck;
    const result = parseDeck(file, text);
    parsed.push(result);
    if (dir && key) {
      if (!pruned) pruneOtherBuilds(dir);
      pruned = true;
      writeEntry(dir, key, result);
    }
  }
  return { files, ...combineParsedDecks(files, parsed) };
}

/**
 * The decks, for commands that use them (study, quiz, print): if any file has an error, refuse
 * with one sentence naming the first error's file and line and pointing at `quizdeck validate`.
 */
export interface DeckChoice {
  cwd?: string;
  /**
   * With no path: one deck of each translation group (`translates:`), the first of these
   * languages that has one, so a first session does not ask everything twice. Named paths get
   * every deck in them.
   */
  languages?: readonly string[];
}

export async function requireValidDecks(paths: readonly string[], { cwd = process.cwd(), languages = ['en'] }: DeckChoice = {}): Promise<Deck[]> {
  const { decks, diagnostics } = await loadDecks(paths, { cwd });
  const errors = diagnostics.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  const first = errors[0];
  if (first) {
    // A file's problems past the cap stand in one `too-many-problems` diagnostic; count them all.
    const more = errors.reduce((n, d) => n + (d.omitted ? d.omitted.errors : 1), 0) - 1;
    const others = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
    throw new UsageError(`${first.file}:${first.line}: ${first.message}${others}; run \`quizdeck validate ${first.file}\` to see every problem`);
  }
  return paths.length === 0 ? pickLanguage(decks, languages) : decks;
}

/**
 * What identifies a file's version without reading it, as make, ESLint's cache and tsc's
 * incremental builds do: its path, size, modification and change times, and inode. Reading
 * and hashing a large deck just to find its entry cost as much as a tenth of the launch.
 */
function entryKey(file: string, cwd: string): string | undefined {
  const full = resolve(cwd, file);
  let stat;
  try {
    stat = statSync(full, { bigint: true });
  } catch {
    return undefined;
  }
  return createHash('sha256').update(`${full}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}`).digest('hex');
}

/**
 * A deck's outline (card ids and item keys) for a study session. A deck read from the cache
 * has one that parses a card only when it is asked for; any other deck is already in memory.
 */
export function deckOutline(deck: Deck): DeckOutline {
  return cachedOutlines.get(deck) ?? outlineOf(deck);
}

const cachedOutlines = new WeakMap<Deck, DeckOutline>();

/**
 * An entry is a line giving the header's length in bytes, the header (JSON: the deck without
 * its cards, its problems, every card's id and item keys, and where each card's line ends),
 * then one line of JSON per card. A session reads only the header and, as they are shown, the
 * lines of the cards it shows: parsing a 20k-card deck whole was a fifth of the launch, mostly
 * in garbage collection of card text never shown, and reading its 4.7 MB another 15 ms. JSON
 * escapes every line break inside strings, so a newline byte always ends a line.
 */
interface EntryHeader {
  deck?: Omit<Deck, 'cards'>;
  deckId?: ParsedDeck['deckId'];
  diagnostics: Diagnostic[];
  /** Card ids, one per line (ids are kebab-case, so neither newlines nor spaces occur in them). */
  ids: string;
  /** One line per card: empty when its only item key is its id, else its item keys separated by spaces. */
  keys: string;
  /** Where each card's line ends (its newline), counted from the first card's line. */
  ends: number[];
}

const PREFIX_BYTES = 16;
/** Card text up to this size is read with the header (each bundled deck has about 50 KB). */
const EAGER_BODY_BYTES = 1 << 20;

// Entries name no file: the same bytes may be read under another path, so paths are put back on read.
function readEntry(dir: string, key: string, file: string): ParsedDeck | undefined {
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
    const ids = header.ids.split('\n');
    const keys = header.keys.split('\n');
    const start = (i: number) => (i === 0 ? 0 : ends[i - 1]! + 1);
    const bodyBytes = n === 0 ? 0 : ends[n - 1]!;
    // A small deck's cards are read now and its file closed, so a thousand deck files never hold
    // a thousand descriptors; a large deck's stay on disk until asked for, its file kept open
    // (a later build may delete the entry meanwhile).
    const cardFd = fd;
    let body = bodyBytes <= EAGER_BODY_BYTES ? readAt(cardFd, bodyAt, bodyBytes) : undefined;
    if (body) closeSync(cardFd);
    const line = (i: number) => (body ? body.toString('utf8', start(i), ends[i]) : readAt(cardFd, bodyAt + start(i), ends[i]! - start(i)).toString());
    const parsed: (Card | undefined)[] = new Array(n);
    const card = (i: number): Card => (parsed[i] ??= JSON.parse(line(i)) as Card);
    let cards: Card[] | undefined;
    const deck: Deck = {
      ...header.deck,
      file,
      // Commands that go through every card (quiz, print, list) read them all on first use.
      get cards() {
        if (!cards) {
          if (!body) {
            body = readAt(cardFd, bodyAt, bodyBytes);
            closeSync(cardFd);
          }
          cards = Array.from({ length: n }, (_, i) => card(i));
        }
        return cards;
      },
    };
    cachedOutlines.set(deck, { deck, size: n, id: (i) => ids[i]!, keys: (i) => (keys[i] ? keys[i].split(' ') : [ids[i]!]), card });
    return { deck, deckId: header.deckId, diagnostics: header.diagnostics };
  } catch {
    return closed(fd);
  }
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

function writeEntry(dir: string, key: string, result: ParsedDeck): void {
  const cards = result.deck?.cards ?? [];
  const lines = cards.map((c) => `${JSON.stringify(c)}\n`);
  let at = 0;
  const ends = lines.map((line) => (at += Buffer.byteLength(line)) - 1);
  const rest = result.deck ? (({ cards: _, ...deck }) => deck)(result.deck) : undefined;
  const header: EntryHeader = {
    deck: rest,
    deckId: result.deckId,
    diagnostics: result.diagnostics,
    ids: cards.map((c) => c.id).join('\n'),
    keys: cards
      .map((c) => {
        const k = itemKeys(c);
        return k.length === 1 && k[0] === c.id ? '' : k.join(' ');
      })
      .join('\n'),
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

/**
 * Every cache directory quizdeck makes holds this file, and only a directory that holds it
 * (with this content) is ever pruned: `QUIZDECK_CACHE_DIR` may point at a folder of the user's
 * own, and a `decks-biology/` of theirs beside our entries must survive (issue 9). The name and
 * first line follow the Cache Directory Tagging spec, so backup tools skip the cache too.
 */
export const CACHE_MARKER = 'CACHEDIR.TAG';
const MARKER_TEXT = 'Signature: 8a477f597d28d172789f06886806bc55\n# This directory is a parsed-deck cache made by quizdeck; it can be deleted.\n';
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
