import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expandCard, type StudyItem } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { studyDay, type DayRule } from '../../src/core/schedule/day.js';
import {
  createScheduler,
  newMemory,
  STATE_LEARNING,
  STATE_REVIEW,
  type CardMemory,
} from '../../src/core/schedule/fsrs.js';
import { gradeEntry } from '../../src/core/schedule/grade.js';
import { itemId, StudyQueue, type ItemState, type QueueSource } from '../../src/core/schedule/queue.js';
import { systemClock } from '../../src/io/clock.js';
import { openDatabase } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';
import { formatSummary } from '../../src/ui/study/screen.js';
import { NO_SESSION } from '../helpers/study.js';
import { offsetIn } from '../helpers/zones.js';

/**
 * Time by study day (issue 12 §6, issue 9.5/9.6): days start at 4 a.m. local time in every
 * zone and across DST. The zones are offset providers built on Intl, so these tests do not
 * depend on the machine's TZ; one test checks they agree with the shell's clock under TZ.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Europe/Berlin'] as const;
type Zone = (typeof ZONES)[number];

const rule = (zone: string, startHour = 4): DayRule => ({ startHour, utcOffsetMinutes: offsetIn(zone) });
/** The local wall time of an instant in a zone, "2026-10-25 04:00". */
const wall = (zone: string, time: number) =>
  new Date(time + offsetIn(zone)(time) * MIN).toISOString().slice(0, 16).replace('T', ' ');
const at = (iso: string) => Date.parse(iso);
/** 07:55 on 2026-03-10 in each zone, as an ISO offset (no DST change near that date in Asia or Europe; LA is on PDT). */
const OFFSET: Record<Zone, string> = {
  UTC: 'Z',
  'Asia/Shanghai': '+08:00',
  'America/Los_Angeles': '-07:00',
  'Europe/Berlin': '+01:00',
};
const local = (zone: Zone, time: string) => at(`2026-03-10T${time}:00${OFFSET[zone]}`);

describe('study days start at 4 a.m. local time, each end in its own offset', () => {
  it.each([
    ['UTC', '2026-03-10T12:00Z', '2026-03-10T04:00Z', '2026-03-11T04:00Z'],
    ['Asia/Shanghai', '2026-03-10T07:55+08:00', '2026-03-10T04:00+08:00', '2026-03-11T04:00+08:00'],
    ['Asia/Shanghai', '2026-03-10T03:59+08:00', '2026-03-09T04:00+08:00', '2026-03-10T04:00+08:00'],
    // The day before DST starts in Los Angeles is 23 hours long.
    ['America/Los_Angeles', '2026-03-08T01:30-08:00', '2026-03-07T04:00-08:00', '2026-03-08T04:00-07:00'],
    ['America/Los_Angeles', '2026-11-01T01:30-07:00', '2026-10-31T04:00-07:00', '2026-11-01T04:00-08:00'],
    // 3:30 a.m. CET after the October change still belongs to the Saturday that began at 4 a.m.
    // CEST; one offset for both ends started it an hour late, at 4 a.m. CET.
    ['Europe/Berlin', '2026-10-25T03:30+01:00', '2026-10-24T04:00+02:00', '2026-10-25T04:00+01:00'],
    // and in March ended it an hour late, at 5 a.m. CEST.
    ['Europe/Berlin', '2026-03-28T23:00+01:00', '2026-03-28T04:00+01:00', '2026-03-29T04:00+02:00'],
  ])('%s at %s: %s to %s', (zone, now, start, end) => {
    expect(studyDay(at(now), 4, offsetIn(zone))).toEqual({ start: at(start), end: at(end) });
  });

  it.each(ZONES.flatMap((zone) => [4, 2, 1, 0].map((hour) => [zone, hour] as const)))(
    '%s, days from %i a.m.: every instant around the DST changes is in one day, days meet',
    (zone, hour) => {
      const offset = offsetIn(zone);
      let checked = 0;
      for (const change of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
        for (let t = at(`${change}T00:00Z`) - 2 * DAY; t < at(`${change}T00:00Z`) + 2 * DAY; t += 7 * MIN) {
          const day = studyDay(t, hour, offset);
          expect(day.start).toBeLessThanOrEqual(t);
          expect(day.end).toBeGreaterThan(t);
          expect(studyDay(day.end, hour, offset).start).toBe(day.end);
          // 2 a.m. does not exist on the day Berlin and Los Angeles spring forward: that day starts at 3 a.m.
          expect(wall(zone, day.start).slice(11)).toMatch(
            hour === 2 && zone !== 'UTC' ? /^0[23]:00$/ : new RegExp(`^0${hour}:00$`),
          );
          checked++;
        }
      }
      expect(checked).toBe(4 * Math.ceil((4 * DAY) / (7 * MIN)));
    },
  );

  describe('the shell clock under TZ', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(ZONES)('%s: systemClock gives the zone its offsets, DST included', (zone) => {
      process.env.TZ = zone;
      for (const time of [
        '2026-01-15T12:00Z',
        '2026-03-29T00:59Z',
        '2026-03-29T01:00Z',
        '2026-07-01T12:00Z',
        '2026-10-25T00:59Z',
        '2026-10-25T01:00Z',
        '2026-11-01T09:30Z',
      ]) {
        expect(systemClock.utcOffsetMinutes(at(time))).toBe(offsetIn(zone)(at(time)));
      }
    });
  });
});

describe('FSRS counts elapsed study days, not UTC dates', () => {
  const seedKey = 'd/a';
  const utc = createScheduler();
  const twice = (scheduler: ReturnType<typeof createScheduler>, first: number, second: number) => {
    const learning = scheduler.answer(newMemory(first), seedKey, first, 3);
    return scheduler.answer(learning, seedKey, second, 3);
  };
  // Good at 07:55 and Good at 08:05 the same morning: in Shanghai that is 23:55 and 00:05 UTC,
  // which gave elapsed_days 1, S 7.3 and a 5-day interval instead of 0, 2.3 and 2 days.
  const reference = twice(utc, at('2026-03-10T07:55Z'), at('2026-03-10T08:05Z'));

  it.each(ZONES)('%s: Good at 07:55 and 08:05 the same morning is Δt 0, S 2.3, 2 days', (zone) => {
    const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule(zone) });
    const after = twice(scheduler, local(zone, '07:55'), local(zone, '08:05'));
    expect(after).toMatchObject({
      state: STATE_REVIEW,
      elapsedDays: 0,
      scheduledDays: 2,
      stability: reference.stability,
      difficulty: reference.difficulty,
    });
    expect(reference.stability).toBeCloseTo(2.31, 2);
    expect(wall(zone, after.due)).toBe('2026-03-12 08:05');
  });

  it.each(ZONES)(
    '%s: answers at 3:55 and 4:05 a.m. are a study day apart (in Los Angeles they were on one UTC date)',
    (zone) => {
      const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule(zone) });
      expect(twice(scheduler, local(zone, '03:55'), local(zone, '04:05')).elapsedDays).toBe(1);
    },
  );

  it('keeps a day interval at its local time of day across a DST change (49 hours in October)', () => {
    const berlin = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule('Europe/Berlin') });
    const now = at('2026-10-24T23:00+02:00');
    const review: CardMemory = {
      ...newMemory(now),
      state: STATE_REVIEW,
      stability: 1.2,
      difficulty: 5,
      reps: 3,
      scheduledDays: 1,
      lastReview: at('2026-10-23T23:00+02:00'),
    };
    const after = berlin.answer(review, seedKey, now, 3);
    expect(wall('Europe/Berlin', after.due)).toBe(`2026-10-${24 + after.scheduledDays} 23:00`);
    expect(after.scheduledDays).toBeGreaterThanOrEqual(2);
    expect(after.due - now).toBe(after.scheduledDays * DAY + HOUR);
  });

  it.each(ZONES)(
    '%s: the clock set back across 4 a.m. (and across UTC midnight) answers instead of crashing with "Invalid delta_t -1"',
    (zone) => {
      const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule(zone) });
      const later = local(zone, '04:05');
      const review: CardMemory = {
        ...newMemory(later),
        state: STATE_REVIEW,
        stability: 5,
        difficulty: 5,
        reps: 3,
        scheduledDays: 5,
        lastReview: later,
        due: later + 5 * DAY,
      };
      const back = local(zone, '03:55');
      const after = scheduler.answer(review, seedKey, back, 3);
      expect(after).toMatchObject({ elapsedDays: 0, lastReview: back });
      expect(after.due).toBeGreaterThan(back);
      expect(scheduler.retrievability(review, back)).toBe(1);
      // The case found: a card reviewed at 00:05 UTC, the clock then set back to 23:55 UTC.
      const utcReview = { ...review, lastReview: at('2026-03-10T00:05Z') };
      expect(() => scheduler.answer(utcReview, seedKey, at('2026-03-09T23:55Z'), 3)).not.toThrow();
      expect(() => utc.answer(utcReview, seedKey, at('2026-03-09T23:55Z'), 3)).not.toThrow();
    },
  );

  it('counts retrievability in study days: a review at 3:55 a.m. is a day old at 4:05', () => {
    const shanghai = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule('Asia/Shanghai') });
    const memory: CardMemory = {
      ...newMemory(0),
      state: STATE_REVIEW,
      stability: 1,
      difficulty: 5,
      reps: 2,
      lastReview: local('Asia/Shanghai', '03:55'),
    };
    expect(shanghai.retrievability(memory, local('Asia/Shanghai', '04:05'))).toBe(
      shanghai.retrievability(
        { ...memory, lastReview: local('Asia/Shanghai', '04:05') - DAY },
        local('Asia/Shanghai', '04:05'),
      ),
    );
    expect(shanghai.retrievability(memory, local('Asia/Shanghai', '04:05'))).toBeLessThan(1);
    // 07:55 and 08:05 were a UTC date apart, and a day of decay.
    expect(
      shanghai.retrievability(
        { ...memory, lastReview: local('Asia/Shanghai', '07:55') },
        local('Asia/Shanghai', '08:05'),
      ),
    ).toBe(1);
  });
});

const basic = (id: string): Card => ({ id, q: `q ${id}`, a: `a ${id}` }) as Card;
const itemsOf = (cards: Card[]): StudyItem[] => cards.flatMap((c) => expandCard({ deck: 'd' }, c));

function source(zone: Zone, now: number, over: Partial<QueueSource> & { items: StudyItem[] }): QueueSource {
  const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule(zone) });
  return {
    states: new Map(),
    reviewedToday: new Map(),
    doneToday: new Map(),
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    day: studyDay(now, 4, offsetIn(zone)),
    now,
    retrievability: scheduler.retrievability,
    ...over,
  };
}

describe('a session that crosses 4 a.m.', () => {
  it.each(ZONES)('%s: a learning card due after 4 a.m. is shown (early), not dropped', (zone) => {
    const start = local(zone, '03:50');
    const queue = new StudyQueue(source(zone, start, { items: itemsOf([basic('a')]) }));
    const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule(zone) });
    const first = queue.next(local(zone, '03:55'))!;
    const outcome = gradeEntry(scheduler, first, 3, local(zone, '03:55'));
    expect(wall(zone, outcome.after.memory.due)).toBe('2026-03-10 04:05');
    queue.answered(first, outcome.after);
    expect(queue.counts(local(zone, '03:56')).learning).toBe(1);
    expect(queue.next(local(zone, '03:56'))?.item.key).toBe('a');
  });

  it('names a learning card due after the session in the summary, with when', () => {
    const now = local('Asia/Shanghai', '03:55');
    const learning: ItemState = {
      memory: { ...newMemory(now), state: STATE_LEARNING, due: now + 35 * MIN, reps: 1, lastReview: now },
      leech: false,
    };
    const queue = new StudyQueue(
      source('Asia/Shanghai', now, {
        items: itemsOf([basic('a')]),
        states: new Map([['d', new Map([['a', learning]])]]),
      }),
    );
    expect(queue.next(now)).toBeNull();
    const later = queue.learningLater(now);
    expect(later).toEqual({ count: 1, firstInMs: 35 * MIN });
    const summary = formatSummary({
      ...NO_SESSION,
      studied: 1,
      again: 0,
      elapsedMs: 1000,
      dueTomorrow: 0,
      learningLater: later.count,
      learningFirstInMs: later.firstInMs,
      leeches: 0,
    });
    expect(summary).toContain('1 learning card comes back in 35m; run `quizdeck study` again then.');
    expect(
      formatSummary({
        ...NO_SESSION,
        studied: 3,
        again: 0,
        elapsedMs: 1000,
        dueTomorrow: 0,
        learningLater: 3,
        learningFirstInMs: 25 * MIN,
        leeches: 0,
      }),
    ).toContain('3 learning cards come back, the first in 25m;');
    expect(
      formatSummary({
        ...NO_SESSION,
        studied: 3,
        again: 0,
        elapsedMs: 1000,
        dueTomorrow: 0,
        learningLater: 2,
        leeches: 0,
      }),
    ).toContain('2 learning cards come back later today;');
  });
});

describe('daily limits', () => {
  it('never go below zero: --new 0 after 3 new cards is "0 new", not "-3 new"', () => {
    const now = local('UTC', '12:00');
    const queue = new StudyQueue(
      source('UTC', now, {
        items: itemsOf([basic('a'), basic('b')]),
        limits: { newPerDay: 0, reviewsPerDay: 200 },
        doneToday: new Map([['d', { newCards: 3, reviews: 250 }]]),
      }),
    );
    expect(queue.counts(now)).toEqual({ new: 0, learning: 0, due: 0 });
    expect(queue.next(now)).toBeNull();
  });

  describe('counted from the database by study day', () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });
    const open = () => {
      const dir = mkdtempSync(join(tmpdir(), 'quizdeck-time-'));
      dirs.push(dir);
      return new ReviewStore(openDatabase(join(dir, 'q.db')));
    };
    const introduce = (store: ReviewStore, key: string, time: number) => {
      const [item] = itemsOf([basic(key)]);
      const outcome = gradeEntry(createScheduler(), { id: itemId('d', key), item: item!, state: null }, 3, time);
      store.record({
        deckId: 'd',
        cardKey: key,
        cardId: key,
        rating: 3,
        reviewedAt: time,
        durationMs: 1,
        before: null,
        after: outcome.after,
      });
    };

    it('Berlin in October: cards from 4:30 a.m. CEST count at 3:30 a.m. CET the next night (one offset let 30 of 20 in)', () => {
      const store = open();
      for (let i = 0; i < 10; i++) introduce(store, `early${i}`, at('2026-10-24T04:30+02:00') + i * MIN);
      for (let i = 0; i < 10; i++) introduce(store, `late${i}`, at('2026-10-24T22:00+02:00') + i * MIN);
      const day = studyDay(at('2026-10-25T03:30+01:00'), 4, offsetIn('Europe/Berlin'));
      expect(store.doneDuring(day).get('d')).toEqual({ newCards: 20, reviews: 0 });
      store.db.close();
    });

    it('reviews dated after today (the clock went back since) do not count against today', () => {
      const store = open();
      introduce(store, 'a', at('2026-03-10T09:00+08:00'));
      introduce(store, 'b', at('2026-03-12T09:00+08:00'));
      const day = studyDay(at('2026-03-10T10:00+08:00'), 4, offsetIn('Asia/Shanghai'));
      expect(store.doneDuring(day).get('d')).toEqual({ newCards: 1, reviews: 0 });
      expect([...store.reviewedDuring(['d'], day).keys()]).toEqual([`d\u0000a`]);
      store.db.close();
    });
  });
});
