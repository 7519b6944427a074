import type { DeckOutline } from '../../core/deck/outline.js';
import { deckErrorSentence } from '../../core/deck/refusal.js';
import type { Deck } from '../../core/deck/schema.js';
import { pickLanguage } from '../../core/deck/translations.js';
import { UsageError } from '../../errors.js';
import { loadDecks, wholeDecks, type CardReader, type LoadedDecks, type LoadOptions } from '../../io/decks.js';

/*
 * The exit codes of loading decks, chosen here for every command: io reports what it found
 * (a path it cannot read, each file's problems), and the commands refuse with exit 2.
 */

/** Every deck file under `paths`; a path that cannot be read ends the command (exit 2). */
export async function loadDecksOrRefuse(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedDecks> {
  const loaded = await loadDecks(paths, options);
  if ('error' in loaded) throw new UsageError(loaded.error);
  return loaded.value;
}

export interface DeckChoice {
  cwd?: string;
  /**
   * With no path: one deck of each translation group (`translates:`), the first of these
   * languages that has one, so a first session does not ask everything twice. Named paths get
   * every deck in them.
   */
  languages?: readonly string[];
}

/** The decks a session uses, as outlines, and the reader of their cards (the caller closes it). */
export interface ValidDecks {
  outlines: DeckOutline[];
  cards: CardReader;
}

/**
 * The decks, for commands that use them (study, quiz, print, export): if any file has an error,
 * refuse (exit 2) with one sentence naming the first error's file and line and pointing at
 * `quizdeck validate`.
 */
export async function requireValidDecks(
  paths: readonly string[],
  { cwd, languages = ['en'] }: DeckChoice = {},
): Promise<ValidDecks> {
  const { outlines, diagnostics, cards } = await loadDecksOrRefuse(paths, { cwd });
  const refusal = deckErrorSentence(diagnostics);
  if (refusal !== undefined) {
    cards.close();
    throw new UsageError(refusal);
  }
  return { outlines: paths.length === 0 ? pickOutlines(outlines, languages) : outlines, cards };
}

/** One deck of each translation group, as `pickLanguage` chooses. */
export function pickOutlines(outlines: readonly DeckOutline[], languages: readonly string[]): DeckOutline[] {
  const chosen = new Set(
    pickLanguage(
      outlines.map((o) => o.deck),
      languages,
    ),
  );
  return outlines.filter((o) => chosen.has(o.deck));
}

/** As requireValidDecks, with every card read: for commands that go through them all (quiz, print, export). */
export async function requireValidWholeDecks(paths: readonly string[], choice: DeckChoice = {}): Promise<Deck[]> {
  const { outlines, cards } = await requireValidDecks(paths, choice);
  try {
    return wholeDecks(outlines, cards);
  } finally {
    cards.close();
  }
}
