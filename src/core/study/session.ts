import type { DeckSchedulers } from '../optimize/deckSchedulers.js';
import { studyDay, type DayRule, type StudyDay } from '../schedule/day.js';
import type { GradeValue } from '../schedule/fsrs.js';
import { gradeEntry } from '../schedule/grade.js';
import {
  isLearning,
  StudyQueue,
  type DailyCounts,
  type ItemState,
  type Limits,
  type QueueCounts,
  type QueueEntry,
  type QueueItem,
} from '../schedule/queue.js';
import { CramQueue } from './cram.js';

/**
 * A study session as a state machine: `step(state, event)` gives the next state and the effects
 * the shell must carry out (load the queue's data, record a review, take one back). Time comes in
 * with each event and nothing here reads a clock, a disk or a terminal, so whole sessions can be
 * driven in tests with a fake clock (see `drive.ts` for the loop that connects it to a UI and a
 * store).
 *
 * The queue (`StudyQueue`) is owned by the state: a step may update it in place, and the state
 * it belonged to is not used again.
 */

/** What the review store knows at the start of a study day: the queue is built from it. */
export interface QueueSnapshot {
  /** By deck id, then item key; items never answered have none. */
  states: ReadonlyMap<string, ReadonlyMap<string, ItemState>>;
  /** By deck id: keys of items answered before whose next review is after this study day. */
  notDue: ReadonlyMap<string, ReadonlySet<string>>;
  /** By `cardRef(deckId, cardId)`: keys answered since the day started (their siblings wait). */
  reviewedToday: ReadonlyMap<string, ReadonlySet<string>>;
  /** By deck id: new cards and reviews already done today, in earlier sessions too. */
  doneToday: ReadonlyMap<string, DailyCounts>;
}

export interface SessionConfig<T extends QueueItem> {
  deckIds: readonly string[];
  /** The session's items, skipping those not due (a large collection is mostly those). */
  items(notDue: ReadonlyMap<string, ReadonlySet<string>>): readonly T[];
  limits: Limits;
  dayRule: DayRule;
  schedulers: DeckSchedulers;
  /** `study --cram`: every item now, lowest recall first, answers kept apart and no schedule changed. */
  cram?: boolean;
  /**
   * `study --exam`: the study day's part of the exam plan, made by the shell when a study day is
   * first loaded (a session that runs past 4 a.m. plans the new day; an undo keeps the plan).
   */
  exam?: (now: number) => ExamToday;
}

/** What an exam plan changes in today's session (see `core/exam/today.ts`). */
export interface ExamToday {
  /** By deck id: today's new-item limit from the plan (never above --new). */
  newLimitByDeck: ReadonlyMap<string, number>;
  /** By deck id: items in review pulled forward to today, shown after the due reviews. */
  extraReviews: ReadonlyMap<string, ReadonlySet<string>>;
  /** Said above the first card. */
  announce: ExamAnnouncement;
}

export interface ExamAnnouncement {
  /** The exam's date (YYYY-MM-DD) and the study days before it, today included. */
  exam: string;
  daysLeft: number;
  /** New items today (all decks), and reviews pulled forward to today. */
  newToday: number;
  pulled: number;
  /** Whether the whole plan fits the limits. */
  feasible: boolean;
}

/** One review as the store records it. */
export interface ReviewRecord {
  deckId: string;
  cardKey: string;
  cardId: string;
  rating: GradeValue;
  reviewedAt: number;
  durationMs: number;
  before: ItemState | null;
  after: ItemState;
}

/** One answer of a cram session: kept apart from the reviews, it changes no schedule. */
export interface CramRecord {
  /** When the cram session started: its answers together are one session. */
  session: number;
  deckId: string;
  cardKey: string;
  cardId: string;
  rating: GradeValue;
  answeredAt: number;
  durationMs: number;
}

/** Told to the person above the next card. */
export type Notice<T> =
  | { kind: 'leech'; deckId: string; cardId: string; lapses: number }
  | { kind: 'nothingToUndo' }
  | { kind: 'undid'; item: T }
  | { kind: 'newDay' }
  | ({ kind: 'exam' } & ExamAnnouncement);

export interface Answered<T extends QueueItem> {
  /** The session's own number for the review: the shell maps it to the stored row. */
  ref: number;
  entry: QueueEntry<T>;
  grade: GradeValue;
  becameLeech: boolean;
  /** The item is done for today: it left the learning steps (or never entered them). */
  finished: boolean;
  /** Cram: the item was waiting after an Again when it was answered. */
  wasAgain?: boolean;
}

/** The card on screen: when it was shown and what was said above it. */
export interface Shown<T extends QueueItem> {
  entry: QueueEntry<T>;
  shownAt: number;
  notices: readonly Notice<T>[];
  /** 1-based number of this card in the session. */
  position: number;
}

export type SessionEnd = 'done' | 'empty' | 'quit';

export interface StudyState<T extends QueueItem> {
  readonly config: SessionConfig<T>;
  readonly started: number;
  /** The study day the queue was built for. */
  readonly day: StudyDay;
  /** Null until the store's data for the day arrives (`loaded`), and in a cram session. */
  readonly queue: StudyQueue<T> | null;
  /** A cram session's queue, once loaded. */
  readonly cram: CramQueue<T> | null;
  /** `study --exam`: the study day's part of the plan, made when the day is first loaded. */
  readonly exam: ExamToday | null;
  readonly history: readonly Answered<T>[];
  readonly leeches: number;
  /** Items done for today in this session: with what is left, the session's progress. */
  readonly finished: number;
  readonly nextRef: number;
  readonly notices: readonly Notice<T>[];
  /** Shown first once the queue is rebuilt (the card whose answer was undone). */
  readonly prioritize: string | null;
  readonly current: Shown<T> | null;
  readonly phase: 'loading' | 'ready' | 'asking' | 'over';
  readonly end: SessionEnd | null;
}

export type StudyEvent =
  | { type: 'loaded'; snapshot: QueueSnapshot; now: number; exam?: ExamToday }
  | { type: 'show'; now: number }
  | { type: 'grade'; grade: GradeValue; now: number }
  | { type: 'undo'; now: number }
  | { type: 'quit'; now: number };

/** `load`: the store's data for the day (`due`), or the states of every item (`all`, for cram). */
export type StudyEffect =
  /** `newDay`: the day's first load (the exam plan is made for it); not after an undo. */
  | { type: 'load'; day: StudyDay; scope: 'due' | 'all'; newDay: boolean }
  | { type: 'record'; ref: number; review: ReviewRecord }
  | { type: 'unrecord'; ref: number }
  | { type: 'cram'; ref: number; answer: CramRecord }
  | { type: 'uncram'; ref: number };

export interface Step<T extends QueueItem> {
  state: StudyState<T>;
  effects: StudyEffect[];
}

export function dayOf(config: Pick<SessionConfig<QueueItem>, 'dayRule'>, now: number): StudyDay {
  return studyDay(now, config.dayRule.startHour, config.dayRule.utcOffsetMinutes);
}

/** Cram and exam sessions need every item's state, a normal one only those due or in learning. */
const scopeOf = (config: SessionConfig<QueueItem>): 'due' | 'all' => (config.cram || config.exam ? 'all' : 'due');

/** A new session: it asks for the day's data first. */
export function startSession<T extends QueueItem>(config: SessionConfig<T>, now: number): Step<T> {
  const day = dayOf(config, now);
  const state: StudyState<T> = {
    config,
    started: now,
    day,
    queue: null,
    cram: null,
    exam: null,
    history: [],
    leeches: 0,
    finished: 0,
    nextRef: 1,
    notices: [],
    prioritize: null,
    current: null,
    phase: 'loading',
    end: null,
  };
  return { state, effects: [{ type: 'load', day, scope: scopeOf(config), newDay: true }] };
}

export class SessionStateError extends Error {}

const expect = (ok: boolean, event: StudyEvent, state: StudyState<QueueItem>) => {
  if (!ok) throw new SessionStateError(`study session: "${event.type}" cannot happen while ${state.phase}`);
};

export function step<T extends QueueItem>(state: StudyState<T>, event: StudyEvent): Step<T> {
  switch (event.type) {
    case 'loaded':
      expect(state.phase === 'loading', event, state);
      return { state: loaded(state, event.snapshot, event.now, event.exam), effects: [] };
    case 'show':
      expect(state.phase === 'ready', event, state);
      return show(state, event.now);
    case 'grade':
      expect(state.phase === 'asking', event, state);
      return grade(state, event.grade, event.now);
    case 'undo':
      expect(state.phase === 'ready' || state.phase === 'asking', event, state);
      return undo(state, event.now);
    case 'quit':
      return { state: { ...state, current: null, phase: 'over', end: 'quit' }, effects: [] };
  }
}

function loaded<T extends QueueItem>(
  state: StudyState<T>,
  snapshot: QueueSnapshot,
  now: number,
  planned?: ExamToday,
): StudyState<T> {
  const { config, day } = state;
  // A new day's plan is announced; a reload after an undo keeps the day's plan.
  const exam = planned ?? state.exam;
  if (config.cram)
    return {
      ...state,
      cram: new CramQueue(
        config.items(new Map()),
        snapshot.states,
        now,
        config.schedulers.retrievability(snapshot.states),
      ),
      phase: 'ready',
    };
  const queue = new StudyQueue<T>({
    items: config.items(exam ? withoutKeys(snapshot.notDue, exam.extraReviews) : snapshot.notDue),
    states: snapshot.states,
    notDue: snapshot.notDue,
    reviewedToday: snapshot.reviewedToday,
    doneToday: snapshot.doneToday,
    limits: config.limits,
    newLimitByDeck: exam?.newLimitByDeck,
    extraReviews: exam?.extraReviews,
    day,
    now,
    retrievability: config.schedulers.retrievability(snapshot.states),
  });
  if (state.prioritize !== null) queue.prioritize(state.prioritize);
  const notices: readonly Notice<T>[] = planned
    ? [...state.notices, { kind: 'exam', ...planned.announce }]
    : state.notices;
  return { ...state, queue, exam, notices, prioritize: null, phase: 'ready' };
}

/** `notDue` without the items pulled forward: their cards must be among the session's items. */
function withoutKeys(
  notDue: ReadonlyMap<string, ReadonlySet<string>>,
  keep: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>(notDue);
  for (const [deck, keys] of keep) {
    const skipped = notDue.get(deck);
    if (skipped && keys.size > 0) out.set(deck, new Set([...skipped].filter((k) => !keys.has(k))));
  }
  return out;
}

function show<T extends QueueItem>(state: StudyState<T>, now: number): Step<T> {
  if (state.cram) return showEntry(state, state.cram.next(), now);
  // Past 4 a.m. the day's limits, due reviews and buried siblings start again: rebuild for the new day.
  if (now >= state.day.end) {
    const day = dayOf(state.config, now);
    return {
      state: { ...state, day, queue: null, phase: 'loading', notices: [...state.notices, { kind: 'newDay' }] },
      effects: [{ type: 'load', day, scope: scopeOf(state.config), newDay: true }],
    };
  }
  return showEntry(state, state.queue!.next(now), now);
}

function showEntry<T extends QueueItem>(state: StudyState<T>, entry: QueueEntry<T> | null, now: number): Step<T> {
  if (!entry)
    return { state: { ...state, phase: 'over', end: state.history.length === 0 ? 'empty' : 'done' }, effects: [] };
  const current: Shown<T> = { entry, shownAt: now, notices: state.notices, position: state.history.length + 1 };
  return { state: { ...state, current, notices: [], phase: 'asking' }, effects: [] };
}

function grade<T extends QueueItem>(state: StudyState<T>, value: GradeValue, now: number): Step<T> {
  const { entry, shownAt } = state.current!;
  const item = entry.item;
  if (state.cram) return gradeCram(state, state.cram, value, now);
  const outcome = gradeEntry(state.config.schedulers.of(item.deckId), entry, value, now);
  const ref = state.nextRef;
  // A clock set back between showing and answering gives 0 ms, not a negative duration.
  const review: ReviewRecord = {
    deckId: item.deckId,
    cardKey: item.key,
    cardId: item.cardId,
    rating: value,
    reviewedAt: now,
    durationMs: Math.max(0, now - shownAt),
    before: outcome.before,
    after: outcome.after,
  };
  state.queue!.answered(entry, outcome.after);
  const finished = !isLearning(outcome.after);
  const notices: Notice<T>[] = outcome.becameLeech
    ? [{ kind: 'leech', deckId: item.deckId, cardId: item.cardId, lapses: outcome.after.memory.lapses }]
    : [];
  return {
    state: {
      ...state,
      history: [...state.history, { ref, entry, grade: value, becameLeech: outcome.becameLeech, finished }],
      leeches: state.leeches + (outcome.becameLeech ? 1 : 0),
      finished: state.finished + (finished ? 1 : 0),
      nextRef: ref + 1,
      notices,
      current: null,
      phase: 'ready',
    },
    effects: [{ type: 'record', ref, review }],
  };
}

/** Cram: Again brings the item back a few cards later, any other grade ends it for the session; no schedule changes. */
function gradeCram<T extends QueueItem>(
  state: StudyState<T>,
  cram: CramQueue<T>,
  value: GradeValue,
  now: number,
): Step<T> {
  const { entry, shownAt } = state.current!;
  const { deckId, key, cardId } = entry.item;
  const ref = state.nextRef;
  const wasAgain = cram.wasAgain(entry.id);
  cram.answered(entry, value === 1);
  const answer: CramRecord = {
    session: state.started,
    deckId,
    cardKey: key,
    cardId,
    rating: value,
    answeredAt: now,
    durationMs: Math.max(0, now - shownAt),
  };
  return {
    state: {
      ...state,
      history: [...state.history, { ref, entry, grade: value, becameLeech: false, finished: value !== 1, wasAgain }],
      finished: state.finished + (value !== 1 ? 1 : 0),
      nextRef: ref + 1,
      current: null,
      phase: 'ready',
    },
    effects: [{ type: 'cram', ref, answer }],
  };
}

/** Takes back the session's last answer; the queue is rebuilt from the store so limits and burying stay exact. */
function undo<T extends QueueItem>(state: StudyState<T>, now: number): Step<T> {
  const last = state.history.at(-1);
  if (!last)
    return {
      state: { ...state, current: null, phase: 'ready', notices: [...state.notices, { kind: 'nothingToUndo' }] },
      effects: [],
    };
  if (state.cram) {
    // A cram answer changed nothing but the session's own queue: put the item back in front.
    state.cram.undo(last.entry, last.wasAgain ?? false);
    const notices: Notice<T>[] = [...state.notices, { kind: 'undid', item: last.entry.item }];
    return {
      state: {
        ...state,
        history: state.history.slice(0, -1),
        finished: state.finished - (last.finished ? 1 : 0),
        notices,
        current: null,
        phase: 'ready',
      },
      effects: [{ type: 'uncram', ref: last.ref }],
    };
  }
  const day = dayOf(state.config, now);
  return {
    state: {
      ...state,
      day,
      queue: null,
      history: state.history.slice(0, -1),
      leeches: state.leeches - (last.becameLeech ? 1 : 0),
      finished: state.finished - (last.finished ? 1 : 0),
      notices: [...state.notices.filter((n) => n.kind !== 'leech'), { kind: 'undid', item: last.entry.item }],
      prioritize: last.entry.id,
      current: null,
      phase: 'loading',
    },
    effects: [
      { type: 'unrecord', ref: last.ref },
      { type: 'load', day, scope: scopeOf(state.config), newDay: false },
    ],
  };
}

/**
 * The state after a review the store could not keep (a full disk): the state before the grade,
 * but with its queue rebuilt from the store, as after an undo, since the grade already moved the
 * card in the queue (it is updated in place) and the summary would name it as coming back.
 */
export function reviewNotRecorded<T extends QueueItem>(before: StudyState<T>): Step<T> {
  if (before.queue === null) return { state: before, effects: [] };
  return {
    state: { ...before, queue: null, current: null, phase: 'loading' },
    effects: [{ type: 'load', day: before.day, scope: scopeOf(before.config), newDay: false }],
  };
}

/** What the summary says, but the count of cards due tomorrow, which only the store knows. */
export interface SessionFacts {
  studied: number;
  again: number;
  elapsedMs: number;
  leeches: number;
  /** Learning cards due after the session's learn-ahead window, and in how long the first is. */
  learningLater: number;
  /** Unknown: "later today". */
  learningFirstInMs?: number;
  /** New cards left out today because the daily limit was reached (0 when none were). */
  newHeldBack: number;
  newPerDay: number;
  /** Due reviews left out today because the daily review limit was reached. */
  reviewsHeldBack: number;
  reviewsPerDay: number;
  /** The end of tomorrow's study day: the store counts what is due before it. */
  tomorrowEnd: number;
  /** A cram session: no schedule was changed, nothing is due because of it. */
  cram: boolean;
}

/** `quitting`: every learning card is named, not only those past the learn-ahead window (the session did not get to them). */
export function sessionFacts<T extends QueueItem>(state: StudyState<T>, now: number, quitting = false): SessionFacts {
  const later = state.queue?.learningLater(now, quitting ? -Infinity : undefined) ?? { count: 0, firstInMs: 0 };
  const held = state.queue?.heldBack() ?? { newCards: 0, reviews: 0 };
  // Tomorrow's end from tomorrow's own boundaries: a day across a DST change is 23 or 25 hours.
  const tomorrowEnd = dayOf(state.config, dayOf(state.config, now).end).end;
  return {
    studied: state.history.length,
    again: state.history.filter((h) => h.grade === 1).length,
    elapsedMs: Math.max(0, now - state.started),
    leeches: state.leeches,
    learningLater: later.count,
    learningFirstInMs: later.firstInMs,
    newHeldBack: held.newCards,
    newPerDay: state.config.limits.newPerDay,
    reviewsHeldBack: held.reviews,
    reviewsPerDay: state.config.limits.reviewsPerDay,
    tomorrowEnd,
    cram: state.config.cram ?? false,
  };
}

/** The counts of what is left, for the screen's header. */
export function queueCounts<T extends QueueItem>(state: StudyState<T>, now: number): QueueCounts {
  return state.cram ? state.cram.counts() : state.queue!.counts(now);
}
