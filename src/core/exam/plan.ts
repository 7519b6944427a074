import {
  STATE_LEARNING,
  STATE_NEW,
  STATE_RELEARNING,
  type CardMemory,
  type MemoryModelState,
} from '../schedule/fsrs.js';
import { DayIndex, type DayRule } from '../schedule/day.js';
import type { ForecastModel } from '../schedule/forecast.js';
import { dayDate, dayNumber } from '../stats/report.js';

/**
 * The exam plan (`stats --exam`, `study --exam`): from each item's FSRS memory, what to study
 * on each study day from today to the exam's so that on the exam day each item's predicted
 * recall is at least the target. Days are study days (4 a.m. to 4 a.m. local by default), as
 * the scheduler counts them; recall "on the exam day" is the scheduler's retrievability on
 * that study day, which counts whole study days and so is the same all that day.
 *
 * The rules, each the simplest one that keeps the promise:
 * - Every review is assumed answered Good (an item forgotten comes back sooner on the normal
 *   schedule, so the real work is a little more than planned).
 * - Reviews the normal schedule brings before the exam day happen on their due day (overdue
 *   ones today), at the scheduler's interval without fuzz.
 * - New items (in deck order) are spread evenly over the days before the exam day: the new
 *   items left, with those introduced earlier today, over the days left, rounded up, and
 *   never above the new-item limit. Ones with no room left are learnt on the exam day.
 * - An item whose next due day is on or after the exam day with recall below target then is
 *   pulled forward: reviewed on the last day its recall is still at or above the target (as
 *   if scheduled at the target retention), but no later than the day before the exam and not
 *   before today or twice the same day; then the normal schedule resumes from that review, and
 *   the item is checked again.
 * - The exam day itself is for cramming: every item still below target is reviewed that day.
 * Nothing here changes the stored schedule: the plan only decides what to show when.
 */

export interface ExamLimits {
  /** New items per deck per study day (study's --new). */
  newPerDay: number;
  /** Reviews per deck per study day (study's --reviews); learning steps do not count. */
  reviewsPerDay: number;
}

/** What the plan reads of an item's FSRS memory (a `CardMemory` will do). */
export type ExamMemory = Pick<
  CardMemory,
  'state' | 'due' | 'stability' | 'difficulty' | 'scheduledDays' | 'lastReview'
>;

export interface ExamDeckInput {
  id: string;
  /** Every item of the deck, in study order (new items are introduced in this order). */
  keys: readonly string[];
  /** What the database knows of the deck's items, by key; an item absent is new. */
  memories: ReadonlyMap<string, ExamMemory>;
  /** The deck's scheduler (with its fitted parameters) looked at ahead. */
  model: ForecastModel;
  /** New items introduced earlier in today's study day: they count toward today's share. */
  introducedToday?: number;
}

export interface ExamPlanInput {
  decks: readonly ExamDeckInput[];
  now: number;
  rule: DayRule;
  /** The exam's study day number (`parseExamDate`), today or later. */
  examDay: number;
  /** Recall to reach on the exam day (--exam-retention). */
  target: number;
  limits: ExamLimits;
}

export interface ExamItemPlan {
  deck: string;
  key: string;
  /** The study day the scheduler has the item due (YYYY-MM-DD); null for a new item. */
  due: string | null;
  /** Predicted recall on the exam day on the normal schedule (its reviews before then answered Good); null for a new item. */
  recall: number | null;
  /** Whether `recall` is at least the target. */
  atTarget: boolean;
  /** The day the plan introduces this new item; null for an item studied before, or one with no room before the exam day. */
  introduce: string | null;
  /** Days of the reviews the plan pulls forward, ahead of the scheduler's due day. */
  pulled: readonly string[];
  /** Predicted recall on the exam day following the plan, before any review that day; null for a new item not introduced before it. */
  planned: number | null;
  /** Below target on the exam day even so: reviewed (or learnt) that day. */
  cram: boolean;
}

export interface ExamDayLoad {
  date: string;
  /** New items to introduce. */
  new: number;
  /** Reviews the normal schedule brings (today: with the overdue and the learning steps due). */
  due: number;
  /** Reviews pulled forward to this day. */
  pulled: number;
  /** On the exam day only: reviews of items below target. */
  cram: number;
}

export interface ExamDeckPlan {
  /** Deck id; null for all decks together. */
  id: string | null;
  items: number;
  /** Items never studied. */
  new: number;
  /** New items a day before the exam day (with all decks: their sum). */
  newPerDay: number;
  /** The day the last new item is introduced; null when none is before the exam day. */
  lastNewDay: string | null;
  /** New items with no room before the exam day within the new-item limit: learnt on the exam day. */
  notIntroduced: number;
  /** Items studied before at target on the exam day on the normal schedule. */
  atTarget: number;
  /** Items at target on the exam day following the plan, before any review that day (the others are crammed). */
  plannedAtTarget: number;
  /** Items with reviews pulled forward, and those reviews. */
  pulledItems: number;
  pulledReviews: number;
  /** Items to review or learn on the exam day. */
  cram: number;
  /** Today (index 0) to the exam day (the last). */
  days: ExamDayLoad[];
}

export type ExamProblem =
  /** More new items than the new-item limit lets in before the exam day. */
  | { kind: 'new'; deck: string; remaining: number; days: number; limit: number; notIntroduced: number }
  /** Days whose reviews (due, pulled forward, crammed) are over the review limit; the busiest of them. */
  | { kind: 'reviews'; deck: string; days: number; date: string; reviews: number; limit: number };

export interface ExamPlan {
  exam: string;
  today: string;
  /** Study days before the exam's, today included: 0 when the exam is today. */
  daysLeft: number;
  target: number;
  limits: ExamLimits;
  decks: ExamDeckPlan[];
  total: ExamDeckPlan;
  /** Whether every day fits the limits and every new item is introduced before the exam day. */
  feasible: boolean;
  problems: ExamProblem[];
  /** Every item of every deck, in deck order. */
  items: ExamItemPlan[];
}

const GOOD = 3;
/** Most items have no review pulled forward: they share one empty list. */
const NONE: readonly string[] = [];

/** The plan; linear in items × reviews planned per item (at most the days left). */
export function planExam(input: ExamPlanInput): ExamPlan {
  const today = dayNumber(input.now, input.rule);
  const { examDay, target, limits } = input;
  if (!(examDay >= today)) throw new RangeError(`exam day ${examDay} is before today (${today})`);
  const span = examDay - today + 1;
  const dates = Array.from({ length: span }, (_, k) => dayDate(today + k));
  const items: ExamItemPlan[] = [];
  const problems: ExamProblem[] = [];
  const decks = input.decks.map((deck) =>
    planDeck(
      deck,
      { today, examDay, target, limits, dates, dayOf: dayIndexOf(input.rule), otherDates: new Map() },
      items,
      problems,
    ),
  );
  const total = sumDecks(decks, dates);
  return {
    exam: dates[span - 1]!,
    today: dates[0]!,
    daysLeft: span - 1,
    target,
    limits,
    decks,
    total,
    feasible: problems.length === 0,
    problems,
    items,
  };
}

/** The study day of an instant, as study's queue draws the days (each UTC day's boundaries found once). */
function dayIndexOf(rule: DayRule): (time: number) => number {
  const index = new DayIndex(rule);
  return (time) => index.of(time);
}

interface Context {
  today: number;
  examDay: number;
  target: number;
  limits: ExamLimits;
  dates: readonly string[];
  dayOf: (time: number) => number;
  otherDates: Map<number, string>;
}

/** Counts per day, today at index 0; `unlimited` holds the learning steps among `due`. */
interface Loads {
  new: Int32Array;
  due: Int32Array;
  pulled: Int32Array;
  cram: Int32Array;
  unlimited: Int32Array;
}

function planDeck(deck: ExamDeckInput, c: Context, out: ExamItemPlan[], problems: ExamProblem[]): ExamDeckPlan {
  const span = c.dates.length;
  const daysLeft = span - 1;
  const loads: Loads = {
    new: new Int32Array(span),
    due: new Int32Array(span),
    pulled: new Int32Array(span),
    cram: new Int32Array(span),
    unlimited: new Int32Array(span),
  };
  let fresh = 0;
  for (const key of deck.keys) if (isNew(deck.memories.get(key))) fresh++;
  const done = deck.introducedToday ?? 0;
  // The share of each day before the exam's (today's counts what was introduced already).
  const share = daysLeft === 0 ? 0 : Math.ceil((fresh + done) / daysLeft);
  const perDay = Math.min(share, c.limits.newPerDay);
  const todayQuota = Math.max(0, Math.min(perDay - done, fresh));
  // Every new item starts from the same memory: a first answer Good.
  const learnt = deck.model.next(null, 0, GOOD);
  const fresh0: NewItems = {
    days: newItemDays(
      deck.keys.filter((key) => isNew(deck.memories.get(key))),
      todayQuota,
      perDay,
      daysLeft,
    ),
    learnt,
    interval: deck.model.interval(learnt.stability),
  };
  const tally: Tally = {
    newIndex: 0,
    lastNew: -1,
    atTarget: 0,
    plannedAtTarget: 0,
    pulledItems: 0,
    pulledReviews: 0,
    cram: 0,
  };
  // One call an item (not one long loop body), so V8 optimises it after a few items.
  for (const key of deck.keys) out.push(planItem(deck, key, fresh0, c, loads, tally));
  const { lastNew, atTarget, plannedAtTarget, pulledItems, pulledReviews, cram } = tally;
  const notIntroduced = loads.new[daysLeft]!;
  if (notIntroduced > 0 && (daysLeft > 0 || notIntroduced + done > c.limits.newPerDay)) {
    problems.push({
      kind: 'new',
      deck: deck.id,
      remaining: fresh,
      days: daysLeft,
      limit: c.limits.newPerDay,
      notIntroduced,
    });
  }
  reviewProblem(deck.id, loads, c, problems);
  return {
    id: deck.id,
    items: deck.keys.length,
    new: fresh,
    newPerDay: daysLeft === 0 ? Math.min(fresh + done, c.limits.newPerDay) : perDay,
    lastNewDay: lastNew < 0 ? null : c.dates[lastNew]!,
    notIntroduced,
    atTarget,
    plannedAtTarget,
    pulledItems,
    pulledReviews,
    cram,
    days: dayLoads(loads, c.dates),
  };
}

interface NewItems {
  /** Each new item's day (an offset from today, in study order); `daysLeft` when there is no room before the exam day. */
  days: Int32Array;
  /** The memory after a first answer Good, and the interval it gets. */
  learnt: MemoryModelState;
  interval: number;
}

interface Tally {
  newIndex: number;
  lastNew: number;
  atTarget: number;
  plannedAtTarget: number;
  pulledItems: number;
  pulledReviews: number;
  cram: number;
}

function planItem(
  deck: ExamDeckInput,
  key: string,
  fresh: NewItems,
  c: Context,
  loads: Loads,
  tally: Tally,
): ExamItemPlan {
  const daysLeft = c.dates.length - 1;
  const memory = deck.memories.get(key);
  let result: Simulated;
  let introduce: number | null = null;
  let dueDay: number | null = null;
  if (isNew(memory)) {
    const offset = fresh.days[tally.newIndex++]!;
    if (offset < daysLeft) {
      introduce = offset;
      tally.lastNew = Math.max(tally.lastNew, offset);
      loads.new[offset]!++;
      const day = c.today + offset;
      result = simulate(deck.model, fresh.learnt, day, day + fresh.interval, false, c, loads);
      result.recall = null;
    } else {
      loads.new[daysLeft]!++;
      result = { recall: null, planned: null, pulled: [], cram: true };
    }
  } else {
    const m = memory!;
    const due = (dueDay = c.dayOf(m.due));
    const last = m.lastReview === null ? due - m.scheduledDays : c.dayOf(m.lastReview);
    const learning = m.state === STATE_LEARNING || m.state === STATE_RELEARNING;
    if (m.stability > 0 && m.difficulty >= 1)
      result = simulate(
        deck.model,
        { stability: m.stability, difficulty: m.difficulty },
        last,
        due,
        learning,
        c,
        loads,
      );
    else {
      // A memory FSRS cannot go on from: reviewed on the exam day.
      result = { recall: 0, planned: 0, pulled: [], cram: true };
      loads.cram[daysLeft]!++;
    }
  }
  const atTarget = result.recall !== null && result.recall >= c.target;
  if (atTarget) tally.atTarget++;
  if (result.planned !== null && result.planned >= c.target) tally.plannedAtTarget++;
  if (result.pulled.length > 0) {
    tally.pulledItems++;
    tally.pulledReviews += result.pulled.length;
  }
  if (result.cram) tally.cram++;
  return {
    deck: deck.id,
    key,
    due: dueDay === null ? null : dateOf(c, dueDay),
    recall: result.recall,
    atTarget,
    introduce: introduce === null ? null : c.dates[introduce]!,
    pulled: result.pulled.length === 0 ? NONE : result.pulled.map((k) => c.dates[k]!),
    planned: result.planned,
    cram: result.cram,
  };
}

/**
 * The day each new item is introduced, in study order: `todayQuota` today, then `perDay` a day,
 * and never two items of one card (a card and its reverse, a cloze's deletions) on the same
 * day, since study buries the others until the next day once one is answered: such an item
 * goes to the next day with room, and the items after it keep their order. Item keys begin
 * with their card's id (`id`, `id:reverse`, `id:c2`). Linear: the first day with room only
 * moves forward, and an item looks past it only over the days its card's items already took.
 */
export function newItemDays(keys: readonly string[], todayQuota: number, perDay: number, daysLeft: number): Int32Array {
  const days = new Int32Array(keys.length).fill(daysLeft);
  const room = new Int32Array(Math.max(daysLeft, 0));
  for (let d = 0; d < daysLeft; d++) room[d] = d === 0 ? todayQuota : perDay;
  // The last day an item of each card was put on.
  const cardDay = new Map<string, number>();
  let first = 0;
  keys.forEach((key, k) => {
    while (first < daysLeft && room[first] === 0) first++;
    const colon = key.indexOf(':');
    const card = colon < 0 ? key : key.slice(0, colon);
    const sibling = cardDay.get(card);
    let d = sibling === undefined ? first : Math.max(first, sibling + 1);
    while (d < daysLeft && room[d] === 0) d++;
    if (d >= daysLeft) return;
    days[k] = d;
    room[d]!--;
    cardDay.set(card, d);
  });
  return days;
}

/** A date the plan names; days outside it (long overdue, far ahead) as their own dates, each made once. */
function dateOf(c: Context, day: number): string {
  const k = day - c.today;
  if (k >= 0 && k < c.dates.length) return c.dates[k]!;
  let date = c.otherDates.get(day);
  if (date === undefined) c.otherDates.set(day, (date = dayDate(day)));
  return date;
}

function isNew(memory: ExamMemory | undefined): boolean {
  return memory === undefined || memory.state === STATE_NEW;
}

interface Simulated {
  recall: number | null;
  planned: number | null;
  /** Day offsets of the reviews pulled forward. */
  pulled: number[];
  cram: boolean;
}

/**
 * One item from its last review (`last`, a study day number) to the exam day, counting its
 * reviews into `loads`: the normal schedule's, then pulled-forward ones while recall on the
 * exam day stays below target.
 */
function simulate(
  model: ForecastModel,
  start: MemoryModelState,
  last: number,
  due: number,
  learning: boolean,
  c: Context,
  loads: Loads,
): Simulated {
  let state = start;
  let lastDay = last;
  let dueDay = due;
  let normal: number | null = null;
  const pulled: number[] = [];
  for (;;) {
    for (;;) {
      const day = Math.max(dueDay, c.today);
      if (day >= c.examDay) break;
      const k = day - c.today;
      loads.due[k]!++;
      if (learning && k === 0) loads.unlimited[0]!++;
      learning = false;
      state = model.next(state, day - lastDay, GOOD);
      lastDay = day;
      dueDay = day + model.interval(state.stability);
    }
    const recall = model.recall(c.examDay - lastDay, state.stability);
    normal ??= recall;
    if (recall >= c.target) {
      if (Math.max(dueDay, c.today) === c.examDay) loads.due[c.examDay - c.today]!++;
      return { recall: normal, planned: recall, pulled, cram: false };
    }
    const day = Math.max(
      c.today,
      lastDay + 1,
      Math.min(lastDay + model.daysAbove(state.stability, c.target), c.examDay - 1),
    );
    if (day >= c.examDay) {
      loads.cram[c.examDay - c.today]!++;
      return { recall: normal, planned: recall, pulled, cram: true };
    }
    pulled.push(day - c.today);
    loads.pulled[day - c.today]!++;
    state = model.next(state, day - lastDay, GOOD);
    lastDay = day;
    dueDay = day + model.interval(state.stability);
  }
}

function reviewProblem(deck: string, loads: Loads, c: Context, problems: ExamProblem[]): void {
  let over = 0;
  let worst = -1;
  let most = -1;
  for (let k = 0; k < c.dates.length; k++) {
    const reviews = loads.due[k]! - loads.unlimited[k]! + loads.pulled[k]! + loads.cram[k]!;
    if (reviews <= c.limits.reviewsPerDay) continue;
    over++;
    if (reviews > most) {
      most = reviews;
      worst = k;
    }
  }
  if (over > 0)
    problems.push({
      kind: 'reviews',
      deck,
      days: over,
      date: c.dates[worst]!,
      reviews: most,
      limit: c.limits.reviewsPerDay,
    });
}

function dayLoads(loads: Loads, dates: readonly string[]): ExamDayLoad[] {
  return dates.map((date, k) => ({
    date,
    new: loads.new[k]!,
    due: loads.due[k]!,
    pulled: loads.pulled[k]!,
    cram: loads.cram[k]!,
  }));
}

function sumDecks(decks: readonly ExamDeckPlan[], dates: readonly string[]): ExamDeckPlan {
  const days = dates.map((date) => ({ date, new: 0, due: 0, pulled: 0, cram: 0 }));
  const total: ExamDeckPlan = {
    id: null,
    items: 0,
    new: 0,
    newPerDay: 0,
    lastNewDay: null,
    notIntroduced: 0,
    atTarget: 0,
    plannedAtTarget: 0,
    pulledItems: 0,
    pulledReviews: 0,
    cram: 0,
    days,
  };
  for (const d of decks) {
    total.items += d.items;
    total.new += d.new;
    total.newPerDay += d.newPerDay;
    if (d.lastNewDay !== null && (total.lastNewDay === null || d.lastNewDay > total.lastNewDay))
      total.lastNewDay = d.lastNewDay;
    total.notIntroduced += d.notIntroduced;
    total.atTarget += d.atTarget;
    total.plannedAtTarget += d.plannedAtTarget;
    total.pulledItems += d.pulledItems;
    total.pulledReviews += d.pulledReviews;
    total.cram += d.cram;
    d.days.forEach((day, k) => {
      const t = days[k]!;
      t.new += day.new;
      t.due += day.due;
      t.pulled += day.pulled;
      t.cram += day.cram;
    });
  }
  return total;
}
