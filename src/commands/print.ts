import { writeFileSync } from 'node:fs';
import { deckItems } from '../core/deck/items.js';
import type { Deck } from '../core/deck/schema.js';
import { describeNoMatch } from '../core/deck/filter.js';
import type { BaseQuestion, Sheet } from '../core/sheet/model.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { messagesFor, screenLanguage } from '../core/messages/index.js';
import { parsePrintOptions, type PrintOptionInput, type PrintSettings } from '../core/sheet/options.js';
import { renderSheet, type TextFormat } from '../core/sheet/render.js';
import { renderSheetHtml } from '../core/sheet/html.js';
import { collectQuestions, pickQuestions } from '../core/sheet/select.js';
import { buildSheet } from '../core/sheet/versions.js';
import { ExitError, UsageError } from '../errors.js';
import { localDate, systemDeps, type CommandDeps } from './shared/deps.js';
import { BrowserProblem, findBrowser, NO_BROWSER_MESSAGE, startPdfRenderer } from '../io/pdf.js';

/** The shared shape (out, err, clock, random: the seed when none is given), and print's own: files and the browser. */
export interface PrintDeps extends CommandDeps {
  writeFile: (path: string, data: string | Uint8Array) => void;
  findBrowser: typeof findBrowser;
  startPdfRenderer: typeof startPdfRenderer;
}

export const defaultPrintDeps: PrintDeps = {
  ...systemDeps(),
  writeFile: (path, data) => writeFileSync(path, data),
  findBrowser,
  startPdfRenderer,
};

export async function runPrint(
  paths: string[],
  input: PrintOptionInput & { lang?: string },
  deps: PrintDeps = defaultPrintDeps,
): Promise<void> {
  try {
    await print(paths, input, deps);
  } catch (error) {
    // io says what went wrong with the browser; a path that is no browser is a usage problem (2), a browser that fails is a failed run (1).
    if (error instanceof BrowserProblem)
      throw error.kind === 'not-found' ? new UsageError(error.message) : new ExitError(1, error.message);
    throw error;
  }
}

async function print(paths: string[], input: PrintOptionInput & { lang?: string }, deps: PrintDeps): Promise<void> {
  const parsed = parsePrintOptions(input);
  if ('error' in parsed) throw new UsageError(parsed.error);
  const settings = parsed.value;
  // Find and start the browser first: a missing one fails fast, and it boots while the decks load.
  const browser =
    settings.format === 'pdf' ? (deps.findBrowser({ explicit: settings.browser }) ?? noBrowser()) : undefined;
  const renderer = browser === undefined ? undefined : deps.startPdfRenderer(browser);
  try {
    // Loaded only now (parsing a deck the cache has not seen imports yaml and zod), so the browser boots meanwhile.
    const [{ requireValidWholeDecks }, { describeFsError }] = await Promise.all([
      import('./shared/decks.js'),
      import('../io/deckFiles.js'),
    ]);
    const decks = await requireValidWholeDecks(paths, { languages: preferredLanguages(input.lang, process.env) });
    const seed = settings.seed ?? deps.random();
    const sheet = makeSheet(decks, settings, seed, deps, input.lang);
    if (settings.seed === undefined)
      deps.err(`quizdeck: seed ${seed} (print again with --seed ${seed} for the same sheet)\n`);
    if (renderer !== undefined)
      save(settings.output!, await renderer.render(renderSheetHtml(sheet)), deps, describeFsError);
    else {
      const text = renderSheet(sheet, settings.format as TextFormat);
      if (settings.output === undefined) deps.out(text);
      else save(settings.output, text, deps, describeFsError);
    }
  } finally {
    await renderer?.close();
  }
}

function noBrowser(): never {
  throw new UsageError(NO_BROWSER_MESSAGE);
}

function makeSheet(
  decks: readonly Deck[],
  settings: PrintSettings,
  seed: string,
  deps: PrintDeps,
  lang: string | undefined,
): Sheet {
  const all = collectQuestions(decks, settings.filter, seed);
  if (all.length === 0) {
    const items = decks.flatMap(deckItems);
    throw new UsageError(
      items.length === 0
        ? 'the decks have no cards to print'
        : describeNoMatch(
            items,
            settings.filter,
            messagesFor(
              screenLanguage(
                lang,
                decks.map((d) => d.lang),
              ),
            ),
          ),
    );
  }
  if (settings.count !== undefined && settings.count > all.length) {
    deps.err(
      `quizdeck: only ${all.length} ${all.length === 1 ? 'question matches' : 'questions match'}; printing all of them\n`,
    );
  }
  const questions = pickQuestions(all, settings.count, seed);
  return buildSheet(questions, {
    title: settings.title ?? defaultTitle(decks, questions),
    lang: sheetLang(decks, questions, lang),
    seed,
    date: settings.date?.toLowerCase() === 'today' ? localDate(deps.clock) : settings.date,
    paper: settings.paper,
    answers: settings.answers,
    versions: settings.versions,
  });
}

/** The title of the deck(s) the questions come from. */
function defaultTitle(decks: readonly Deck[], questions: readonly BaseQuestion[]): string {
  const used = new Set(questions.map((q) => q.deckId));
  return decks
    .filter((d) => used.has(d.deck))
    .map((d) => d.title)
    .join(' · ');
}

/**
 * The sheet's language (its labels, fonts and `<html lang>`), as study and quiz pick the
 * screen's: --lang, else the language of the decks the questions come from when they share
 * one, else English.
 */
function sheetLang(decks: readonly Deck[], questions: readonly BaseQuestion[], lang: string | undefined): string {
  const langs = questions.length > 0 ? questions.map((q) => q.lang) : decks.map((d) => d.lang);
  return screenLanguage(lang, langs);
}

function save(
  path: string,
  data: string | Uint8Array,
  deps: PrintDeps,
  describeFsError: (error: unknown) => string,
): void {
  try {
    deps.writeFile(path, data);
  } catch (error) {
    throw new ExitError(2, `cannot write ${path}: ${describeFsError(error)}`);
  }
  deps.err(`quizdeck: wrote ${path}\n`);
}
