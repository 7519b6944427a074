import { compareDiagnostics, type Diagnostic } from '../core/deck/diagnostic.js';
import { formatGithub, formatJson, formatText, type ReportFormat } from '../core/deck/report.js';
import { formatSarif } from '../core/deck/sarif.js';
import { ExitError, UsageError } from '../errors.js';
import { UNREADABLE_FILE_RULES } from '../io/deckFiles.js';
import { wholeDecks } from '../io/decks.js';
import { loadDecksOrRefuse } from './shared/decks.js';
import { checkTranslations, locateByText, type LocateInDeck } from '../core/deck/translations.js';
import { readFileSync } from 'node:fs';
import { terminalPaint } from '../ui/paint.js';
import pkg from '../../package.json' with { type: 'json' };

export interface ValidateOptions {
  format?: string;
  strict?: boolean;
  quiet?: boolean;
}

type ValidateFormat = ReportFormat | 'sarif';
const FORMATS: readonly ValidateFormat[] = ['text', 'json', 'github', 'sarif'];

/**
 * Exit 0 valid, 1 problems found (warnings too with --strict), 2 usage error or a file that
 * cannot be read or is not a regular file (reported with the rest: every other file is still checked).
 */
export async function runValidate(
  paths: string[],
  options: ValidateOptions,
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<void> {
  const format = (options.format ?? 'text') as ValidateFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown --format "${options.format}"; use one of ${FORMATS.join(', ')}`);
  // Never the cache: CI wants every file checked by this very run.
  const { files, outlines, diagnostics: found, cards } = await loadDecksOrRefuse(paths, { cacheDir: null });
  let decks;
  try {
    decks = wholeDecks(outlines, cards);
  } finally {
    cards.close();
  }
  const diagnostics = [...found, ...checkTranslations(decks, locateInFile())];
  const shown: Diagnostic[] = (options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics).sort(
    compareDiagnostics,
  );
  if (format === 'json') out(formatJson(shown));
  else if (format === 'github') out(formatGithub(shown));
  else if (format === 'sarif') out(formatSarif(shown, { name: 'quizdeck', version: pkg.version }));
  else out(formatText(shown, files.length, terminalPaint()));
  if (diagnostics.some((d) => UNREADABLE_FILE_RULES.has(d.rule))) throw new ExitError(2);
  const failing = diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  if (failing) throw new ExitError(1);
}

/** Card lines for checks across files, from each file read again only if such a check reports. */
function locateInFile(): LocateInDeck {
  const byFile = new Map<string, ReturnType<typeof locateByText>>();
  return (deck, cardId) => {
    let locate = byFile.get(deck.file);
    if (!locate) {
      let text = '';
      try {
        text = readFileSync(deck.file, 'utf8');
      } catch {
        // Gone since it was parsed: the deck's first line will do.
      }
      byFile.set(deck.file, (locate = locateByText(text)));
    }
    return locate(cardId);
  };
}
