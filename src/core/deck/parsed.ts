import type { Diagnostic, Report } from './diagnostic.js';
import type { Deck } from './schema.js';

/*
 * What parsing a deck file gives, and the two callbacks the checks report through: in a file of
 * their own so parse.ts, checks.ts, rules.ts and slices.ts share them without importing each
 * other in a circle.
 */

export interface ParsedDeck {
  /** Present when the file has no errors. */
  deck?: Deck;
  /** The deck id and where it is written, for the check across files. */
  deckId?: { id: string; line: number; column: number };
  diagnostics: Diagnostic[];
}

export type Locate = (path: readonly (string | number)[], at?: 'key' | 'value') => { line: number; column: number };

export interface Reporter {
  report: Report;
}
