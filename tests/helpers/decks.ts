import type { Deck } from '../../src/core/deck/schema.js';
import { loadDecks, wholeDecks, type LoadedDecks, type LoadOptions } from '../../src/io/decks.js';

/** What `loadDecks` found, with every usable deck read whole and the card reader closed. */
export async function loadWholeDecks(
  paths: readonly string[],
  options: LoadOptions,
): Promise<Omit<LoadedDecks, 'cards' | 'outlines'> & { decks: Deck[] }> {
  const loaded = await loadDecks(paths, options);
  if ('error' in loaded) throw new Error(loaded.error);
  const { files, outlines, diagnostics, cards } = loaded.value;
  try {
    return { files, decks: wholeDecks(outlines, cards), diagnostics };
  } finally {
    cards.close();
  }
}
