import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemRefs, outlineOf, type ItemRef } from '../../src/core/deck/outline.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { ENGLISH } from '../../src/core/messages/index.js';
import { deckSchedulers } from '../../src/core/optimize/deckSchedulers.js';
import type { DayRule } from '../../src/core/schedule/day.js';
import {
  createScheduler,
  DEFAULT_SCHEDULER_OPTIONS,
  newMemory,
  STATE_REVIEW,
  type CardMemory,
  type GradeValue,
} from '../../src/core/schedule/fsrs.js';
import type { GradeOption } from '../../src/core/schedule/grade.js';
import {
  createStudyDriver,
  type AskAnswer,
  type CardOnScreen,
  type GradeAnswer,
  type SessionSummary,
  type StudyStore,
  type StudyUi,
} from '../../src/core/study/drive.js';
import {
  SessionStateError,
  startSession,
  step,
  type SessionConfig,
  type SessionEnd,
} from '../../src/core/study/session.js';
import { openDatabase, type Db } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';
import { offsetIn } from '../helpers/zones.js';

/**
 * Whole study sessions in-process (issue 12.1): the state machine and its loop, with a scripted
 * UI, the real SQLite review store in a temporary file, and a fake clock in a given time zone.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-session-'));
  db = openDatabase(join(dir, 'q.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const basic = (id: string): Card => ({ id, q: `Question ${id}?`, a: `Answer ${id}` }) as Card;
const deckOf = (cards: Card[], id = 'd'): Deck => ({ deck: id, title: `Deck ${id}`, cards }) as Deck;

/** A clock that moves only when told to, in a time zone. */
function fakeClock(start: number, zone = 'UTC') {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => (time += ms),
    set: (t: number) => (time = t),
    utcOffsetMinutes: offsetIn(zone),
  };
}

function configOf(
  decks: Deck[],
  clock: ReturnType<typeof fakeClock>,
  limits = { newPerDay: 20, reviewsPerDay: 200 },
  cram = false,
): SessionConfig<ItemRef> {
  const outlines = decks.map(outlineOf);
  const deckIds = decks.map((d) => d.deck);
  const dayRule: DayRule = { startHour: 4, utcOffsetMinutes: clock.utcOffsetMinutes };
  const schedulers = deckSchedulers(deckIds, new Map(), (weights) =>
    createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, day: dayRule, weights }),
  );
  return { deckIds, items: (notDue) => itemRefs(outlines, notDue), limits, dayRule, schedulers, cram };
}

type Step = (card: CardOnScreen<ItemRef>) => { ask: AskAnswer; grade?: GradeAnswer; wait?: number };

/**
 * A UI that plays a script: each card shown is answered by the next step (or the last one
 * again), and the clock moves by `wait` ms before the answer is given.
 */
function scriptedUi(clock: ReturnType<typeof fakeClock>, script: Step[]) {
  const shown: CardOnScreen<ItemRef>[] = [];
  const grades: { options: readonly GradeOption[]; suggested: GradeValue | undefined }[] = [];
  let finished: { end: SessionEnd; summary: SessionSummary } | undefined;
  let pending: ReturnType<Step> | undefined;
  const ui: StudyUi<ItemRef> = {
    ask(card) {
      shown.push(card);
      if (shown.length > 200) throw new Error('the session does not end');
      pending = (script[shown.length - 1] ?? script.at(-1)!)(card);
      clock.advance(pending.wait ?? 5_000);
      return Promise.resolve(pending.ask);
    },
    grade(_card, options, suggested) {
      grades.push({ options, suggested });
      return Promise.resolve(pending?.grade ?? { action: 'grade', grade: 3 });
    },
    finish(end, summary) {
      finished = { end, summary };
    },
  };
  return { ui, shown, grades, finished: () => finished! };
}

const good: Step = () => ({ ask: { action: 'answered' } });
const undo: Step = () => ({ ask: { action: 'undo' } });
const quit: Step = () => ({ ask: { action: 'quit' } });
const answer =
  (grade: GradeValue, wait?: number): Step =>
  () => ({ ask: { action: 'answered' }, grade: { action: 'grade', grade }, wait });
const count = (sql: string) => db.prepare(sql).pluck().get() as number;

async function session(
  decks: Deck[],
  clock: ReturnType<typeof fakeClock>,
  script: Step[],
  limits?: { newPerDay: number; reviewsPerDay: number },
  store: StudyStore = new ReviewStore(db),
  cram = false,
) {
  const ui = scriptedUi(clock, script);
  const driver = createStudyDriver(configOf(decks, clock, limits, cram), {
    ui: ui.ui,
    store,
    now: clock.now,
    messages: ENGLISH,
  });
  const end = await driver.run();
  return { ...ui, end, driver };
}

describe('a study session, driven in-process', () => {
  it('new cards go through their learning steps and the session ends done, with a summary', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const s = await session([deckOf([basic('a'), basic('b')])], clock, [good, good, answer(3, 11 * MIN)]);
    expect(s.end).toBe('done');
    // a, b new; each comes back after its 10-minute learning step (learned ahead) and graduates.
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['a', 'b', 'a', 'b']);
    expect(s.shown[0]).toMatchObject({ position: 1, counts: { new: 2, learning: 0, due: 0 }, finished: 0, left: 2 });
    expect(s.shown[2]).toMatchObject({ counts: { new: 0, learning: 2, due: 0 }, finished: 0, left: 2 });
    expect(s.shown[3]).toMatchObject({ finished: 1, left: 1 });
    expect(s.finished()).toEqual({
      end: 'done',
      summary: expect.objectContaining({ studied: 4, again: 0, learningLater: 0, newHeldBack: 0, dueTomorrow: 0 }),
    });
    expect(count('SELECT count(*) FROM reviews')).toBe(4);
    expect(count(`SELECT count(*) FROM card_state WHERE state = ${STATE_REVIEW}`)).toBe(2);
  });

  it('an empty session says so: nothing new, nothing due', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const s = await session([deckOf([basic('a')])], clock, [good], { newPerDay: 0, reviewsPerDay: 200 });
    expect(s.end).toBe('empty');
    expect(s.shown).toHaveLength(0);
    expect(s.finished().summary).toMatchObject({ studied: 0, newHeldBack: 1, newPerDay: 0 });
  });

  it('names the new cards the daily limit leaves out, and counts earlier sessions of the day', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const deck = deckOf(['a', 'b', 'c', 'd'].map(basic));
    const first = await session([deck], clock, [answer(4)], { newPerDay: 2, reviewsPerDay: 200 });
    expect(first.shown.map((c) => c.entry.item.key)).toEqual(['a', 'b']);
    expect(first.finished().summary).toMatchObject({ studied: 2, newHeldBack: 2, newPerDay: 2 });
    clock.advance(HOUR);
    const second = await session([deck], clock, [good], { newPerDay: 2, reviewsPerDay: 200 });
    expect(second.end).toBe('empty');
    expect(second.finished().summary.newHeldBack).toBe(2);
  });

  it('q after a checked answer keeps it, graded as suggested; q after a revealed one keeps nothing', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const checked: Step = () => ({ ask: { action: 'answered', suggested: 2 }, grade: { action: 'quit' } });
    const s = await session([deckOf([basic('a'), basic('b')])], clock, [checked]);
    expect(s.end).toBe('quit');
    expect(s.grades[0]!.suggested).toBe(2);
    expect(db.prepare('SELECT card_key, rating FROM reviews').all()).toEqual([{ card_key: 'a', rating: 2 }]);
    // Quitting names every learning card, even one due within the learn-ahead window.
    expect(s.finished().summary).toMatchObject({ studied: 1, learningLater: 1 });

    const revealed: Step = () => ({ ask: { action: 'answered' }, grade: { action: 'quit' } });
    const t = await session([deckOf([basic('c')], 'e')], clock, [revealed]);
    expect(t.finished().summary.studied).toBe(0);
    expect(count("SELECT count(*) FROM reviews WHERE deck_id = 'e'")).toBe(0);
  });

  it('the grades offered carry their intervals, and the review is dated when the answer was given', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const slowGrade: Step = () => ({ ask: { action: 'answered' }, grade: { action: 'grade', grade: 3 } });
    let answeredAt = 0;
    const ui = scriptedUi(clock, [slowGrade]);
    const grade = ui.ui.grade.bind(ui.ui);
    ui.ui.grade = (card, options, suggested) => {
      answeredAt ||= clock.now();
      clock.advance(HOUR); // thinking about the grade does not move the review
      return grade(card, options, suggested);
    };
    const driver = createStudyDriver(configOf([deckOf([basic('a')])], clock), {
      ui: ui.ui,
      store: new ReviewStore(db),
      now: clock.now,
      messages: ENGLISH,
    });
    await driver.run();
    // FSRS-6's learning steps (1m, 10m) and a first Easy interval of days (fuzzed per card).
    expect(ui.grades[0]!.options.map((o) => `${o.name} · ${o.interval}`)).toEqual([
      'Again · 1m',
      'Hard · 6m',
      'Good · 10m',
      expect.stringMatching(/^Easy · \d+d$/),
    ]);
    expect(count('SELECT min(reviewed_at) FROM reviews')).toBe(answeredAt);
  });
});

describe('undo', () => {
  it('takes back the last answer: the review is gone, the card comes back first, named in a notice', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const s = await session([deckOf([basic('a'), basic('b'), basic('c')])], clock, [answer(1), undo, answer(4), quit]);
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['a', 'b', 'a', 'b']);
    expect(s.shown[2]!.notices).toEqual([{ kind: 'undid', item: expect.objectContaining({ key: 'a' }) }]);
    expect(db.prepare('SELECT card_key, rating FROM reviews').all()).toEqual([{ card_key: 'a', rating: 4 }]);
    expect(s.finished().summary).toMatchObject({ studied: 1, again: 0 });
  });

  it('at the grade prompt too; with nothing answered it says so and shows the card again', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const undoAtGrade: Step = () => ({ ask: { action: 'answered' }, grade: { action: 'undo' } });
    const s = await session([deckOf([basic('a'), basic('b')])], clock, [undoAtGrade, quit]);
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['a', 'a']);
    expect(s.shown[1]!.notices).toEqual([{ kind: 'nothingToUndo' }]);
    expect(count('SELECT count(*) FROM reviews')).toBe(0);
  });
});

/** A card in review, forgotten 7 times, due a few days after `t`. */
const leechToBe = (t: number): CardMemory => ({
  ...newMemory(t),
  state: STATE_REVIEW,
  stability: 3,
  difficulty: 8,
  due: t + 3 * 24 * HOUR,
  reps: 20,
  lapses: 7,
  lastReview: t,
});

/** Stores `memory` as item `key`'s state after a Good answer at `t` in deck d (a review from before the session). */
function storeReview(store: ReviewStore, t: number, key: string, memory: CardMemory): number {
  const after = { memory, leech: false };
  return store.record({
    deckId: 'd',
    cardKey: key,
    cardId: key,
    rating: 3,
    reviewedAt: t,
    durationMs: 1000,
    before: null,
    after,
  });
}

describe('leeches', () => {
  it('the 8th lapse makes a card a leech, said once above the next card; undo takes it back', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = new ReviewStore(db);
    const t = Date.parse('2026-03-01T12:00:00Z');
    storeReview(store, t, 'a', leechToBe(t));
    const s = await session([deckOf([basic('a'), basic('b')])], clock, [answer(1), good, undo, quit]);
    expect(s.shown[1]!.notices).toEqual([{ kind: 'leech', deckId: 'd', cardId: 'a', lapses: 8 }]);
    // Undoing b's answer leaves a's: still a leech. The summary counts it once.
    expect(s.finished().summary.leeches).toBe(1);
    expect(count("SELECT leech FROM card_state WHERE card_key = 'a'")).toBe(1);

    const again = await session([deckOf([basic('c')], 'e')], clock, [quit]);
    expect(again.finished().summary.leeches).toBe(0);
  });

  it('undoing the answer that made the leech takes the leech back too', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = new ReviewStore(db);
    const t = Date.parse('2026-03-01T12:00:00Z');
    storeReview(store, t, 'a', leechToBe(t));
    const s = await session([deckOf([basic('a')])], clock, [answer(1), undo, quit]);
    // a comes back in relearning (learned ahead), with the leech notice; undo takes both back.
    expect(s.shown[1]!.notices).toEqual([{ kind: 'leech', deckId: 'd', cardId: 'a', lapses: 8 }]);
    expect(s.shown[2]!.notices).toEqual([{ kind: 'undid', item: expect.objectContaining({ key: 'a' }) }]);
    expect(s.finished().summary.leeches).toBe(0);
    expect(count("SELECT leech FROM card_state WHERE card_key = 'a'")).toBe(0);
  });
});

describe('the day boundary, in every zone', () => {
  it.each([
    ['UTC', '2026-03-10T03:50:00Z'],
    ['Asia/Shanghai', '2026-03-10T03:50:00+08:00'],
    ['America/Los_Angeles', '2026-03-10T03:50:00-07:00'],
    ['Europe/Berlin', '2026-10-25T03:50:00+01:00'],
  ])('%s: a session past 4 a.m. starts the new day (its limits and due cards) and says so', async (zone, start) => {
    const clock = fakeClock(Date.parse(start), zone);
    const deck = deckOf(['a', 'b', 'c'].map(basic));
    // One new card a day: a at 3:55 (its 10-minute step, learned ahead, at 4:05), then the new
    // day allows b.
    const s = await session(
      [deck],
      clock,
      [answer(3, 5 * MIN), answer(4, 10 * MIN), () => ({ ask: { action: 'quit' } })],
      { newPerDay: 1, reviewsPerDay: 200 },
    );
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['a', 'a', 'b']);
    expect(s.shown[1]!.notices).toEqual([]);
    expect(s.shown[2]!.notices).toEqual([{ kind: 'newDay' }]);
    expect(count('SELECT count(*) FROM reviews')).toBe(2);
  });

  it('a day in Berlin across the October change lasts 25 hours: 3:30 CET still counts toward Saturday', async () => {
    const clock = fakeClock(Date.parse('2026-10-24T20:00:00+02:00'), 'Europe/Berlin');
    const deck = deckOf(['a', 'b'].map(basic));
    // Saturday's one new card at 8 p.m.; at 3:30 a.m. CET (after the change) it is still Saturday.
    await session([deck], clock, [answer(4)], { newPerDay: 1, reviewsPerDay: 200 });
    clock.set(Date.parse('2026-10-25T03:30:00+01:00'));
    const s = await session([deck], clock, [answer(4)], { newPerDay: 1, reviewsPerDay: 200 });
    expect(s.end).toBe('empty');
    clock.set(Date.parse('2026-10-25T04:00:00+01:00'));
    const sunday = await session([deck], clock, [answer(4)], { newPerDay: 1, reviewsPerDay: 200 });
    expect(sunday.shown.map((c) => c.entry.item.key)).toEqual(['b']);
  });
});

/** The real store, whose disk fills up after the first answer it records. */
function storeFullAfterOneAnswer(): StudyStore {
  const real = new ReviewStore(db);
  let writes = 0;
  return {
    snapshot: (deckIds, day, every) => real.snapshot(deckIds, day, every),
    record: (review) => {
      if (++writes > 1) throw new Error('disk full');
      return real.record(review);
    },
    undo: (id) => real.undo(id),
    dueBefore: (deckIds, time) => real.dueBefore(deckIds, time),
    recordCram: (answer) => real.recordCram(answer),
    undoCram: (id) => real.undoCram(id),
  };
}

describe('the store failing', () => {
  it('an answer the store could not keep is not counted; the error reaches the shell', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = storeFullAfterOneAnswer();
    const ui = scriptedUi(clock, [answer(4)]);
    const driver = createStudyDriver(configOf([deckOf([basic('a'), basic('b')])], clock), {
      ui: ui.ui,
      store,
      now: clock.now,
      messages: ENGLISH,
    });
    await expect(driver.run()).rejects.toThrow('disk full');
    expect(driver.summary('quit')).toMatchObject({ studied: 1 });
  });

  it('the summary names only the learning cards the store kept (the failed answer moved no card)', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = storeFullAfterOneAnswer();
    // Good on a new card: a learning step of 10 minutes, for both answers.
    const ui = scriptedUi(clock, [answer(3)]);
    const driver = createStudyDriver(configOf([deckOf([basic('a'), basic('b'), basic('c')])], clock), {
      ui: ui.ui,
      store,
      now: clock.now,
      messages: ENGLISH,
    });
    await expect(driver.run()).rejects.toThrow('disk full');
    expect(driver.summary('quit')).toMatchObject({ studied: 1, learningLater: 1 });
  });
});

describe('the state machine refuses events out of order', () => {
  it('grading with no card on screen, showing while loading', () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const started = startSession(configOf([deckOf([basic('a')])], clock), clock.now());
    expect(started.effects).toEqual([{ type: 'load', day: started.state.day, scope: 'due', newDay: true }]);
    expect(() => step(started.state, { type: 'show', now: clock.now() })).toThrow(SessionStateError);
    expect(() => step(started.state, { type: 'grade', grade: 3, now: clock.now() })).toThrow(
      '"grade" cannot happen while loading',
    );
    expect(step(started.state, { type: 'quit', now: clock.now() }).state).toMatchObject({ phase: 'over', end: 'quit' });
  });
});

/** An item in review, answered Good at `t` with this stability (days), due `stability` days later. */
function reviewedBefore(store: ReviewStore, t: number, key: string, stability: number): number {
  const memory: CardMemory = {
    ...newMemory(t),
    state: STATE_REVIEW,
    stability,
    difficulty: 5,
    due: t + stability * 24 * HOUR,
    reps: 3,
    lapses: 0,
    lastReview: t,
  };
  return storeReview(store, t, key, memory);
}

describe('study --cram', () => {
  const cram = (decks: Deck[], clock: ReturnType<typeof fakeClock>, script: Step[]) =>
    session(decks, clock, script, undefined, new ReviewStore(db), true);

  it('every item now, lowest recall first (never studied first), whatever is due; no schedule touched', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = new ReviewStore(db);
    const t = Date.parse('2026-03-01T12:00:00Z');
    const reviewed = (key: string, stability: number) => reviewedBefore(store, t, key, stability);
    reviewed('strong', 300); // recall near 1, not due for months
    reviewed('weak', 2); // recall well below 0.9, due
    const before = db.prepare('SELECT * FROM card_state ORDER BY card_key').all();
    const s = await cram([deckOf([basic('strong'), basic('weak'), basic('fresh')])], clock, [good]);
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['fresh', 'weak', 'strong']);
    expect(s.shown[0]!.counts).toEqual({ new: 1, learning: 0, due: 2 });
    expect(s.grades[0]!.options.map((o) => `${o.name} · ${o.interval}`)).toEqual([
      'Again · again soon',
      'Hard · done',
      'Good · done',
      'Easy · done',
    ]);
    expect(db.prepare('SELECT * FROM card_state ORDER BY card_key').all()).toEqual(before);
    expect(count('SELECT count(*) FROM reviews')).toBe(2);
    expect(db.prepare('SELECT card_key, rating, session FROM cram_answers ORDER BY id').all()).toEqual(
      ['fresh', 'weak', 'strong'].map((card_key) => ({
        card_key,
        rating: 3,
        session: Date.parse('2026-03-10T12:00:00Z'),
      })),
    );
    expect(s.finished()).toEqual({
      end: 'done',
      summary: expect.objectContaining({ cram: true, studied: 3, learningLater: 0, newHeldBack: 0 }),
    });
  });

  it('Again brings the item back three cards later (or last); undo puts it back in front, unanswered', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const s = await cram([deckOf(keys.map(basic))], clock, [answer(1), good, good, good, answer(1), undo, good, quit]);
    // a Again, then b c d, then a (Again again: back after e, the one card left); undo of that
    // Again shows a first, Good, then e, quit.
    expect(s.shown.map((c) => c.entry.item.key)).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'a', 'e']);
    expect(s.shown[4]!.counts).toEqual({ new: 1, learning: 1, due: 0 });
    expect(s.shown[6]!.notices).toEqual([{ kind: 'undid', item: expect.objectContaining({ key: 'a' }) }]);
    expect(db.prepare('SELECT card_key, rating FROM cram_answers ORDER BY id').all()).toEqual([
      { card_key: 'a', rating: 1 },
      { card_key: 'b', rating: 3 },
      { card_key: 'c', rating: 3 },
      { card_key: 'd', rating: 3 },
      { card_key: 'a', rating: 3 },
    ]);
    expect(s.finished().summary).toMatchObject({ cram: true, studied: 5, again: 1 });
  });
});

describe("study --exam (today's part of the plan)", () => {
  it("pulls reviews forward after the due ones and takes the plan's new-item limit; answers are ordinary reviews", async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = new ReviewStore(db);
    const t = Date.parse('2026-03-01T12:00:00Z');
    const reviewed = (key: string, stability: number) => reviewedBefore(store, t, key, stability);
    reviewed('later', 30); // due in three weeks: the plan pulls it forward
    reviewed('due', 2); // due on the normal schedule
    reviewed('untouched', 40); // not due and not pulled
    const deck = deckOf(['later', 'due', 'untouched', 'n1', 'n2'].map(basic));
    const ui = scriptedUi(clock, [answer(3)]);
    const announce = { exam: '2026-03-20', daysLeft: 10, newToday: 1, pulled: 1, feasible: true };
    const config = {
      ...configOf([deck], clock),
      exam: () => ({
        newLimitByDeck: new Map([['d', 1]]),
        extraReviews: new Map([['d', new Set(['later'])]]),
        announce,
      }),
    };
    await createStudyDriver(config, { ui: ui.ui, store, now: clock.now, messages: ENGLISH }).run();
    expect(ui.shown[0]!.counts).toEqual({ new: 1, learning: 0, due: 2 });
    expect(ui.shown[0]!.notices).toEqual([{ kind: 'exam', ...announce }]);
    expect(ui.shown[1]!.notices).toEqual([]);
    expect(ui.shown.map((c) => c.entry.item.key)).toEqual(['due', 'n1', 'later', 'n1']);
    expect(db.prepare('SELECT card_key FROM reviews WHERE reviewed_at > ? ORDER BY id').pluck().all(t)).toEqual([
      'due',
      'n1',
      'later',
      'n1',
    ]);
  });

  it('an undo keeps the day’s plan: not made again, not announced again', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T12:00:00Z'));
    const store = new ReviewStore(db);
    const deck = deckOf(['n1', 'n2', 'n3'].map(basic));
    let plans = 0;
    const exam = () => {
      plans++;
      return {
        newLimitByDeck: new Map([['d', 2]]),
        extraReviews: new Map<string, Set<string>>(),
        announce: { exam: '2026-03-20', daysLeft: 10, newToday: 2, pulled: 0, feasible: true },
      };
    };
    const ui = scriptedUi(clock, [answer(4), undo, answer(4)]);
    await createStudyDriver(
      { ...configOf([deck], clock), exam },
      { ui: ui.ui, store, now: clock.now, messages: ENGLISH },
    ).run();
    expect(plans).toBe(1);
    // The plan's limit of 2 new items still holds after the undo: n3 waits.
    expect(ui.shown.map((c) => c.entry.item.key)).toEqual(['n1', 'n2', 'n1', 'n2']);
    expect(ui.shown[0]!.notices).toEqual([expect.objectContaining({ kind: 'exam' })]);
    expect(ui.shown[2]!.notices).toEqual([{ kind: 'undid', item: expect.objectContaining({ key: 'n1' }) }]);
    expect(ui.finished().summary).toMatchObject({ studied: 2 });
  });

  it('a session past 4 a.m. plans the new study day and says what it holds', async () => {
    const clock = fakeClock(Date.parse('2026-03-10T03:50:00+08:00'), 'Asia/Shanghai');
    const store = new ReviewStore(db);
    const deck = deckOf(['n1', 'n2', 'n3'].map(basic));
    const planned: number[] = [];
    // One new item per study day, as a plan with ten days left would give.
    const exam = (now: number) => {
      planned.push(now);
      const daysLeft = 10 - planned.length + 1;
      return {
        newLimitByDeck: new Map([['d', 1]]),
        extraReviews: new Map<string, Set<string>>(),
        announce: { exam: '2026-03-20', daysLeft, newToday: 1, pulled: 0, feasible: true },
      };
    };
    // n1 at 3:55, its 10-minute step (learned ahead) at 4:05, then the new day's new item.
    const ui = scriptedUi(clock, [answer(3, 5 * MIN), answer(4, 10 * MIN), quit]);
    await createStudyDriver(
      { ...configOf([deck], clock), exam },
      { ui: ui.ui, store, now: clock.now, messages: ENGLISH },
    ).run();
    expect(planned.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-09T19:50:00.000Z',
      '2026-03-09T20:05:00.000Z',
    ]);
    expect(ui.shown.map((c) => c.entry.item.key)).toEqual(['n1', 'n1', 'n2']);
    expect(ui.shown[0]!.notices).toEqual([expect.objectContaining({ kind: 'exam', daysLeft: 10 })]);
    expect(ui.shown[1]!.notices).toEqual([]);
    expect(ui.shown[2]!.notices).toEqual([{ kind: 'newDay' }, expect.objectContaining({ kind: 'exam', daysLeft: 9 })]);
  });
});
