import type { Messages } from '../messages/index.js';
import type { StudyDay } from '../schedule/day.js';
import type { GradeValue } from '../schedule/fsrs.js';
import { GRADES } from '../schedule/fsrs.js';
import { gradeOptions, type GradeOption } from '../schedule/grade.js';
import type { QueueCounts, QueueItem } from '../schedule/queue.js';
import {
  queueCounts,
  reviewNotRecorded,
  sessionFacts,
  startSession,
  step,
  type CramRecord,
  type QueueSnapshot,
  type ReviewRecord,
  type SessionConfig,
  type SessionEnd,
  type SessionFacts,
  type Shown,
  type Step,
  type StudyEffect,
  type StudyEvent,
  type StudyState,
} from './session.js';

/**
 * The loop of a study session: it connects the state machine (`session.ts`) to a UI and a
 * review store given as interfaces, so the command only wires the terminal and SQLite ones and
 * tests drive whole sessions with fakes and a fake clock.
 */

/** What the study screens need of the terminal. */
export interface StudyUi<T extends QueueItem> {
  /** Shows the card, with what is said above it and the session's progress, and takes the answer. */
  ask(card: CardOnScreen<T>): Promise<AskAnswer>;
  /** After the answer: the grades with their intervals, `suggested` preselected when the answer was checked. */
  grade(
    card: CardOnScreen<T>,
    options: readonly GradeOption[],
    suggested: GradeValue | undefined,
  ): Promise<GradeAnswer>;
  /** The session is over: why, and what it did. */
  finish(end: SessionEnd, summary: SessionSummary): void;
}

/** `suggested`: the grade the checked answer suggests (Good right, Hard almost, Again wrong); none when self-graded. */
export type AskAnswer = { action: 'answered'; suggested?: GradeValue } | { action: 'undo' } | { action: 'quit' };
export type GradeAnswer = { action: 'grade'; grade: GradeValue } | { action: 'undo' } | { action: 'quit' };

/** The review database as a study session uses it. */
export interface StudyStore {
  /**
   * What the queue is built from for the study day `day`: the states of the items due or in
   * learning, or with `every` the state of every item (cram orders them all by recall; an exam
   * plan pulls reviews forward that are not due).
   */
  snapshot(deckIds: readonly string[], day: StudyDay, every: boolean): QueueSnapshot;
  /** Stores a review and the item's new state; returns the review's id. */
  record(review: ReviewRecord): number;
  /** Takes a review back and restores the item's state before it. */
  undo(reviewId: number): void;
  /** Items of these decks in review (not new, not in learning steps) due before `time`. */
  dueBefore(deckIds: readonly string[], time: number): number;
  /** Stores one answer of a cram session, apart from the reviews; returns its id. */
  recordCram(answer: CramRecord): number;
  undoCram(id: number): void;
}

export interface CardOnScreen<T extends QueueItem> extends Shown<T> {
  counts: QueueCounts;
  /** Items done for today in this session, and what is left: the progress bar. */
  finished: number;
  left: number;
}

export interface SessionSummary extends Omit<SessionFacts, 'tomorrowEnd'> {
  /** Items in review due by the end of tomorrow (learning steps are in `learningLater`). */
  dueTomorrow: number;
}

/** Cram's grades: Again brings the item back in this session, the others end it for the session. */
function cramGradeOptions(m: Messages): GradeOption[] {
  return GRADES.map((grade) => ({
    grade,
    name: m.study.grades[grade - 1]!,
    interval: grade === 1 ? m.study.cramAgain : m.study.cramDone,
  }));
}

export interface StudyPorts<T extends QueueItem> {
  ui: StudyUi<T>;
  store: StudyStore;
  now: () => number;
  messages: Messages;
}

export interface StudyDriver {
  run(): Promise<SessionEnd>;
  /** What the session did so far (also after an interrupt). */
  summary(end?: SessionEnd): SessionSummary;
}

export function createStudyDriver<T extends QueueItem>(config: SessionConfig<T>, ports: StudyPorts<T>): StudyDriver {
  const { ui, store, now } = ports;
  /** Session refs to stored review ids. */
  const stored = new Map<number, number>();
  let state: StudyState<T>;

  const perform = (effect: StudyEffect) => {
    switch (effect.type) {
      case 'load': {
        const snapshot = store.snapshot(config.deckIds, effect.day, effect.scope === 'all');
        const at = now();
        // `loaded` has no effects of its own.
        const exam = effect.newDay ? config.exam?.(at) : undefined;
        state = step(state, { type: 'loaded', snapshot, now: at, exam }).state;
        return;
      }
      case 'cram':
        stored.set(effect.ref, store.recordCram(effect.answer));
        return;
      case 'uncram':
        store.undoCram(stored.get(effect.ref)!);
        stored.delete(effect.ref);
        return;
      case 'record':
        stored.set(effect.ref, store.record(effect.review));
        return;
      case 'unrecord':
        store.undo(stored.get(effect.ref)!);
        stored.delete(effect.ref);
    }
  };
  const apply = (next: Step<T>) => {
    const before = state;
    state = next.state;
    for (const effect of next.effects) {
      try {
        perform(effect);
      } catch (error) {
        // An answer the store could not keep (a full disk) was not given: the summary must not count it.
        if (effect.type === 'record' || effect.type === 'cram') state = before;
        if (effect.type === 'record') reloadQueue();
        throw error;
      }
    }
  };
  const send = (event: StudyEvent) => apply(step(state, event));
  /** After a review that was not saved: the queue as the store has it (reading still works on a full disk). */
  const reloadQueue = () => {
    const before = state;
    try {
      const next = reviewNotRecorded(state);
      state = next.state;
      for (const effect of next.effects) perform(effect);
    } catch {
      state = before;
    }
  };

  const summary = (end?: SessionEnd): SessionSummary => {
    const { tomorrowEnd, ...facts } = sessionFacts(state, now(), end === 'quit');
    return { ...facts, dueTomorrow: store.dueBefore(config.deckIds, tomorrowEnd) };
  };

  /** One card: its answer, then its grade. */
  const study = async (shown: Shown<T>) => {
    const counts = queueCounts(state, shown.shownAt);
    const card: CardOnScreen<T> = {
      ...shown,
      counts,
      finished: state.finished,
      left: counts.new + counts.learning + counts.due,
    };
    const asked = await ui.ask(card);
    if (asked.action !== 'answered') return send({ type: asked.action, now: now() });
    // The review is dated when the answer was given, not when the grade was picked.
    const answeredAt = now();
    const options = config.cram
      ? cramGradeOptions(ports.messages)
      : gradeOptions(config.schedulers.of(shown.entry.item.deckId), shown.entry, answeredAt, ports.messages);
    const graded = await ui.grade(card, options, asked.suggested);
    if (graded.action === 'undo') return send({ type: 'undo', now: now() });
    // q after an answer quizdeck checked keeps that answer, graded as suggested: quitting used to
    // drop it silently (issue 12). A self-graded card has no suggestion, so q leaves it unanswered.
    const grade = graded.action === 'grade' ? graded.grade : asked.suggested;
    if (grade !== undefined) send({ type: 'grade', grade, now: answeredAt });
    if (graded.action === 'quit') send({ type: 'quit', now: now() });
  };

  return {
    async run() {
      apply(startSession(config, now()));
      while (state.phase !== 'over') {
        send({ type: 'show', now: now() });
        if (state.phase === 'asking') await study(state.current!);
      }
      const end = state.end!;
      ui.finish(end, summary(end));
      return end;
    },
    summary,
  };
}
