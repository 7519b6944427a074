export type Severity = 'error' | 'warning';

/** One problem found in a deck file, pointing at the exact node (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  /** On a `too-many-problems` diagnostic: the problems it stands for, which were not kept. */
  omitted?: { errors: number; warnings: number };
}

export type Report = (
  severity: Severity,
  rule: string,
  message: string,
  where: { line: number; column: number },
) => void;

/** Problems kept per file: a card with 100k unknown keys gives one screen, not 100k lines. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;
/** A message never runs past this many characters, whatever deck text it quotes. */
export const MAX_MESSAGE_LENGTH = 300;
/** Deck text quoted in a message (keys, ids, answers) is cut to this many characters. */
const MAX_QUOTE_LENGTH = 60;

/**
 * Collects one file's problems: the first `limit` as reported, the rest counted into one last
 * `too-many-problems` diagnostic ("… and N more"), an error if any of them was.
 */
export function collectDiagnostics(
  file: string,
  limit = MAX_DIAGNOSTICS_PER_FILE,
): { report: Report; finish(): Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let more = 0;
  let moreErrors = 0;
  let firstMore: { line: number; column: number } | undefined;
  return {
    report(severity, rule, message, where) {
      if (diagnostics.length < limit) {
        diagnostics.push({
          file,
          line: where.line,
          column: where.column,
          severity,
          rule,
          message: cutText(message, MAX_MESSAGE_LENGTH),
        });
        return;
      }
      more++;
      if (severity === 'error') moreErrors++;
      firstMore ??= where;
    },
    finish() {
      if (more === 0 || !firstMore) return diagnostics;
      const omitted = { errors: moreErrors, warnings: more - moreErrors };
      const message = `… and ${more} more ${more === 1 ? 'problem' : 'problems'} in this file (${omitted.errors} errors, ${omitted.warnings} warnings), not shown; fix these first`;
      return [
        ...diagnostics,
        {
          file,
          ...firstMore,
          severity: moreErrors > 0 ? 'error' : 'warning',
          rule: 'too-many-problems',
          message,
          omitted,
        },
      ];
    },
  };
}

/** Deck text for a message: quoted as a JSON string (newlines and controls escaped), cut to a readable length. */
export function quoteText(text: string, max = MAX_QUOTE_LENGTH): string {
  return JSON.stringify(cutText(text, max));
}

function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
