import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/deck/diagnostic.js';
import type { ParsedDeck } from '../core/deck/parse.js';
import type { Deck } from '../core/deck/schema.js';
import { combineParsedDecks } from '../core/deck/set.js';
import { UsageError } from '../errors.js';
import { decodeDeckBytes, describeFsError, findDeckFiles, readDeckBytes } from './deckFiles.js';

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
    const key = dir ? entryKey(file, cwd) : '';
    const hit = dir ? readEntry(dir, key, file) : undefined;
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
    if (dir) {
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
export async function requireValidDecks(paths: readonly string[], cwd = process.cwd()): Promise<Deck[]> {
  const { decks, diagnostics } = await loadDecks(paths, { cwd });
  const errors = diagnostics.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  const first = errors[0];
  if (first) {
    const more = errors.length - 1;
    const others = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
    throw new UsageError(`${first.file}:${first.line}: ${first.message}${others}; run \`quizdeck validate ${first.file}\` to see every problem`);
  }
  return decks;
}

/**
 * What identifies a file's version without reading it, as make, ESLint's cache and tsc's
 * incremental builds do: its path, size, modification and change times, and inode. Reading
 * and hashing a large deck just to find its entry cost as much as a tenth of the launch.
 */
function entryKey(file: string, cwd: string): string {
  const full = resolve(cwd, file);
  let stat;
  try {
    stat = statSync(full, { bigint: true });
  } catch (error) {
    throw new UsageError(`${file}: ${describeFsError(error)}`);
  }
  return createHash('sha256').update(`${full}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}`).digest('hex');
}

// Entries name no file: the same bytes may be read under another path, so paths are put back on read.
function readEntry(dir: string, key: string, file: string): ParsedDeck | undefined {
  try {
    // Buffer then toString: readFileSync's own 'utf8' decoding is about twice as slow on large files.
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`)).toString()) as ParsedDeck;
    if (entry.deck) entry.deck.file = file;
    for (const d of entry.diagnostics) d.file = file;
    return entry;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, key: string, result: ParsedDeck): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(result));
    // Rename is atomic, so a concurrent session never reads half an entry.
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // A read-only or full disk only costs the next launch a parse.
  }
}

function pruneOtherBuilds(dir: string): void {
  const parent = join(dir, '..');
  const own = dir.slice(parent.length + 1);
  try {
    for (const name of readdirSync(parent)) {
      if (name.startsWith('decks-') && name !== own) rmSync(join(parent, name), { recursive: true, force: true });
    }
  } catch {
    // Nothing cached yet.
  }
}
