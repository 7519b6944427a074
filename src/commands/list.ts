import { DEFAULT_DAY_START } from '../core/options.js';
import type { DeckOutline } from '../core/deck/outline.js';
import { CARD_TYPES, type CardType } from '../core/deck/types.js';
import { hasErrors } from '../core/deck/diagnostic.js';
import { displayWidth, neutralizeLine, padEndDisplay } from '../core/text.js';
import { ExitError } from '../errors.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { studyDay } from '../core/schedule/day.js';
import { systemClock } from '../io/clock.js';
import { describeDbError, isDbIoError, openDatabase } from '../io/db.js';
import { resolveDbPath } from '../io/paths.js';
import { deckProgress, type DeckProgress } from '../io/store.js';
import { loadDecksOrRefuse, pickOutlines } from './shared/decks.js';

export interface ListOptions {
  json?: boolean;
  db?: string;
  lang?: string;
}

export interface DeckSummary {
  id: string;
  title: string;
  lang: string;
  file: string;
  cards: number;
  byType: Record<CardType, number>;
  tags: string[];
  /** The deck this one translates (`translates:`), if any. */
  translates?: string;
  /** With no path: whether study, quiz and print use this deck (one of each translation group). */
  used?: boolean;
  /** Study progress from the review database, when there is one. */
  study?: DeckProgress;
}

/** A deck's row, from its outline alone: listing reads no card's text. */
export function summarizeDeck({ deck, cards }: DeckOutline): DeckSummary {
  const byType = Object.fromEntries(CARD_TYPES.map((t) => [t, 0])) as Record<CardType, number>;
  for (const card of cards) byType[card.type]++;
  return {
    id: deck.deck,
    title: deck.title,
    lang: deck.lang,
    file: deck.file,
    cards: cards.length,
    byType,
    tags: deck.tags ?? [],
    ...(deck.translates ? { translates: deck.translates } : {}),
  };
}

export async function runList(
  paths: string[],
  options: ListOptions,
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<void> {
  const { outlines: decks, diagnostics, cards } = await loadDecksOrRefuse(paths);
  cards.close();
  const rows = decks.map(summarizeDeck);
  if (paths.length === 0) {
    const used = new Set(pickOutlines(decks, preferredLanguages(options.lang, process.env)));
    decks.forEach((deck, i) => (rows[i]!.used = used.has(deck)));
  }
  addStudyProgress(rows, decks, resolveDbPath(options.db), err);
  if (options.json) out(`${JSON.stringify(rows, null, 2)}\n`);
  else out(formatDeckTable(rows));
  if (hasErrors(diagnostics)) {
    const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    err(
      `${files.size} deck ${files.size === 1 ? 'file has' : 'files have'} problems and ${files.size === 1 ? 'is' : 'are'} not listed (${[...files].map(neutralizeLine).join(', ')}); run \`quizdeck validate\` to see them.\n`,
    );
    throw new ExitError(1);
  }
}

/**
 * New / learning / due-today counts from the review database. The database is opened
 * read-only and only if it exists: listing decks never creates one.
 */
function addStudyProgress(
  rows: DeckSummary[],
  decks: readonly DeckOutline[],
  dbPath: string,
  err: (s: string) => void,
): void {
  // The decks can still be listed whatever is wrong with the database: say why the study counts
  // are missing and go on. Damage past the header only shows when a page is read, so the
  // counting is inside the same guard; the counts are added only when every deck has them.
  const warn = (reason: string) => err(`quizdeck: ${neutralizeLine(reason)}; study counts left out\n`);
  let db;
  try {
    db = openDatabase(dbPath, { readonly: true, untouched: true });
  } catch (error) {
    warn((error as Error).message);
    return;
  }
  if (!db) return;
  try {
    const now = systemClock.now();
    const day = studyDay(now, DEFAULT_DAY_START, (time) => systemClock.utcOffsetMinutes(time));
    const progress = decks.map(({ deck, cards }) =>
      deckProgress(
        db,
        deck.deck,
        cards.flatMap((c) => c.keys),
        day.end,
      ),
    );
    progress.forEach((p, i) => (rows[i]!.study = p));
  } catch (error) {
    if (!isDbIoError(error) && !/no such (table|column)/.test((error as Error).message)) throw error;
    warn(
      `${dbPath}: ${isDbIoError(error) ? describeDbError(error) : "this database is missing quizdeck's tables (is it damaged?)"}`,
    );
  } finally {
    db.close();
  }
}

export function formatDeckTable(rows: readonly DeckSummary[]): string {
  if (rows.length === 0) return 'No decks found.\n';
  const study = rows.some((r) => r.study);
  const translated = rows.some((r) => r.translates);
  const header = [
    'DECK',
    'TITLE',
    'LANG',
    ...(translated ? ['TRANSLATES'] : []),
    'CARDS',
    'BASIC',
    'CHOICE',
    'T/F',
    'CLOZE',
    'ORDER',
    ...(study ? ['NEW', 'LEARN', 'DUE'] : []),
    'TAGS',
  ];
  const progress = (r: DeckSummary) =>
    study ? [r.study?.new ?? r.cards, r.study?.learning ?? 0, r.study?.dueToday ?? 0].map(String) : [];
  const body = rows.map((r) =>
    [
      r.id,
      r.title,
      r.lang,
      ...(translated ? [r.translates ?? '—'] : []),
      String(r.cards),
      String(r.byType.basic),
      String(r.byType.choice),
      String(r.byType.truefalse),
      String(r.byType.cloze),
      String(r.byType.order),
      ...progress(r),
      r.tags.join(', '),
    ].map(neutralizeLine),
  );
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const removed = rows
    .filter((r) => r.study && r.study.removed > 0)
    .map(
      (r) =>
        `${r.id}: ${r.study!.removed} studied ${r.study!.removed === 1 ? 'card is' : 'cards are'} no longer in the deck (history kept)`,
    );
  return `${[line(header), ...body.map(line), ...removed, ...usedNote(rows)].join('\n')}\n`;
}

/** Which translation of each group study, quiz and print take when no path is given. */
function usedNote(rows: readonly DeckSummary[]): string[] {
  if (!rows.some((r) => r.used === false)) return [];
  const used = rows.filter((r) => r.used).map((r) => `${r.id} (${r.lang})`);
  return [
    neutralizeLine(
      `With no path, study, quiz and print use one deck of each translation group: ${used.join(', ')}; choose the language with --lang or LANG, or name the files to use both.`,
    ),
  ];
}
