import { quoteText, type Diagnostic } from './diagnostic.js';
import type { ParsedDeck } from './parsed.js';
import type { Deck } from './schema.js';

/** Deck ids must be unique across every deck loaded together (review history is keyed on them). */
export function checkDeckIdsUnique(
  parsed: readonly Pick<ParsedDeck, 'deckId'>[],
  files: readonly string[],
): Diagnostic[] {
  const first = new Map<string, { file: string; line: number }>();
  const diagnostics: Diagnostic[] = [];
  parsed.forEach((p, i) => {
    if (!p.deckId) return;
    const file = files[i]!;
    const seen = first.get(p.deckId.id);
    if (seen) {
      diagnostics.push({
        file,
        line: p.deckId.line,
        column: p.deckId.column,
        severity: 'error',
        rule: 'duplicate-deck-id',
        message: `deck id ${quoteText(p.deckId.id)} is already used by ${seen.file}:${seen.line}; deck ids must be unique`,
      });
    } else first.set(p.deckId.id, { file, line: p.deckId.line });
  });
  return diagnostics;
}

/**
 * The decks that can be used (valid, with a unique id) and every problem, from each file's
 * result: a parsed deck, or what the parsed-deck cache keeps of one (its outline).
 */
export function combineParsedDecks<D = Deck>(
  files: readonly string[],
  parsed: readonly (Omit<ParsedDeck, 'deck'> & { deck?: D })[],
): { decks: D[]; diagnostics: Diagnostic[] } {
  const diagnostics = [...parsed.flatMap((p) => p.diagnostics), ...checkDeckIdsUnique(parsed, files)];
  const duplicates = new Set(diagnostics.filter((d) => d.rule === 'duplicate-deck-id').map((d) => d.file));
  const decks = parsed.flatMap((p, i) => (p.deck && !duplicates.has(files[i]!) ? [p.deck] : []));
  return { decks, diagnostics };
}
