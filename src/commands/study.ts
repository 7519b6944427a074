import { itemRefs, resolveItem, type CardOutline, type ItemRef } from '../core/deck/outline.js';
import type { StudyItem } from '../core/deck/items.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { messagesFor, screenLanguage, type Messages } from '../core/messages/index.js';
import { deckSchedulers } from '../core/optimize/deckSchedulers.js';
import type { DayRule } from '../core/schedule/day.js';
import { createScheduler } from '../core/schedule/fsrs.js';
import { itemId } from '../core/schedule/queue.js';
import { createStudyDriver, type StudyDriver, type StudyStore, type StudyUi } from '../core/study/drive.js';
import { parseStudyOptions, type StudyOptionInput } from '../core/study/options.js';
import type { SessionConfig } from '../core/study/session.js';
import { UsageError } from '../errors.js';
import { systemClock, type Clock } from '../io/clock.js';
import { describeDbError, isDbIoError } from '../io/db.js';
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

export interface StudyOptions extends StudyOptionInput {
  db?: string;
}

export interface StudyDeps {
  clock?: Clock;
  out?: (s: string) => void;
  err?: (s: string) => void;
  stdin?: { isTTY?: boolean };
  /** The screens; the terminal's by default. */
  ui?: (setup: { resolve: (ref: ItemRef) => StudyItem; titles: ReadonlyMap<string, string>; typed: boolean; messages: Messages }) => StudyUi<ItemRef> & { release(): void };
  env?: NodeJS.ProcessEnv;
}

/** `quizdeck study`: one spaced-repetition session over the decks; every answer is saved before the next card. */
export async function runStudy(paths: string[], options: StudyOptions, deps: StudyDeps = {}): Promise<void> {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((s: string) => process.stdout.write(s));
  const err = deps.err ?? ((s: string) => process.stderr.write(s));
  const clock = deps.clock ?? systemClock;
  if (!deps.ui) requireTerminal('study', deps.stdin);
  const parsed = parseStudyOptions(options);
  if ('error' in parsed) throw new UsageError(parsed.error);
  const settings = parsed.value;
  if (settings.deprecatedType) err('quizdeck: study --type is now --typed (quiz and print use --type to filter card types); --type still works for now\n');
  const dbPath = resolveDbPath(options.db, env);
  let include: ((deckId: string, card: CardOutline) => boolean) | undefined;
  const { outlines, cards } = await requireValidDecks(paths, { languages: preferredLanguages(settings.lang, env) });
  const deckIds = outlines.map((o) => o.deck.deck);
  let db;
  try {
    // --tag, --section, --deck: which cards the session holds, decided on the outlines (no card read).
    const filter: DeckFilter = { tags: settings.tags, sections: settings.sections, types: [], decks: settings.decks };
    include = filtered(filter) ? cardMatcher(filter) : undefined;
    if (include && !outlines.some((o) => o.cards.some((card) => include!(o.deck.deck, card)))) {
      const messages = messagesFor(screenLanguage(settings.lang, outlines.map((o) => o.deck.lang)));
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
    const dayRule: DayRule = { startHour: settings.dayStartHour, utcOffsetMinutes: (time) => clock.utcOffsetMinutes(time) };
    // Each deck's scheduler: with the parameters `quizdeck optimize` adopted for it, else the defaults.
    const schedulers = deckSchedulers(deckIds, loadParameters(db), (weights) => createScheduler({ retention: settings.retention, maximumIntervalDays: settings.maximumIntervalDays, day: dayRule, weights }));
    const messages = messagesFor(screenLanguage(settings.lang, outlines.map((o) => o.deck.lang)));
    // A card is read and expanded when it is first shown.
    const items = new Map<string, StudyItem>();
    const resolve = (ref: ItemRef) => {
      const id = itemId(ref.deckId, ref.key);
      let item = items.get(id);
      if (!item) items.set(id, (item = resolveItem(outlines, ref, cards.card(ref.deckId, ref.card))));
      return item;
    };
    const setup = { resolve, titles: new Map(outlines.map((o) => [o.deck.deck, o.deck.title])), typed: settings.typed, messages };
    ui = deps.ui ? deps.ui(setup) : terminalStudyUi({ ...setup, out });
    const config: SessionConfig<ItemRef> = {
      deckIds,
      // References only: a card is read when it is shown (see resolve).
      items: (notDue) => itemRefs(outlines, notDue, include),
      limits: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay },
      dayRule,
      schedulers,
      cram: settings.cram,
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
    throw new UsageError(`${dbPath}: ${describeDbError(error)}; the answer on screen was not saved (every answer before it is)`);
  } finally {
    ui?.release();
    db.close();
    cards.close();
  }
}
