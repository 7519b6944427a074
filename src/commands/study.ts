import { itemRefs, resolveItem, type DeckOutline, type ItemRef } from '../core/deck/outline.js';
import type { StudyItem } from '../core/deck/items.js';
import { studyDay, type DayRule } from '../core/schedule/day.js';
import { createScheduler, DEFAULT_SCHEDULER_OPTIONS } from '../core/schedule/fsrs.js';
import { deckSchedulers, type DeckSchedulers } from '../core/optimize/deckSchedulers.js';
import { gradeEntry, gradeOptions, suggestedGrade } from '../core/schedule/grade.js';
import { StudyQueue, type QueueEntry } from '../core/schedule/queue.js';
import { UsageError } from '../errors.js';
import { systemClock, type Clock } from '../io/clock.js';
import { describeDbError, isDbIoError, openDatabase } from '../io/db.js';
import type { CardReader } from '../io/decks.js';
import { requireValidDecks } from './shared/decks.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { resolveDbPath } from '../io/paths.js';
import { ReviewStore } from '../io/store.js';
import { loadParameters } from '../io/parametersStore.js';
import { askGrade, askItem } from '../ui/study/ask.js';
import { formatFeedback, formatHeader, formatQuestion, formatSummary } from '../ui/study/screen.js';
import { CLEAR_SCREEN, rawModeBetweenPrompts, requireTerminal, terminalColumns, withInterrupt } from '../ui/terminal.js';
import { itemAnswerText } from '../core/deck/items.js';
import { messagesFor, screenLanguage, type Messages } from '../core/messages/index.js';
import chalk from 'chalk';
import { neutralizeLine, wrapText } from '../core/text.js';

export interface StudyOptions {
  db?: string;
  new?: string;
  reviews?: string;
  retention?: string;
  maxInterval?: string;
  dayStart?: string;
  /** Type the answers of basic and cloze cards. */
  typed?: boolean;
  /** The old name of --typed (it read like quiz's and print's --type filter); still accepted, with a note. */
  type?: boolean;
  /** With no path: the language of the deck used from each translation group. */
  lang?: string;
}

interface Settings {
  dbPath: string;
  newPerDay: number;
  reviewsPerDay: number;
  retention: number;
  maximumIntervalDays: number;
  dayStartHour: number;
  type: boolean;
  /** --lang: the screen's language when given (else the decks'). */
  lang?: string;
}

export function parseStudyOptions(options: StudyOptions, env: NodeJS.ProcessEnv = process.env): Settings {
  const int = (value: string | undefined, name: string, fallback: number, min: number, max: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    return n;
  };
  const retention = options.retention === undefined ? DEFAULT_SCHEDULER_OPTIONS.retention : Number(options.retention);
  if (!(retention >= 0.7 && retention <= 0.99)) throw new UsageError(`--retention must be a number from 0.70 to 0.99 (the share of cards you want to remember), not "${options.retention}"`);
  return {
    dbPath: resolveDbPath(options.db, env),
    newPerDay: int(options.new, '--new', 20, 0, 9999),
    reviewsPerDay: int(options.reviews, '--reviews', 200, 0, 99999),
    retention,
    maximumIntervalDays: int(options.maxInterval, '--max-interval', DEFAULT_SCHEDULER_OPTIONS.maximumIntervalDays, 1, 36500),
    dayStartHour: int(options.dayStart, '--day-start', 4, 0, 23),
    type: Boolean(options.typed ?? options.type),
    lang: options.lang,
  };
}

export interface StudyDeps {
  clock?: Clock;
  out?: (s: string) => void;
  stdin?: { isTTY?: boolean };
}

/** `quizdeck study`: one spaced-repetition session over the decks; every answer is saved before the next card. */
export async function runStudy(paths: string[], options: StudyOptions, deps: StudyDeps = {}): Promise<void> {
  requireTerminal('study', deps.stdin);
  if (options.type && !options.typed) process.stderr.write('quizdeck: study --type is now --typed (quiz and print use --type to filter card types); --type still works for now\n');
  const settings = parseStudyOptions(options);
  const { outlines, cards } = await requireValidDecks(paths, { languages: preferredLanguages(options.lang, process.env) });
  const db = openDatabase(settings.dbPath);
  let session: StudySession | undefined;
  try {
    session = new StudySession(outlines, cards, new ReviewStore(db), settings, deps.clock ?? systemClock, deps.out ?? ((s) => process.stdout.write(s)), loadParameters(db));
    const started = session;
    await withInterrupt(() => started.run(), () => started.printSummary());
  } catch (error) {
    // A disk that fills up (or damage deeper in the file than its header) only shows when a
    // page is written or read: every answer before it is committed, so end with the summary.
    if (!isDbIoError(error)) throw error;
    try {
      session?.printSummary();
    } catch {
      // The summary reads the same database; what the person needs is the sentence below.
    }
    throw new UsageError(`${settings.dbPath}: ${describeDbError(error)}; the answer on screen was not saved (every answer before it is)`);
  } finally {
    db.close();
    cards.close();
  }
}

interface Answered {
  reviewId: number;
  entry: QueueEntry<ItemRef>;
  rating: number;
  becameLeech: boolean;
}

class StudySession {
  /** Each deck's scheduler: with the parameters `quizdeck optimize` adopted for it, else the defaults. */
  private readonly schedulers: DeckSchedulers;
  private readonly deckIds: string[];
  private readonly titles: Map<string, string>;
  private readonly started: number;
  private readonly dayRule: DayRule;
  private queue: StudyQueue<ItemRef>;
  /** Items built so far, by entry id: a card is read and expanded when first shown. */
  private readonly items = new Map<string, StudyItem>();
  private history: Answered[] = [];
  private leeches = 0;
  private notice = '';
  private readonly raw = rawModeBetweenPrompts();
  /** The screen's words: --lang, else the decks' language (English for decks of several). */
  private readonly m: Messages;

  constructor(private readonly outlines: DeckOutline[], private readonly cards: CardReader, private readonly store: ReviewStore, private readonly settings: Settings, private readonly clock: Clock, private readonly out: (s: string) => void, fitted: ReadonlyMap<string, readonly number[]> = new Map()) {
    this.dayRule = { startHour: settings.dayStartHour, utcOffsetMinutes: (time) => clock.utcOffsetMinutes(time) };
    this.deckIds = outlines.map((o) => o.deck.deck);
    this.schedulers = deckSchedulers(this.deckIds, fitted, (weights) => createScheduler({ retention: settings.retention, maximumIntervalDays: settings.maximumIntervalDays, day: this.dayRule, weights }));
    this.titles = new Map(outlines.map((o) => [o.deck.deck, o.deck.title]));
    this.m = messagesFor(screenLanguage(settings.lang, outlines.map((o) => o.deck.lang)));
    this.started = clock.now();
    this.queue = this.buildQueue(this.started);
  }

  private day(now: number) {
    return studyDay(now, this.dayRule.startHour, this.dayRule.utcOffsetMinutes);
  }

  /** The queue from what the database says now; rebuilt after an undo so limits and burying stay exact. */
  private buildQueue(now: number): StudyQueue<ItemRef> {
    const day = this.day(now);
    const { states, notDue } = this.store.loadQueueStates(this.deckIds, day.end);
    return new StudyQueue({
      // References only: a card is read and expanded when it is shown (see itemOf).
      items: itemRefs(this.outlines, notDue),
      states,
      notDue,
      reviewedToday: this.store.reviewedDuring(this.deckIds, day),
      doneToday: this.store.doneDuring(day),
      limits: { newPerDay: this.settings.newPerDay, reviewsPerDay: this.settings.reviewsPerDay },
      day,
      now,
      retrievability: this.schedulers.retrievability(states),
    });
  }

  async run(): Promise<void> {
    try {
      await this.loop();
    } finally {
      this.raw.release();
    }
  }

  private async loop(): Promise<void> {
    for (;;) {
      const shownAt = this.clock.now();
      const entry = this.queue.next(shownAt);
      if (!entry) {
        this.out(CLEAR_SCREEN + (this.history.length === 0 ? `${this.m.study.nothingToStudy}\n\n` : chalk.green(`${this.m.study.doneForNow}\n\n`)));
        this.printSummary();
        return;
      }
      const step = await this.study(entry, shownAt);
      if (step === 'quit') {
        this.out('\n');
        this.printSummary();
        return;
      }
    }
  }

  private itemOf(entry: QueueEntry<ItemRef>): StudyItem {
    let item = this.items.get(entry.id);
    if (!item) this.items.set(entry.id, (item = resolveItem(this.outlines, entry.item, this.cards.card(entry.item.deckId, entry.item.card))));
    return item;
  }

  /** Shows one card, takes the answer and the grade, and saves them. */
  private async study(entry: QueueEntry<ItemRef>, shownAt: number): Promise<'next' | 'quit'> {
    const width = terminalColumns();
    const item = this.itemOf(entry);
    const header = formatHeader({ deckId: item.deckId, deckTitle: this.titles.get(item.deckId) ?? '', position: this.history.length + 1, counts: this.queue.counts(shownAt), width }, this.m);
    this.out(`${CLEAR_SCREEN}${header}${this.notice}\n${formatQuestion(item, width, this.m)}\n`);
    this.notice = '';
    const asked = await askItem(item, { type: this.settings.type, shuffleSeed: `${item.deckId}/${item.key}:${entry.state?.memory.reps ?? 0}`, messages: this.m });
    this.raw.hold();
    if (asked.action !== 'answered') return asked.action === 'quit' ? 'quit' : this.undo();
    const answeredAt = this.clock.now();
    this.out(`\n${formatFeedback(item, this.answerText(item), asked.feedback, width, this.m)}\n`);
    const suggested = asked.suggested ?? suggestedGrade(asked.correct);
    const graded = await askGrade(gradeOptions(this.schedulers.of(item.deckId), entry, answeredAt, this.m), suggested, this.m);
    this.raw.hold();
    if (graded.action === 'undo') return this.undo();
    // q after an answer quizdeck checked keeps that answer, graded as suggested: quitting used to
    // drop it silently (issue 12). A self-graded card has no suggestion, so q leaves it unanswered.
    const grade = graded.action === 'grade' ? graded.grade : suggested;
    if (grade === undefined) return 'quit';
    const outcome = gradeEntry(this.schedulers.of(item.deckId), entry, grade, answeredAt);
    const reviewId = this.store.record({ deckId: item.deckId, cardKey: item.key, cardId: item.cardId, rating: grade, reviewedAt: answeredAt, durationMs: answeredAt - shownAt, before: outcome.before, after: outcome.after });
    this.queue.answered(entry, outcome.after);
    this.history.push({ reviewId, entry, rating: grade, becameLeech: outcome.becameLeech });
    if (outcome.becameLeech) {
      this.leeches++;
      this.notice = chalk.yellow(`${this.m.study.leech(item.cardId, item.deckId, outcome.after.memory.lapses)}\n`);
    }
    return graded.action === 'quit' ? 'quit' : 'next';
  }

  /** The card's answer as the screen says it: True and False in the screen's language. */
  private answerText(item: StudyItem): string {
    return item.kind === 'truefalse' ? (item.correct ? this.m.trueWord : this.m.falseWord) : itemAnswerText(item);
  }

  /** Takes back the last answer of this session and shows that card again. */
  private undo(): 'next' {
    const last = this.history.pop();
    if (!last) {
      this.notice = chalk.yellow(`${this.m.study.nothingToUndo}\n`);
      return 'next';
    }
    this.store.undo(last.reviewId);
    if (last.becameLeech) this.leeches--;
    this.queue = this.buildQueue(this.clock.now());
    this.queue.prioritize(last.entry.id);
    // Named by its question, cut to one short line: an id like `hv-io-order:c2` means nothing on screen.
    const prompt = this.itemOf(last.entry).prompt.replace(/\s+/g, ' ').trim();
    const question = prompt.length > 60 ? `${prompt.slice(0, 59)}…` : prompt;
    this.notice = chalk.yellow(`${wrapText(neutralizeLine(this.m.study.undid(question)), terminalColumns()).join('\n')}\n`);
    return 'next';
  }

  printSummary(): void {
    const now = this.clock.now();
    // Tomorrow's end from tomorrow's own boundaries: a day across a DST change is 23 or 25 hours.
    const tomorrow = this.day(this.day(now).end).end;
    const later = this.queue.learningLater(now);
    this.out(
      formatSummary({
        studied: this.history.length,
        again: this.history.filter((h) => h.rating === 1).length,
        elapsedMs: now - this.started,
        dueTomorrow: this.store.dueBefore(this.deckIds, tomorrow),
        learningLater: later.count,
        learningFirstInMs: later.firstInMs,
        leeches: this.leeches,
      }, this.m),
    );
  }
}
