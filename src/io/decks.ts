import type { Diagnostic } from '../core/deck/diagnostic.js';
import { parseDeck, type ParsedDeck } from '../core/deck/parse.js';
import type { Deck } from '../core/deck/schema.js';
import { combineParsedDecks } from '../core/deck/set.js';
import { findDeckFiles, readDeckText } from './deckFiles.js';

export { bundledDecksDir, describeFsError, findDeckFiles, MAX_DECK_BYTES, readDeckText } from './deckFiles.js';

export interface LoadedDecks {
  files: string[];
  parsed: ParsedDeck[];
  decks: Deck[];
  diagnostics: Diagnostic[];
}

/** Reads and validates every deck file; problems in files become diagnostics, never throws for them. */
export function loadDecks(paths: readonly string[], cwd = process.cwd()): LoadedDecks {
  const files = findDeckFiles(paths, cwd);
  const parsed = files.map((file) => {
    const text = readDeckText(file, cwd);
    return typeof text === 'string' ? parseDeck(file, text) : { diagnostics: [text] };
  });
  const { decks, diagnostics } = combineParsedDecks(files, parsed);
  return { files, parsed, decks, diagnostics };
}
