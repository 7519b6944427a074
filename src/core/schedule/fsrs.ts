import {
  computeDecayFactor,
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  Rating,
  State,
  StrategyMode,
  type AbstractScheduler,
  type Card,
  type FSRS,
  type Grade,
} from 'ts-fsrs';
import { DAY, fromStudyTime, studyDaysBetween, toStudyTime, UTC_DAY_RULE, type DayRule } from './day.js';

/**
 * The only place that talks to ts-fsrs: its snake_case cards and Dates stay in here; the rest
 * of quizdeck sees `CardMemory` (times in epoch milliseconds) and grades 1–4.
 */

export type GradeValue = 1 | 2 | 3 | 4;
export const GRADES: readonly GradeValue[] = [1, 2, 3, 4];

/** 0 new, 1 learning, 2 review, 3 relearning — the numbers stored in the database. */
export type MemoryState = 0 | 1 | 2 | 3;
export const STATE_NEW = 0;
export const STATE_LEARNING = 1;
export const STATE_REVIEW = 2;
export const STATE_RELEARNING = 3;

export interface CardMemory {
  state: MemoryState;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

export interface SchedulerOptions {
  /** Desired retention, 0 < r < 1. */
  retention: number;
  maximumIntervalDays: number;
  /** Where study days begin: elapsed days are counted in study days (default 4 a.m. UTC). */
  day?: DayRule;
  /** FSRS-6 parameters fitted to the learner (`quizdeck optimize`); FSRS-6's defaults when absent. */
  weights?: readonly number[];
}

/** FSRS-6's default parameters (21 numbers). */
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { retention: 0.9, maximumIntervalDays: 36500 };

export interface Scheduler {
  /** The memory after answering `grade` at `now`. `seedKey` names the card so the interval fuzz repeats. */
  answer(memory: CardMemory, seedKey: string, now: number, grade: GradeValue): CardMemory;
  /** What each grade would give, for showing intervals on the grade buttons. */
  preview(memory: CardMemory, seedKey: string, now: number): Record<GradeValue, CardMemory>;
  /** Probability of recall at `now` (1 for a new card). */
  retrievability(memory: CardMemory, now: number): number;
}

type SeededCard = Card & { seed_key: string };

// Fuzz is seeded from the card's key and its review count instead of the clock, so the
// same card answered the same way at the same time always gets the same interval.
function seedFromCardKey(this: AbstractScheduler): string {
  const current = this.current as SeededCard;
  return `${current.seed_key}:${current.reps}`;
}

export function createScheduler(options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS): Scheduler {
  const day = options.day ?? UTC_DAY_RULE;
  const f: FSRS = fsrs(
    generatorParameters({
      request_retention: options.retention,
      maximum_interval: options.maximumIntervalDays,
      ...(options.weights ? { w: [...options.weights] } : {}),
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
    }),
  ).useStrategy(StrategyMode.SEED, seedFromCardKey);
  // ts-fsrs@5's `next` has no elapsed-days argument: it counts days between the *UTC calendar
  // dates* of `last_review` and `now` (dateDiffInDays). Given real instants, two answers at
  // 07:55 and 08:05 in Shanghai (23:55 and 00:05 UTC) were a day apart: S 7.3 and a 5-day
  // interval instead of S 2.3 and 2 days. So it is given study times (see day.ts), whose UTC
  // dates are study days: its elapsed days, fuzz range and day intervals are then counted in
  // study days, and the result is mapped back to real instants. (FSRSAlgorithm.next_state
  // takes elapsed days directly, but leaves learning steps, fuzz and intervals to us.)
  const next = (memory: CardMemory, seedKey: string, now: number, grade: GradeValue): CardMemory => {
    const at = toStudyTime(now, day);
    const card = { ...toStudyCard(memory, at, day), seed_key: seedKey } as SeededCard;
    const after = capInterval(
      fromCard(f.next(card, new Date(at), grade as Grade).card),
      at,
      options.maximumIntervalDays,
    );
    return { ...after, lastReview: now, due: fromStudyDue(after.due, at, now, day) };
  };
  return {
    answer: next,
    preview: (memory, seedKey, now) => ({
      1: next(memory, seedKey, now, 1),
      2: next(memory, seedKey, now, 2),
      3: next(memory, seedKey, now, 3),
      4: next(memory, seedKey, now, 4),
    }),
    // ts-fsrs's forgetting curve over the study days since the last review, the same count its
    // scheduling uses (its own get_retrievability counts 24-hour periods instead, and makes
    // Date objects and card copies: a session computes this for every due review at launch).
    retrievability: (memory, now) => {
      if (memory.state === STATE_NEW) return 1;
      const days = memory.lastReview === null ? 0 : Math.max(studyDaysBetween(memory.lastReview, now, day), 0);
      return f.forgetting_curve(days, +memory.stability.toFixed(8));
    },
  };
}

/**
 * The card in study time. A last review after `at` (the clock was set back, or another
 * session's clock ran ahead) counts as made now: ts-fsrs throws "Invalid delta_t -1" on a
 * negative day count, and no time has passed that the memory could have decayed over.
 */
function toStudyCard(m: CardMemory, at: number, day: DayRule): Card {
  const card = toCard(m);
  card.due = new Date(toStudyTime(m.due, day));
  if (m.lastReview !== null) card.last_review = new Date(Math.min(toStudyTime(m.lastReview, day), at));
  return card;
}

/**
 * A due time from ts-fsrs back to a real instant. Whole-day intervals keep their local time
 * of day (a 2-day interval across a DST change is 47 or 49 hours, and stays in the study day
 * it was meant for); learning steps (minutes) stay that many real minutes from `now`.
 */
function fromStudyDue(due: number, at: number, now: number, day: DayRule): number {
  const delta = due - at;
  return delta > 0 && delta % DAY === 0 ? fromStudyTime(due, day) : now + delta;
}

// ts-fsrs keeps Hard < Good < Easy by adding a day after clamping, which can overshoot the
// maximum interval by up to two days; the maximum is a promise to the person, so hold it.
function capInterval(memory: CardMemory, at: number, maximumDays: number): CardMemory {
  if (memory.state !== STATE_REVIEW || memory.scheduledDays <= maximumDays) return memory;
  return { ...memory, scheduledDays: maximumDays, due: at + maximumDays * DAY };
}

/** Stability (days) and difficulty (1–10): what FSRS carries from one review to the next. */
export interface MemoryModelState {
  stability: number;
  difficulty: number;
}

export interface MemoryModel {
  /** The memory after a review graded `grade`, `elapsedDays` study days after the previous one (`null` before the first). */
  next(state: MemoryModelState | null, elapsedDays: number, grade: GradeValue): MemoryModelState;
  /** Probability of recall `elapsedDays` after a review that left `stability`: the scheduler's `retrievability`. */
  recall(elapsedDays: number, stability: number): number;
  /**
   * The interval in whole days the scheduler gives a memory of `stability` for `retention`
   * (before its fuzz): when recall is predicted to fall to `retention`, at least a day.
   */
  intervalDays(stability: number, retention: number, maximumDays: number): number;
  /** The mean probability of recall from `fromDays` to `toDays` after a review that left `stability`, with no review between. */
  meanRecall(fromDays: number, toDays: number, stability: number): number;
}

/**
 * FSRS's memory model alone, with the scheduler's settings (short-term stability on), for
 * replaying a review log fast: `answer` builds Dates and cards and fuzzes intervals, none of
 * which the stability and difficulty depend on.
 */
export function createMemoryModel(weights: readonly number[] = DEFAULT_WEIGHTS): MemoryModel {
  const f = fsrs(generatorParameters({ w: [...weights], enable_short_term: true }));
  const modifiers = new Map<number, number>();
  const { decay, factor } = computeDecayFactor(f.parameters.w);
  return {
    next: (state, elapsedDays, grade) => f.next_state(state, Math.max(elapsedDays, 0), grade),
    recall: (elapsedDays, stability) => f.forgetting_curve(Math.max(elapsedDays, 0), +stability.toFixed(8)),
    // ts-fsrs's next_interval without its fuzz, for any retention (its own is fixed per instance).
    intervalDays: (stability, retention, maximumDays) => {
      let modifier = modifiers.get(retention);
      if (modifier === undefined) modifiers.set(retention, (modifier = f.calculate_interval_modifier(retention)));
      return Math.min(Math.max(1, Math.round(stability * modifier)), maximumDays);
    },
    // The integral of the forgetting curve R(t) = (1 + factor·t/S)^decay, over the span.
    meanRecall: (fromDays, toDays, stability) => {
      if (toDays <= fromDays) return f.forgetting_curve(Math.max(fromDays, 0), stability);
      const k = factor / stability;
      const integral = (t: number) => Math.pow(1 + k * t, decay + 1) / (k * (decay + 1));
      return (integral(toDays) - integral(fromDays)) / (toDays - fromDays);
    },
  };
}

/**
 * FSRS-6's forgetting curve R(t, S) = (1 + factor·t/S)^(-decay), decay = w[20] and
 * factor = 0.9^(-1/decay) − 1, as a closed form of ts-fsrs's `forgetting_curve` with its
 * rounding (the factor, S and R to 8 decimals) and its parameter handling (w[20] from the
 * parameters as the scheduler's FSRS instance clips them), so it returns exactly what
 * `createScheduler(...).retrievability` does for a review state `t` study days after the last
 * review. `stats` asks it once per review of the log: through ts-fsrs that was a sixth of its
 * time over 500k reviews (a bound call and a fresh {decay, factor} object per review).
 */
export function createForgettingCurve(weights?: readonly number[]): (elapsedDays: number, stability: number) => number {
  const w = fsrs(
    generatorParameters({
      ...(weights ? { w: [...weights] } : {}),
      enable_short_term: true,
      relearning_steps: ['10m'],
    }),
  ).parameters.w;
  const decay = -w[20]!;
  const factor = roundTo8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
  return (elapsedDays, stability) =>
    roundTo8(Math.pow(1 + (factor * Math.max(elapsedDays, 0)) / fixed8(stability), decay));
}

// ts-fsrs's roundTo(x, 8), to the bit.
function roundTo8(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}

/**
 * `+x.toFixed(8)` for x > 0, without the string (a third of the curve's time). Both are
 * n / 1e8 correctly rounded, n the nearest integer to x·1e8 (halves up); x·1e8 in floating
 * point is off by at most half a unit in the last place (< 0.001 below 2^43), which changes n
 * only next to a half: there, and for large x, toFixed decides.
 */
function fixed8(x: number): number {
  const y = x * 1e8;
  return y < 2 ** 43 && Math.abs(y - Math.floor(y) - 0.5) > 0.01 ? Math.round(y) / 1e8 : +x.toFixed(8);
}

export function newMemory(now: number): CardMemory {
  return fromCard(createEmptyCard(new Date(now)));
}

function toCard(m: CardMemory): Card {
  return {
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state as State,
    last_review: m.lastReview === null ? undefined : new Date(m.lastReview),
  };
}

function fromCard(c: Card): CardMemory {
  return {
    state: c.state as MemoryState,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

// Keep Rating in sync with our grade numbers; a ts-fsrs change here would silently mis-grade.
if (Rating.Again !== 1 || Rating.Easy !== 4 || State.Relearning !== 3)
  throw new Error('ts-fsrs Rating/State numbering changed');
