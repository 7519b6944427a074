import type { Diagnostic } from '../core/deck/diagnostic.js';
import { outlineOf, type DeckOutline } from '../core/deck/outline.js';
import type { ParsedDeck } from '../core/deck/parsed.js';
import type { Card, Deck } from '../core/deck/schema.js';
import { combineParsedDecks } from '../core/deck/set.js';
import {
  cardsInMemory,
  deckCacheDir,
  entryKey,
  pruneOtherBuilds,
  readEntry,
  writeEntry,
  type CachedDeck,
  type CardSource,
} from './deckCache.js';
import { decodeDeckBytes, findDeckFiles, readDeckBytes } from './deckFiles.js';

/**
 * The cards of the decks a command loaded, read when asked for: a large deck's card text stays
 * on disk until a card of it is shown. The command that loaded the decks owns the reader and
 * closes it when it is done (reading after that throws).
 */
export interface CardReader {
  /** Card `index` of the deck with this id (the index of its outline in `cards`). */
  card(deckId: string, index: number): Card;
  /** Every card of the deck with this id, in deck order. */
  all(deckId: string): Card[];
  close(): void;
}

/**
 * What loading gives, as plain data: the deck files found, the outline of every usable deck
 * (valid, with a unique id; in file order), every problem found, and the reader of their cards.
 */
export interface LoadedDecks {
  files: string[];
  outlines: DeckOutline[];
  diagnostics: Diagnostic[];
  cards: CardReader;
}

export interface LoadOptions {
  cwd?: string;
  /** Where parsed decks are kept; `null` parses every file afresh (what `validate` does). */
  cacheDir?: string | null;
}

/**
 * Reads and checks every deck file, parsing only files that changed since this build last
 * parsed them. Problems in files are diagnostics; a path that cannot be read (or a directory
 * without decks) gives `error`, one sentence naming it, and nothing is read.
 */
export async function loadDecks(
  paths: readonly string[],
  { cwd = process.cwd(), cacheDir = deckCacheDir() }: LoadOptions = {},
): Promise<{ value: LoadedDecks } | { error: string }> {
  const dir = cacheDir ?? undefined;
  const found = findDeckFiles(paths, cwd);
  if ('error' in found) return found;
  const files = found.value;
  let parseDeck: ((file: string, text: string) => ParsedDeck) | undefined;
  let pruned = false;
  const loaded: (CachedDeck & { deck?: DeckOutline })[] = [];
  for (const file of files) {
    const key = dir ? entryKey(file, cwd) : undefined;
    const hit = dir && key ? readEntry(dir, key, file) : undefined;
    if (hit) {
      loaded.push({ ...hit, deck: hit.outline });
      continue;
    }
    const bytes = readDeckBytes(file, cwd);
    if (!Buffer.isBuffer(bytes)) {
      loaded.push({ diagnostics: [bytes] });
      continue;
    }
    const text = decodeDeckBytes(file, bytes);
    if (typeof text !== 'string') {
      loaded.push({ diagnostics: [text] });
      continue;
    }
    parseDeck ??= (await import('../core/deck/parse.js')).parseDeck;
    const result = parseDeck(file, text);
    const outline = result.deck ? outlineOf(result.deck) : undefined;
    loaded.push({
      deck: outline,
      outline,
      cards: result.deck ? cardsInMemory(result.deck.cards) : undefined,
      deckId: result.deckId,
      diagnostics: result.diagnostics,
    });
    if (dir && key) {
      if (!pruned) pruneOtherBuilds(dir);
      pruned = true;
      writeEntry(dir, key, result, outline);
    }
  }
  const { decks: outlines, diagnostics } = combineParsedDecks(files, loaded);
  const used = new Set(outlines);
  const sources = new Map<string, CardSource>();
  for (const l of loaded) {
    if (l.outline && l.cards && used.has(l.outline)) sources.set(l.outline.deck.deck, l.cards);
    else l.cards?.close(); // a deck left out (its id used twice): nothing will read it
  }
  return { value: { files, outlines, diagnostics, cards: cardReader(sources) } };
}

function cardReader(sources: ReadonlyMap<string, CardSource>): CardReader {
  const source = (deckId: string) => {
    const s = sources.get(deckId);
    if (!s) throw new Error(`no deck ${deckId} was loaded`);
    return s;
  };
  return {
    card: (deckId, index) => source(deckId).card(index),
    all: (deckId) => source(deckId).all(),
    close: () => {
      for (const s of sources.values()) s.close();
    },
  };
}

/** These decks whole, as plain values, for commands that go through every card (quiz, print, export, validate). */
export function wholeDecks(outlines: readonly DeckOutline[], cards: CardReader): Deck[] {
  return outlines.map((o) => ({ ...o.deck, cards: cards.all(o.deck.deck) }));
}
