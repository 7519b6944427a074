import { compareDiagnostics, type Diagnostic } from './diagnostic.js';

/**
 * Why the commands that use decks (study, quiz, print, export) refuse to start, or undefined when
 * no deck has an error: one sentence naming the first error's file and line, how many more
 * there are, and pointing at `quizdeck validate`. The command chooses the exit code.
 */
export function deckErrorSentence(diagnostics: readonly Diagnostic[]): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  const first = errors[0];
  if (!first) return undefined;
  // A file's problems past the cap stand in one `too-many-problems` diagnostic; count them all.
  const more = errors.reduce((n, d) => n + (d.omitted ? d.omitted.errors : 1), 0) - 1;
  const others = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  return `${first.file}:${first.line}: ${first.message}${others}; run \`quizdeck validate ${first.file}\` to see every problem`;
}
