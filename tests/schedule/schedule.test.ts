import { fsrs, generatorParameters, type State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { expandCard, type StudyItem } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { formatInterval, studyDay } from '../../src/core/schedule/day.js';
import {
  createScheduler,
  newMemory,
  STATE_LEARNING,
  STATE_RELEARNING,
  STATE_REVIEW,
  type CardMemory,
} from '../../src/core/schedule/fsrs.js';
import { gradeEntry, gradeOptions, LEECH_LAPSES } from '../../src/core/schedule/grade.js';
import {
  cardRef,
  itemId,
  LEARN_AHEAD_MS,
  StudyQueue,
  type ItemState,
  type QueueSource,
} from '../../src/core/schedule/queue.js';

const MIN = 60_000;
const DAY = 86_400_000;
// 2025-03-10 12:00 UTC, a Monday.
const NOW = Date.UTC(2025, 2, 10, 12);
const scheduler = createScheduler();

const basic = (id: string, extra: Partial<Card> = {}): Card => ({ id, q: `q ${id}`, a: `a ${id}`, ...extra }) as Card;
const items = (deck: string, cards: Card[]): StudyItem[] => cards.flatMap((c) => expandCard({ deck }, c));

function source(over: Partial<QueueSource> & { items: StudyItem[] }): QueueSource {
  return {
    states: new Map(),
    reviewedToday: new Map(),
    doneToday: new Map(),
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    day: studyDay(NOW, 4, 0),
    now: NOW,
    retrievability: scheduler.retrievability,
    ...over,
  };
}

/** States of items in deck `d`, by key. */
const inDeck = (entries: [string, ItemState][]) => new Map([['d', new Map(entries)]]);

function reviewState(dueOffset: number, stability: number, lastReviewAgo = 10 * DAY): ItemState {
  const memory: CardMemory = {
    ...newMemory(NOW),
    state: STATE_REVIEW,
    due: NOW + dueOffset,
    stability,
    difficulty: 5,
    reps: 3,
    scheduledDays: 10,
    lastReview: NOW - lastReviewAgo,
  };
  return { memory, leech: false };
}

function drain(queue: StudyQueue, now: number, limit = 100): string[] {
  const seen: string[] = [];
  for (let entry = queue.next(now); entry && seen.length < limit; entry = queue.next(now)) {
    seen.push(entry.item.key);
    queue.answered(entry, gradeEntry(scheduler, entry, 4, now).after);
  }
  return seen;
}

describe('studyDay', () => {
  it.each([
    ['noon UTC, 4 a.m. start', NOW, 4, 0, Date.UTC(2025, 2, 10, 4)],
    ['3 a.m. belongs to the previous day', Date.UTC(2025, 2, 10, 3), 4, 0, Date.UTC(2025, 2, 9, 4)],
    ['exactly 4 a.m. starts a day', Date.UTC(2025, 2, 10, 4), 4, 0, Date.UTC(2025, 2, 10, 4)],
    ['UTC+8: 4 a.m. local is 20:00 UTC the day before', NOW, 4, 480, Date.UTC(2025, 2, 9, 20)],
    ['UTC-5, midnight start', NOW, 0, -300, Date.UTC(2025, 2, 10, 5)],
  ])('%s', (_name, now, hour, offset, start) => {
    expect(studyDay(now, hour, offset)).toEqual({ start, end: start + DAY });
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '1m'],
    [10 * MIN, '10m'],
    [5 * 60 * MIN, '5h'],
    [3 * DAY, '3d'],
    [75 * DAY, '2.5mo'],
    [400 * DAY, '1.1y'],
  ])('%d ms → %s', (ms, text) => expect(formatInterval(ms)).toBe(text));
});

describe('scheduler', () => {
  it('uses learning steps 1m / 10m for a new card and repeats with the same inputs', () => {
    const options = gradeOptions(scheduler, { id: 'x', item: items('d', [basic('a')])[0]!, state: null }, NOW);
    expect(options.map((o) => `${o.name} · ${o.interval}`)).toEqual([
      'Again · 1m',
      'Hard · 6m',
      'Good · 10m',
      expect.stringMatching(/^Easy · \d+d$/),
    ]);
    const again = gradeOptions(scheduler, { id: 'x', item: items('d', [basic('a')])[0]!, state: null }, NOW);
    expect(again).toEqual(options);
  });

  it('fuzzes review intervals by card, reproducibly', () => {
    const state = reviewState(0, 30);
    const due = (key: string) => scheduler.answer(state.memory, key, NOW, 3).due;
    expect(due('d/a')).toBe(due('d/a'));
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => due(`d/${k}`)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it('relearns a lapsed review card with a 10m step and counts the lapse', () => {
    const after = scheduler.answer(reviewState(0, 30).memory, 'd/a', NOW, 1);
    expect(after.state).toBe(STATE_RELEARNING);
    expect(after.due - NOW).toBe(10 * MIN);
    expect(after.lapses).toBe(1);
  });

  it('keeps intervals within --max-interval and honours retention', () => {
    const capped = createScheduler({ retention: 0.9, maximumIntervalDays: 5 });
    for (const grade of [2, 3, 4] as const)
      expect(capped.answer(reviewState(0, 300).memory, 'd/a', NOW, grade).due - NOW).toBeLessThanOrEqual(5 * DAY);
    const strict = createScheduler({ retention: 0.97, maximumIntervalDays: 36500 });
    expect(strict.answer(reviewState(0, 30).memory, 'd/a', NOW, 3).due).toBeLessThan(
      scheduler.answer(reviewState(0, 30).memory, 'd/a', NOW, 3).due,
    );
  });

  it('computes retrievability as ts-fsrs does, over study days, without its Date objects', () => {
    const reference = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true }));
    // NOW is 12:00 UTC; the default rule starts days at 4 a.m. UTC. [time since the review, study days]
    const cases: [number, number][] = [
      [0, 0],
      [1, 0],
      [60_000, 0],
      [8 * 60 * MIN, 0],
      [8 * 60 * MIN + 1, 1],
      [DAY - 1, 1],
      [DAY, 1],
      [3 * DAY + 5, 3],
      [400 * DAY, 400],
    ];
    let checked = 0;
    for (const stability of [0.01, 0.4, 2.5, 17.123456789, 365, 9000]) {
      for (const [ago, days] of cases) {
        for (const state of [STATE_LEARNING, STATE_REVIEW, STATE_RELEARNING] as const) {
          const memory: CardMemory = { ...newMemory(NOW), state, stability, lastReview: NOW - ago };
          // ts-fsrs counts 24-hour periods here: a review exactly `days` days before gives its answer.
          const card = {
            due: new Date(memory.due),
            stability,
            difficulty: memory.difficulty,
            elapsed_days: 0,
            scheduled_days: 0,
            learning_steps: 0,
            reps: 1,
            lapses: 0,
            state: state as number as State,
            last_review: new Date(NOW - days * DAY),
          };
          expect(scheduler.retrievability(memory, NOW)).toBe(reference.get_retrievability(card, new Date(NOW), false));
          checked++;
        }
      }
    }
    expect(checked).toBe(162);
    expect(scheduler.retrievability(newMemory(NOW), NOW)).toBe(1);
  });

  it('marks a leech on the 8th lapse, once', () => {
    const item = items('d', [basic('a')])[0]!;
    const state: ItemState = {
      ...reviewState(0, 5),
      memory: { ...reviewState(0, 5).memory, lapses: LEECH_LAPSES - 1 },
    };
    const outcome = gradeEntry(scheduler, { id: 'x', item, state }, 1, NOW);
    expect(outcome.after.leech).toBe(true);
    expect(outcome.becameLeech).toBe(true);
    const back: ItemState = { memory: { ...outcome.after.memory, state: STATE_REVIEW }, leech: true };
    expect(gradeEntry(scheduler, { id: 'x', item, state: back }, 1, NOW + DAY).becameLeech).toBe(false);
  });
});

describe('StudyQueue', () => {
  it('stops new cards at the daily limit, counting earlier sessions', () => {
    const all = items('d', [basic('a'), basic('b'), basic('c'), basic('e')]);
    const queue = new StudyQueue(
      source({
        items: all,
        limits: { newPerDay: 3, reviewsPerDay: 200 },
        doneToday: new Map([['d', { newCards: 1, reviews: 0 }]]),
      }),
    );
    expect(queue.counts(NOW)).toEqual({ new: 2, learning: 0, due: 0 });
    expect(drain(queue, NOW)).toEqual(['a', 'b']);
  });

  it('limits each deck separately', () => {
    const all = [...items('d1', [basic('a'), basic('b')]), ...items('d2', [basic('c'), basic('e')])];
    const queue = new StudyQueue(source({ items: all, limits: { newPerDay: 1, reviewsPerDay: 200 } }));
    expect(drain(queue, NOW)).toEqual(['a', 'c']);
  });

  it('stops reviews at the limit and orders them by lowest retrievability', () => {
    const all = items('d', [basic('weak'), basic('strong'), basic('mid'), basic('later')]);
    const states = inDeck([
      ['strong', reviewState(-DAY, 100)],
      ['weak', reviewState(-DAY, 2)],
      ['mid', reviewState(-DAY, 10)],
      ['later', reviewState(2 * DAY, 10)],
    ]);
    const queue = new StudyQueue(source({ items: all, states, limits: { newPerDay: 20, reviewsPerDay: 2 } }));
    expect(queue.counts(NOW).due).toBe(2);
    expect(drain(queue, NOW)).toEqual(['weak', 'mid']);
  });

  it('counts a review due later in the study day as due today, but not one due after the day ends', () => {
    const all = items('d', [basic('tonight'), basic('tomorrow')]);
    const day = studyDay(NOW, 4, 0);
    const states = inDeck([
      ['tonight', reviewState(day.end - NOW - MIN, 10)],
      ['tomorrow', reviewState(day.end - NOW + MIN, 10)],
    ]);
    expect(drain(new StudyQueue(source({ items: all, states })), NOW)).toEqual(['tonight']);
  });

  it('leaves out items studied before and due after this day, given only as ids', () => {
    const all = items('d', [basic('later'), basic('fresh')]);
    const queue = new StudyQueue(source({ items: all, notDue: new Map([['d', new Set(['later'])]]) }));
    expect(queue.counts(NOW)).toEqual({ new: 1, learning: 0, due: 0 });
    expect(drain(queue, NOW)).toEqual(['fresh']);
  });

  it('shows due learning cards first, then spreads new cards among reviews', () => {
    const all = items('d', [basic('l'), basic('r1'), basic('r2'), basic('r3'), basic('r4'), basic('n1'), basic('n2')]);
    const learning: ItemState = {
      memory: { ...newMemory(NOW), state: STATE_LEARNING, due: NOW - MIN, reps: 1, lastReview: NOW - 2 * MIN },
      leech: false,
    };
    const states = inDeck([
      ['l', learning],
      ...['r1', 'r2', 'r3', 'r4'].map((k, i) => [k, reviewState(-DAY, 2 + i)] as [string, ItemState]),
    ]);
    const queue = new StudyQueue(source({ items: all, states }));
    const order = drain(queue, NOW);
    expect(order[0]).toBe('l');
    expect(order.slice(1)).toEqual(['r1', 'n1', 'r2', 'n2', 'r3', 'r4']);
  });

  it('buries the siblings of an answered card until the next day', () => {
    const all = items('d', [
      basic('a', { reverse: true }),
      { id: 'z', type: 'cloze', text: '{{x}} and {{y}}' } as Card,
    ]);
    const queue = new StudyQueue(source({ items: all }));
    const first = queue.next(NOW)!;
    expect(first.item.key).toBe('a');
    queue.answered(first, gradeEntry(scheduler, first, 1, NOW).after);
    const keys = drain(queue, NOW);
    expect(keys).not.toContain('a:reverse');
    expect(keys.filter((k) => k.startsWith('z:'))).toEqual(['z:c1']);
  });

  it('keeps siblings buried in a later session of the same day, and not the next day', () => {
    const all = items('d', [basic('a', { reverse: true })]);
    const reviewedToday = new Map([[cardRef('d', 'a'), new Set(['a'])]]);
    const state: ItemState = {
      memory: { ...newMemory(NOW), state: STATE_LEARNING, due: NOW + 5 * 60 * MIN, reps: 1, lastReview: NOW },
      leech: false,
    };
    const queue = new StudyQueue(source({ items: all, reviewedToday, states: inDeck([['a', state]]) }));
    expect(queue.next(NOW)).toBeNull();
    expect(queue.learningLater(NOW)).toEqual({ count: 1, firstInMs: 5 * 60 * MIN });
    const tomorrow = NOW + DAY;
    expect(
      new StudyQueue(
        source({
          items: all,
          reviewedToday: new Map(),
          states: inDeck([['a', state]]),
          now: tomorrow,
          day: studyDay(tomorrow, 4, 0),
        }),
      ).next(tomorrow)!.item.key,
    ).toBe('a');
    expect(
      new StudyQueue(source({ items: all, reviewedToday: new Map(), states: inDeck([['a', state]]) })).next(NOW)!.item
        .key,
    ).toBe('a:reverse');
  });

  it('shows learning cards up to 20 minutes early when nothing else is left', () => {
    const all = items('d', [basic('soon'), basic('later')]);
    const at = (due: number): ItemState => ({
      memory: { ...newMemory(NOW), state: STATE_LEARNING, due, reps: 1, lastReview: NOW - MIN },
      leech: false,
    });
    const states = inDeck([
      ['soon', at(NOW + LEARN_AHEAD_MS - MIN)],
      ['later', at(NOW + LEARN_AHEAD_MS + MIN)],
    ]);
    const queue = new StudyQueue(source({ items: all, states }));
    expect(queue.next(NOW)!.item.key).toBe('soon');
    expect(queue.counts(NOW).learning).toBe(2);
  });

  it('brings an Again card back after its step, and a prioritized (undone) card first', () => {
    const all = items('d', [basic('a'), basic('b'), basic('c')]);
    const queue = new StudyQueue(source({ items: all }));
    const a = queue.next(NOW)!;
    queue.answered(a, gradeEntry(scheduler, a, 1, NOW).after);
    expect(queue.next(NOW)!.item.key).toBe('b');
    expect(queue.next(NOW + 2 * MIN)!.item.key).toBe('a');
    expect(queue.prioritize(itemId('d', 'c'))).toBe(true);
    expect(queue.next(NOW + 2 * MIN)!.item.key).toBe('c');
  });
});
