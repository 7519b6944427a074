import { itemRefs, resolveItem, type CardOutline, type DeckOutline, type ItemRef } from '../core/deck/outline.js';
import { examToday } from '../core/exam/today.js';
import { buildExamPlan, parseExamOptions, readExamInputs, type ExamOptions, type ExamSettings } from './examPlan.js';
import type { StudyItem } from '../core/deck/items.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { messagesFor, screenLanguage, type Messages } from '../core/messages/index.js';
import { deckSchedulers } from '../core/optimize/deckSchedulers.js';
import type { DayRule } from '../core/schedule/day.js';
import { createScheduler } from '../core/schedule/fsrs.js';
import { itemId } from '../core/schedule/queue.js';
import { createStudyDriver, type StudyDriver, type StudyStore, type StudyUi } from '../core/study/drive.js';
import { parseStudyOptions, type StudyOptionInput, type StudySettings } from '../core/study/options.js';
import type { ExamToday, SessionConfig } from '../core/study/session.js';
import { UsageError } from '../errors.js';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import { describeDbError, isDbIoError, type Db } from '../io/db.js';
import { openDatabaseOrRefuse } from './shared/db.js';
import { wholeDecks } from '../io/decks.js';
import { cardMatcher, describeNoMatch, type DeckFilter } from '../core/deck/filter.js';
import { deckItems } from '../core/deck/items.js';
import { requireValidDecks } from './shared/decks.js';
import { loadParameters } from '../io/parametersStore.js';
import { resolveDbPath } from '../io/paths.js';
import { ReviewStore } from '../io/store.js';
import { requireTerminal, withInterrupt } from './shared/terminal.js';
import { terminalStudyUi } from '../ui/study/terminal.js';

const filtered = (f: DeckFilter) => f.tags.length + f.sections.length + (f.decks?.length ?? 0) > 0;

export interface StudyOptions extends StudyOptionInput, ExamOptions {
  db?: string;
}

/** The shared shape (out, err, clock, random), each optional: the system's when not given. */
export interface StudyDeps extends Partial<CommandDeps> {
  stdin?: { isTTY?: boolean };
  /** The screens; the terminal's by default. */
  ui?: (setup: {
    resolve: (ref: ItemRef) => StudyItem;
    titles: ReadonlyMap<string, string>;
    typed: boolean;
    messages: Messages;
  }) => StudyUi<ItemRef> & { release(): void };
  env?: NodeJS.ProcessEnv;
}

/** `quizdeck study`: one spaced-repetition session over the decks; every answer is saved before the next card. */
export async function runStudy(paths: string[], options: StudyOptions, deps: StudyDeps = {}): Promise<void> {
  const { out, err, clock } = { ...systemDeps(), ...deps };
  const env = deps.env ?? process.env;
  if (!deps.ui) requireTerminal('study', deps.stdin);
  const parsed = parseStudyOptions(options);
  if ('error' in parsed) throw new UsageError(parsed.error);
  const settings = parsed.value;
  if (settings.deprecatedType)
    err(
      'quizdeck: study --type is now --typed (quiz and print use --type to filter card types); --type still works for now\n',
    );
  const dbPath = resolveDbPath(options.db, env);
  const dayRule: DayRule = {
    startHour: settings.dayStartHour,
    utcOffsetMinutes: (time) => clock.utcOffsetMinutes(time),
  };
  const exam = parseExamOptions(options, clock.now(), dayRule);
  if (exam && settings.cram)
    throw new UsageError(
      '--cram and --exam cannot be combined: --cram reviews everything now without scheduling, --exam plans the days until the exam',
    );
  let include: ((deckId: string, card: CardOutline) => boolean) | undefined;
  const { outlines, cards } = await requireValidDecks(paths, { languages: preferredLanguages(settings.lang, env) });
  const deckIds = outlines.map((o) => o.deck.deck);
  let db;
  try {
    // --tag, --section, --deck: which cards the session holds, decided on the outlines (no card read).
    const filter: DeckFilter = { tags: settings.tags, sections: settings.sections, types: [], decks: settings.decks };
    include = filtered(filter) ? cardMatcher(filter) : undefined;
    if (include && !outlines.some((o) => o.cards.some((card) => include!(o.deck.deck, card)))) {
      const messages = messagesFor(
        screenLanguage(
          settings.lang,
          outlines.map((o) => o.deck.lang),
        ),
      );
      throw new UsageError(describeNoMatch(wholeDecks(outlines, cards).flatMap(deckItems), filter, messages));
    }
    db = openDatabaseOrRefuse(dbPath);
  } catch (error) {
    cards.close();
    throw error;
  }
  let driver: StudyDriver | undefined;
  let ui: (StudyUi<ItemRef> & { release(): void }) | undefined;
  try {
    // Each deck's scheduler: with the parameters `quizdeck optimize` adopted for it, else the defaults.
    const schedulers = deckSchedulers(deckIds, loadParameters(db), (weights) =>
      createScheduler({
        retention: settings.retention,
        maximumIntervalDays: settings.maximumIntervalDays,
        day: dayRule,
        weights,
      }),
    );
    const messages = messagesFor(
      screenLanguage(
        settings.lang,
        outlines.map((o) => o.deck.lang),
      ),
    );
    // A card is read and expanded when it is first shown.
    const items = new Map<string, StudyItem>();
    const resolve = (ref: ItemRef) => {
      const id = itemId(ref.deckId, ref.key);
      let item = items.get(id);
      if (!item) items.set(id, (item = resolveItem(outlines, ref, cards.card(ref.deckId, ref.card))));
      return item;
    };
    const setup = {
      resolve,
      titles: new Map(outlines.map((o) => [o.deck.deck, o.deck.title])),
      typed: settings.typed,
      messages,
    };
    ui = deps.ui ? deps.ui(setup) : terminalStudyUi({ ...setup, out });
    const config: SessionConfig<ItemRef> = {
      deckIds,
      // References only: a card is read when it is shown (see resolve).
      items: (notDue) => itemRefs(outlines, notDue, include),
      limits: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay },
      dayRule,
      schedulers,
      cram: settings.cram,
      exam: exam
        ? (now) =>
            examForToday(
              exam,
              include
                ? outlines.map((o) => ({ ...o, cards: o.cards.filter((card) => include!(o.deck.deck, card)) }))
                : outlines,
              db,
              settings,
              dayRule,
              now,
            )
        : undefined,
    };
    const store: StudyStore = new ReviewStore(db);

    const started = (driver = createStudyDriver(config, { ui, store, now: () => clock.now(), messages }));
    const shown = ui;
    await withInterrupt(
      () => started.run(),
      () => shown.finish('quit', started.summary('quit')),
    );
  } catch (error) {
    // A disk that fills up (or damage deeper in the file than its header) only shows when a
    // page is written or read: every answer before it is committed, so end with the summary.
    if (!isDbIoError(error)) throw error;
    try {
      if (driver && ui) ui.finish('quit', driver.summary('quit'));
    } catch {
      // The summary reads the same database; what the person needs is the sentence below.
    }
    throw new UsageError(
      `${dbPath}: ${describeDbError(error)}; the answer on screen was not saved (every answer before it is)`,
    );
  } finally {
    ui?.release();
    db.close();
    cards.close();
  }
}

/** The study day's part of the exam plan over the session's cards, made at `now` (see core/exam). */
function examForToday(
  exam: ExamSettings,
  planned: readonly DeckOutline[],
  db: Db,
  settings: StudySettings,
  rule: DayRule,
  now: number,
): ExamToday {
  const limits = { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay };
  const reads = readExamInputs(
    db,
    planned.map((o) => o.deck.deck),
    now,
    rule,
  );
  const plan = buildExamPlan(planned, reads, {
    ...exam,
    now,
    rule,
    limits,
    retention: settings.retention,
    maximumIntervalDays: settings.maximumIntervalDays,
  });
  const perDeck = [...examToday(plan)];
  return {
    newLimitByDeck: new Map(perDeck.map(([deck, t]) => [deck, t.newLimit])),
    extraReviews: new Map(perDeck.map(([deck, t]) => [deck, new Set(t.extraReviews)])),
    announce: {
      exam: plan.exam,
      daysLeft: plan.daysLeft,
      newToday: plan.total.days[0]?.new ?? 0,
      pulled: perDeck.reduce((n, [, t]) => n + t.extraReviews.length, 0),
      feasible: plan.feasible,
    },
  };
}
