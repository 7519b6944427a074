import { writeFileSync } from 'node:fs';
import { hasErrors } from '../core/deck/diagnostic.js';
import { expandCard } from '../core/deck/items.js';
import type { DeckOutline } from '../core/deck/outline.js';
import { type DayRule } from '../core/schedule/day.js';
import { createForgettingCurve, DEFAULT_SCHEDULER_OPTIONS } from '../core/schedule/fsrs.js';
import { stateColumnsOf, summarizeCards, type DeckCards, type StateColumns } from '../core/stats/cards.js';
import type { StatsReport } from '../core/stats/model.js';
import { messagesFor, screenLanguage } from '../core/messages/index.js';
import type { MissedRow, SectionRow } from '../core/stats/quiz.js';
import { buildStatsReport, forecastDayStarts } from '../core/stats/report.js';
import { ReviewAggregator } from '../core/stats/reviews.js';
import { renderStatsHtml } from '../core/stats/html.js';
import { renderStatsText } from '../core/stats/text.js';
import type { ChartPaint } from '../core/paint.js';
import { neutralizeLine } from '../core/text.js';
import { ExitError, UsageError } from '../errors.js';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import { describeDbError, isDbIoError, type Db } from '../io/db.js';
import { openDatabaseOrRefuse } from './shared/db.js';
import { parseDayStart, parseRetention } from '../core/options.js';
import type { CardReader } from '../io/decks.js';
import { describeFsError } from '../io/deckFiles.js';
import { resolveDbPath } from '../io/paths.js';
import { foldReviews, readAdoptedParameters, readCardStates, readQuizHistory } from '../io/statsStore.js';
import { FoldWorker } from '../io/statsFold.js';
import { systemClock } from '../io/clock.js';
import { loadDecksOrRefuse, pickOutlines } from './shared/decks.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { weightsForDeck } from '../core/optimize/plan.js';
import { renderExamHtml } from '../core/exam/html.js';
import { renderExamText } from '../core/exam/text.js';
import { buildExamPlan, parseExamLimits, parseExamOptions, readExamInputs, type ExamReads } from './examPlan.js';

export interface StatsOptions {
  db?: string;
  json?: boolean;
  html?: string;
  retention?: string;
  dayStart?: string;
  /** The language of the screen and the HTML report (else the decks'); `--json` is English. */
  lang?: string;
  /** --exam DATE and its companions: the exam plan (see commands/examPlan.ts). */
  exam?: string;
  examRetention?: string;
  new?: string;
  reviews?: string;
}

/** The shared shape (out, err, clock, random), each optional: the system's when not given. */
export interface StatsDeps extends Partial<CommandDeps> {
  columns?: number;
  paint?: ChartPaint;
  writeFile?: (path: string, data: string) => void;
}

/** `quizdeck stats`: where the learner stands, per deck and in total; reads the database, never writes it. */
export async function runStats(paths: string[], options: StatsOptions, deps: StatsDeps = {}): Promise<void> {
  const { out, err, clock } = { ...systemDeps(), ...deps };
  const parsedRetention = parseRetention(
    options.retention,
    DEFAULT_SCHEDULER_OPTIONS.retention,
    'the desired retention to show beside the true one',
  );
  if ('error' in parsedRetention) throw new UsageError(parsedRetention.error);
  const retention = parsedRetention.value;
  const parsedDayStart = parseDayStart(options.dayStart);
  if ('error' in parsedDayStart) throw new UsageError(parsedDayStart.error);
  const dayStart = parsedDayStart.value;
  const dbPath = resolveDbPath(options.db);

  const now = clock.now();
  const rule: DayRule = { startHour: dayStart, utcOffsetMinutes: (time) => clock.utcOffsetMinutes(time) };
  const exam = parseExamOptions(options, now, rule);
  const limits = parseExamLimits(options, exam !== null);
  // Started before the decks are read, so it is ready when they are: a worker thread for half
  // the review log (io/statsFold.ts), on the machine's clock, whose time zone it shares.
  const helper = clock === systemClock ? FoldWorker.start({ path: dbPath, startHour: dayStart }) : null;
  try {
    const loaded = await loadDecksOrRefuse(paths);
    const { diagnostics, cards } = loaded;
    // With no path, as study: one deck of each translation group (an exam plan over both the
    // English and the Chinese copy counted every fact twice).
    const outlines =
      paths.length === 0
        ? pickOutlines(loaded.outlines, preferredLanguages(options.lang, process.env))
        : loaded.outlines;
    let examReads: ExamReads | null = null;
    const alsoRead = exam
      ? (db: Db) =>
          (examReads = readExamInputs(
            db,
            outlines.map((o) => o.deck.deck),
            now,
            rule,
          ))
      : undefined;
    let report: StatsReport;
    try {
      report = await collect(outlines, cards, dbPath, now, rule, retention, err, alsoRead, helper);
    } finally {
      cards.close();
    }
    const plan =
      exam &&
      buildExamPlan(outlines, examReads, {
        ...exam,
        now,
        rule,
        limits,
        retention,
        maximumIntervalDays: DEFAULT_SCHEDULER_OPTIONS.maximumIntervalDays,
      });
    const messages = messagesFor(
      screenLanguage(
        options.lang,
        outlines.map((o) => o.deck.lang),
      ),
    );

    if (options.json) out(`${JSON.stringify(plan ? { ...report, exam: plan } : report, null, 2)}\n`);
    else if (options.html !== undefined) {
      const html = renderStatsHtml(report, messages);
      try {
        (deps.writeFile ?? ((p, d) => writeFileSync(p, d)))(
          options.html,
          plan ? withSection(html, renderExamHtml(plan, messages.exam)) : html,
        );
      } catch (error) {
        throw new ExitError(2, `cannot write ${options.html}: ${describeFsError(error)}`);
      }
      err(`quizdeck: wrote ${options.html}\n`);
    } else {
      const columns = deps.columns ?? Math.max(60, Math.min(process.stdout.columns ?? 80, 160));
      const paint = deps.paint ?? (await import('../ui/paint.js')).terminalChartPaint();
      out(renderStatsText(report, { columns, paint, messages }));
      if (plan) out(`\n${renderExamText(plan, { columns, paint, labels: messages.exam })}`);
    }

    if (hasErrors(diagnostics)) {
      const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      err(
        `${files.size} deck ${files.size === 1 ? 'file has' : 'files have'} problems and ${files.size === 1 ? 'is' : 'are'} left out (${[...files].map(neutralizeLine).join(', ')}); run \`quizdeck validate\` to see them.\n`,
      );
      throw new ExitError(1);
    }
  } finally {
    helper?.cancel();
  }
}

async function collect(
  outlines: readonly DeckOutline[],
  cards: CardReader,
  dbPath: string,
  now: number,
  rule: DayRule,
  retention: number,
  err: (s: string) => void,
  alsoRead: ((db: Db) => void) | undefined,
  /** A worker thread for part of the log, if one was started. */
  helper: FoldWorker | null,
): Promise<StatsReport> {
  const ids = outlines.map((o) => o.deck.deck);
  let fitted = new Map<string, number[]>();
  let states: StateColumns[] = outlines.map(() => stateColumnsOf([]));
  let quiz: { sections: SectionRow[]; missed: MissedRow[] } = { sections: [], missed: [] };
  let aggregator = new ReviewAggregator(outlines.length, rule, createForgettingCurve());
  let summaries: DeckCards[] | undefined;
  const question = questionFinder(outlines, cards);
  const db: Db | null = openDatabaseOrRefuse(dbPath, { readonly: true });
  if (!db) err(`quizdeck: no review database yet (${neutralizeLine(dbPath)}); every item counts as new\n`);
  else {
    try {
      fitted = readAdoptedParameters(db);
      // Each deck's predictions with the parameters study schedules it with (adopted by
      // `quizdeck optimize`, else the defaults).
      const weights = ids.map((id) => weightsForDeck(fitted, id));
      aggregator = new ReviewAggregator(
        outlines.length,
        rule,
        weights.map((w) => createForgettingCurve(w)),
      );
      // The worker folds its part while this thread reads the card states and folds the rest.
      const half = helper?.fold(db, { deckIds: ids, weights }) ?? null;
      states = ids.map((id) => readCardStates(db!, id));
      // What the report needs of the card states, made while a worker folds: the summaries and
      // the hardest items' questions (the finder keeps them).
      const dayStarts = forecastDayStarts(now, rule);
      summaries = outlines.map((o, i) => summarizeCards(ids[i]!, o.cards, states[i]!, dayStarts));
      for (const summary of summaries) for (const item of summary.hardest) question(item.deck, item.key);
      foldReviews(db, ids, aggregator, half?.part);
      quiz = readQuizHistory(db, ids);
      alsoRead?.(db);
      if (half) {
        const theirs = await half.theirs;
        if (theirs.decks) theirs.decks.forEach((deck, i) => aggregator.decks[i]!.merge(deck));
        else foldReviews(db, ids, aggregator, theirs.part);
      }
    } catch (error) {
      if (!isDbIoError(error) && !/no such (table|column)/.test((error as Error).message)) throw error;
      throw new UsageError(
        `${dbPath}: ${isDbIoError(error) ? describeDbError(error) : "this database is missing quizdeck's tables (is it damaged?)"}`,
      );
    } finally {
      db.close();
    }
  }
  return buildStatsReport({
    now,
    rule,
    desiredRetention: retention,
    decks: outlines.map(({ deck: d, cards: shape }, i) => ({
      id: d.deck,
      title: d.title,
      fitted: fitted.has(d.deck) || fitted.has('*'),
      shape,
      states: states[i]!,
      cards: summaries?.[i],
      reviews: aggregator.decks[i]!,
    })),
    quizSections: quiz.sections,
    quizMissed: quiz.missed,
    question,
  });
}

/** The stats HTML with the exam plan's section first, before the decks'. */
function withSection(html: string, section: string): string {
  const at = html.indexOf('<section');
  return at < 0 ? html.replace('</body>', `${section}\n</body>`) : `${html.slice(0, at)}${section}\n${html.slice(at)}`;
}

/**
 * An item's prompt by deck id and key. Item keys start with their card's id (`id`,
 * `id:reverse`, `id:c2`; ids have no colon), so a deck's cards are indexed by id, on its first
 * question, and only the cards asked about are read, each once (the answers are kept).
 */
function questionFinder(
  outlines: readonly DeckOutline[],
  cards: CardReader,
): (deck: string, key: string) => string | null {
  const byDeck = new Map(outlines.map((o) => [o.deck.deck, o]));
  const indexes = new Map<string, Map<string, number>>();
  const found = new Map<string, string | null>();
  return (deckId, key) => {
    const id = `${deckId}\u0000${key}`;
    if (found.has(id)) return found.get(id)!;
    const question = find(deckId, key);
    found.set(id, question);
    return question;
  };

  function find(deckId: string, key: string): string | null {
    const outline = byDeck.get(deckId);
    if (!outline) return null;
    let index = indexes.get(deckId);
    if (!index) {
      index = new Map(outline.cards.map((c, i) => [c.id, i]));
      indexes.set(deckId, index);
    }
    const card = index.get(key.split(':')[0]!);
    if (card === undefined) return null;
    return expandCard(outline.deck, cards.card(deckId, card)).find((item) => item.key === key)?.prompt ?? null;
  }
}
