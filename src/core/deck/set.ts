import type { Diagnostic } from './diagnostic.js';
import type { ParsedDeck } from './parse.js';

/** Deck ids must be unique across every deck loaded together (review history is keyed on them). */
export function checkDeckIdsUnique(parsed: readonly ParsedDeck[], files: readonly string[]): Diagnostic[] {
  const first = new Map<string, { file: string; line: number }>();
  const diagnostics: Diagnostic[] = [];
  parsed.forEach((p, i) => {
    if (!p.deckId) return;
    const file = files[i]!;
    const seen = first.get(p.deckId.id);
    if (seen) {
      diagnostics.push({ file, line: p.deckId.line, column: p.deckId.column, severity: 'error', rule: 'duplicate-deck-id', message: `deck id "${p.deckId.id}" is already used by ${seen.file}:${seen.line}; deck ids must be unique` });
    } else first.set(p.deckId.id, { file, line: p.deckId.line });
  });
  return diagnostics;
}
