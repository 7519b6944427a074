import { describe, expect, it } from 'vitest';
import { parseExamDate, parseExamRetention, EXAM_MAX_DAYS } from '../../src/core/exam/options.js';
import { newItemDays, planExam, type ExamDeckInput, type ExamPlanInput } from '../../src/core/exam/plan.js';
import { examToday } from '../../src/core/exam/today.js';
import { DAY, UTC_DAY_RULE, type DayRule } from '../../src/core/schedule/day.js';
import { createScheduler, DEFAULT_WEIGHTS, STATE_LEARNING, type CardMemory } from '../../src/core/schedule/fsrs.js';
import { createForecastModel } from '../../src/core/schedule/forecast.js';
import { dayNumber } from '../../src/core/stats/report.js';
import { offsetIn } from '../helpers/zones.js';
import { NOW, review, TODAY } from '../helpers/exam.js';

/**
 * The exam planner (issue 13, `study --exam` / `stats --exam`): table cases of one or a few
 * items whose numbers can be checked by hand against FSRS-6's forgetting curve, then the
 * invariants on a population, then time zones.
 */

const HOUR = 3_600_000;
const MODEL = createForecastModel({ retention: 0.9, maximumIntervalDays: 36500 });
// Thursday 2026-12-03, 12:00 UTC: study day 2026-12-03 under the UTC rule.
const date = (offset: number) => new Date((TODAY + offset) * DAY).toISOString().slice(0, 10);

function deck(id: string, items: Record<string, CardMemory | null>, extra: Partial<ExamDeckInput> = {}): ExamDeckInput {
  const memories = new Map<string, CardMemory>();
  for (const [key, memory] of Object.entries(items)) if (memory) memories.set(key, memory);
  return { id, keys: Object.keys(items), memories, model: MODEL, ...extra };
}

function plan(decks: ExamDeckInput[], examIn: number, extra: Partial<ExamPlanInput> = {}) {
  return planExam({
    decks,
    now: NOW,
    rule: UTC_DAY_RULE,
    examDay: TODAY + examIn,
    target: 0.9,
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    ...extra,
  });
}

const news = (n: number, prefix = 'n') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, null]));

describe('one item at a time', () => {
  it('S 20, reviewed 10 days ago, due in 30, exam in 20: recall 0.875 on the day, so it is pulled forward to the day its recall reaches 90% (day 20 after the review = today + 10)', () => {
    const p = plan([deck('d', { a: review(20, 10, 30) })], 20);
    const a = p.items[0]!;
    expect(a.recall).toBeCloseTo(MODEL.recall(30, 20), 8);
    expect(a.recall!).toBeLessThan(0.9);
    expect(a.atTarget).toBe(false);
    expect(MODEL.recall(20, 20)).toBeCloseTo(0.9, 6); // FSRS: recall is 90% after S days
    expect(a.pulled).toEqual([date(10)]);
    expect(a.planned!).toBeGreaterThanOrEqual(0.9);
    expect(a.cram).toBe(false);
    expect(p.total.days[10]).toEqual({ date: date(10), new: 0, due: 0, pulled: 1, cram: 0 });
    expect(p.total).toMatchObject({ atTarget: 0, plannedAtTarget: 1, pulledItems: 1, pulledReviews: 1, cram: 0 });
    expect(p.feasible).toBe(true);
  });

  it('the same item with the exam in 5 days: 15 days after its review, recall is above 90%; nothing to do', () => {
    const p = plan([deck('d', { a: review(20, 10, 30) })], 5);
    expect(p.items[0]).toMatchObject({ atTarget: true, pulled: [], cram: false, due: date(30) });
    expect(p.items[0]!.recall).toBeCloseTo(MODEL.recall(15, 20), 8);
    expect(p.total.days.every((d) => d.new + d.due + d.pulled + d.cram === 0)).toBe(true);
  });

  it('recall already under the target today, next due after the exam (scheduled at a lower retention): reviewed today', () => {
    const p = plan([deck('d', { a: review(10, 15, 30) })], 10);
    expect(MODEL.recall(15, 10)).toBeLessThan(0.9);
    expect(p.items[0]!.pulled[0]).toBe(date(0));
    expect(examToday(p).get('d')!.extraReviews).toEqual(['a']);
  });

  it('a review due before the exam is on the normal schedule, on its day (overdue: today), not pulled forward', () => {
    const p = plan([deck('d', { late: review(5, 10, -5), soon: review(5, 2, 3) })], 30);
    expect(p.total.days[0]!.due).toBe(1);
    expect(p.total.days[3]!.due).toBeGreaterThanOrEqual(1);
    expect(p.items.every((i) => i.pulled[0] !== date(0))).toBe(true);
    expect(examToday(p).get('d')!.extraReviews).toEqual([]);
  });

  it('an item in learning steps is due today, and does not count against the review limit', () => {
    const learning = review(0.5, 0, 0, { state: STATE_LEARNING, due: NOW + 600_000, scheduledDays: 0 });
    const p = plan([deck('d', { l: learning })], 7, { limits: { newPerDay: 20, reviewsPerDay: 0 } });
    expect(p.total.days[0]!.due).toBe(1);
    // Its later reviews (answered Good) are ordinary reviews: over a limit of 0.
    expect(p.problems.filter((x) => x.kind === 'reviews').every((x) => x.date !== date(0))).toBe(true);
  });
});

describe('new items', () => {
  it.each([
    // [new items, days to the exam, new limit, per day, last new day (offset), not introduced]
    [30, 10, 20, 3, 9, 0],
    [30, 7, 20, 5, 5, 0],
    [20, 20, 20, 1, 19, 0],
    [37, 2, 10, 10, 1, 17],
    [5, 1, 20, 5, 0, 0],
  ])(
    '%i new items, exam in %i days, limit %i: %i a day, the last on day +%i, %i left for the exam day',
    (n, days, limit, perDay, last, left) => {
      const p = plan([deck('d', news(n))], days, { limits: { newPerDay: limit, reviewsPerDay: 9999 } });
      const d = p.decks[0]!;
      expect(d.newPerDay).toBe(perDay);
      expect(d.lastNewDay).toBe(date(last));
      expect(d.notIntroduced).toBe(left);
      expect(
        p.total.days
          .slice(0, days)
          .map((x) => x.new)
          .reduce((a, b) => a + b, 0),
      ).toBe(n - left);
      expect(p.total.days[days]!.new).toBe(left);
      expect(p.items.filter((i) => i.cram).length).toBe(left);
      expect(p.feasible).toBe(left === 0);
    },
  );

  it('37 new items, 2 days, new limit 10: not feasible, and the problem says so in numbers', () => {
    const p = plan([deck('d', news(37))], 2, { limits: { newPerDay: 10, reviewsPerDay: 200 } });
    expect(p.feasible).toBe(false);
    expect(p.problems).toEqual([{ kind: 'new', deck: 'd', remaining: 37, days: 2, limit: 10, notIntroduced: 17 }]);
  });

  it("new items introduced earlier today count toward today's share", () => {
    // 18 left + 2 done today over 10 days: 2 a day, today's two already introduced.
    const p = plan([deck('d', news(18), { introducedToday: 2 })], 10);
    expect(p.decks[0]!.newPerDay).toBe(2);
    expect(p.total.days[0]!.new).toBe(0);
    expect(p.total.days[1]!.new).toBe(2);
    expect(examToday(p).get('d')!.newLimit).toBe(2);
  });

  it('an item introduced the day before the exam is at target on the day (S 2.3 days after Good: 95%)', () => {
    const p = plan([deck('d', news(40))], 2);
    const last = p.items.filter((i) => i.introduce === date(1));
    expect(last).toHaveLength(20);
    expect(last[0]!.planned!).toBeCloseTo(MODEL.recall(1, MODEL.next(null, 0, 3).stability), 8);
    expect(last.every((i) => !i.cram && i.planned! >= 0.9)).toBe(true);
  });

  it('all items new: nothing at target on the normal schedule, every one introduced and at target following the plan', () => {
    const p = plan([deck('d', news(50))], 30);
    expect(p.total).toMatchObject({ items: 50, new: 50, atTarget: 0, plannedAtTarget: 50, cram: 0, newPerDay: 2 });
    expect(p.items.every((i) => i.recall === null && i.introduce !== null)).toBe(true);
  });
});

describe('siblings (a card and its reverse, the deletions of a cloze) are never introduced on one day', () => {
  it.each([
    ['no siblings: today, then per day', ['a', 'b', 'c', 'd', 'e'], 1, 2, 5, [0, 1, 1, 2, 2]],
    ['a reverse goes to the next day with room', ['a', 'a:reverse', 'b', 'b:reverse'], 2, 2, 5, [0, 1, 0, 1]],
    ['three deletions spread over three days', ['z:c1', 'z:c2', 'z:c3', 'y'], 3, 3, 5, [0, 1, 2, 0]],
    ['the next day full: two days on', ['a', 'b', 'a:reverse'], 1, 1, 5, [0, 1, 2]],
    ['no room before the exam day: left for it (daysLeft)', ['a', 'a:reverse', 'b'], 2, 2, 1, [0, 1, 0]],
    ['no new items a day after today', ['a', 'b', 'c'], 1, 0, 4, [0, 4, 4]],
    ['the exam today: nothing before it', ['a'], 0, 5, 0, [0]],
  ] as const)('%s', (_name, keys, todayQuota, perDay, daysLeft, expected) => {
    expect([...newItemDays(keys, todayQuota, perDay, daysLeft)]).toEqual(expected);
  });

  it('in a plan: forward and reverse of 10 cards over 10 days, 2 a day, never both sides of a card on one day', () => {
    const items = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        [`c${i}`, null],
        [`c${i}:reverse`, null],
      ]).flat(),
    );
    const p = plan([deck('d', items)], 10, { limits: { newPerDay: 4, reviewsPerDay: 200 } });
    const byDay = new Map<string, string[]>();
    for (const i of p.items) if (i.introduce) byDay.set(i.introduce, [...(byDay.get(i.introduce) ?? []), i.key]);
    for (const keys of byDay.values()) {
      const cards = keys.map((k) => k.split(':')[0]);
      expect(new Set(cards).size).toBe(cards.length);
    }
    expect(p.total.days.slice(0, 10).map((d) => d.new)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(p.decks[0]!.notIntroduced).toBe(0);
  });
});

describe('the exam day', () => {
  it('exam today: nothing can be pulled forward; everything below target is crammed today, new items too (within --new)', () => {
    const p = plan(
      [deck('d', { weak: review(10, 15, 30), strong: review(100, 5, 60), due: review(3, 4, 0), ...news(3) })],
      0,
    );
    expect(p.daysLeft).toBe(0);
    expect(p.total.days).toHaveLength(1);
    const byKey = Object.fromEntries(p.items.map((i) => [i.key, i]));
    expect(byKey.weak).toMatchObject({ cram: true, pulled: [] });
    expect(byKey.strong).toMatchObject({ cram: false, atTarget: true });
    expect(byKey.due!.cram).toBe(true);
    expect(p.total.days[0]).toEqual({ date: date(0), new: 3, due: 0, pulled: 0, cram: 2 });
    const today = examToday(p).get('d')!;
    // `due` is in the normal queue already; only `weak` is added.
    expect(today.extraReviews).toEqual(['weak']);
    expect(today.newLimit).toBe(3);
    expect(p.feasible).toBe(true);
  });

  it('exam today with more new items than --new: not feasible', () => {
    const p = plan([deck('d', news(25))], 0);
    expect(examToday(p).get('d')!.newLimit).toBe(20);
    expect(p.problems).toEqual([{ kind: 'new', deck: 'd', remaining: 25, days: 0, limit: 20, notIntroduced: 25 }]);
  });

  it('a target no review the day before can reach (99% a day after a review of S 2.3) leaves the item to cram', () => {
    const p = plan([deck('d', news(1))], 1, { target: 0.99 });
    expect(p.items[0]).toMatchObject({ introduce: date(0), cram: true });
    expect(p.total.days[1]!.cram).toBe(1);
  });

  it('cramming over the review limit on the exam day is a problem of that day', () => {
    const weak = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`w${i}`, review(10, 15, 30)]));
    const p = plan([deck('d', weak)], 0, { limits: { newPerDay: 20, reviewsPerDay: 3 } });
    expect(p.problems).toEqual([{ kind: 'reviews', deck: 'd', days: 1, date: date(0), reviews: 5, limit: 3 }]);
  });
});

describe('limits and empty decks', () => {
  it('no items: an empty, feasible plan with a day for each day to the exam', () => {
    const p = plan([deck('d', {})], 3);
    expect(p.feasible).toBe(true);
    expect(p.total.days.map((d) => d.date)).toEqual([date(0), date(1), date(2), date(3)]);
    expect(p.items).toEqual([]);
    expect(plan([], 3).total.items).toBe(0);
  });

  it('limits 0: no new item is introduced and every review day is over the limit', () => {
    const p = plan([deck('d', { a: review(5, 10, -1), ...news(4) })], 5, {
      limits: { newPerDay: 0, reviewsPerDay: 0 },
    });
    expect(p.decks[0]!.newPerDay).toBe(0);
    expect(p.decks[0]!.lastNewDay).toBeNull();
    expect(p.total.days[5]!.new).toBe(4);
    expect(p.problems.map((x) => x.kind)).toEqual(['new', 'reviews']);
    expect(p.problems[1]).toMatchObject({ deck: 'd', date: date(0), reviews: 1, limit: 0 });
    expect(examToday(p).get('d')!.newLimit).toBe(0);
  });

  it('each deck plans with its own limits and its own fitted parameters', () => {
    // Fitted weights with another decay (w20): the same memory has another recall 25 days on.
    const fast = createForecastModel({
      retention: 0.9,
      maximumIntervalDays: 36500,
      weights: DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? w * 4 : w)),
    });
    const p = plan(
      [
        deck('a', { x: review(20, 10, 30), ...news(30, 'a') }),
        deck('b', { x: review(20, 10, 30), ...news(30, 'b') }, { model: fast }),
      ],
      15,
    );
    expect(p.decks.map((d) => d.newPerDay)).toEqual([2, 2]);
    expect(p.total.newPerDay).toBe(4);
    const [xa, xb] = p.items.filter((i) => i.key === 'x');
    expect(xa!.recall).toBeCloseTo(MODEL.recall(25, 20), 8);
    expect(xb!.recall).toBeCloseTo(fast.recall(25, 20), 8);
    expect(Math.abs(xa!.recall! - xb!.recall!)).toBeGreaterThan(0.003);
    expect(p.total.items).toBe(62);
  });
});

/** A small seeded PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('invariants on 2,000 items with random memories', () => {
  const random = prng(7);
  const items: Record<string, CardMemory | null> = {};
  for (let i = 0; i < 2000; i++) {
    const s = 0.5 + random() * 200;
    const ago = Math.floor(random() * 100);
    items[`k${i}`] = i % 5 === 0 ? null : review(s, ago, Math.floor(random() * s * 1.2) - ago + 1);
  }
  it.each([[0], [1], [14], [60], [400]])('exam in %i days', (days) => {
    const p = plan([deck('d', items)], days, { limits: { newPerDay: 50, reviewsPerDay: 9999 } });
    expect(p.items).toHaveLength(2000);
    for (const item of p.items) {
      // Following the plan, every item not crammed is at target on the day.
      if (!item.cram) expect(item.planned!).toBeGreaterThanOrEqual(0.9);
      // Pulled-forward reviews: from today, before the exam day, one a day at most.
      expect([...item.pulled].sort()).toEqual(item.pulled);
      expect(new Set(item.pulled).size).toBe(item.pulled.length);
      for (const d of item.pulled) expect(d >= date(0) && d < date(days)).toBe(true);
      if (item.atTarget) expect(item.pulled).toEqual([]);
    }
    const sum = (k: 'new' | 'pulled' | 'cram') => p.total.days.reduce((a, d) => a + d[k], 0);
    expect(sum('pulled')).toBe(p.items.reduce((a, i) => a + i.pulled.length, 0));
    expect(sum('cram') + p.total.notIntroduced).toBe(p.items.filter((i) => i.cram).length);
    expect(sum('new')).toBe(400);
    expect(p.total.plannedAtTarget + p.total.cram).toBe(2000);
  });
});

describe('time zones: days are local study days (4 a.m.), across DST', () => {
  it('Europe/Berlin, across the October change: one entry per date, items due just before and after 4 a.m. local on either side of it', () => {
    const rule: DayRule = { startHour: 4, utcOffsetMinutes: offsetIn('Europe/Berlin') };
    const now = Date.parse('2026-10-20T10:00+02:00');
    const examDay = Date.UTC(2026, 10, 2) / DAY;
    const at = (iso: string) => Date.parse(iso);
    const memories: Record<string, CardMemory> = {
      // 03:30 CET on 10-30 is still study day 10-29; 04:30 CET is 10-30.
      before: { ...review(30, 0, 0), lastReview: at('2026-10-10T12:00+02:00'), due: at('2026-10-30T03:30+01:00') },
      after: { ...review(30, 0, 0), lastReview: at('2026-10-10T12:00+02:00'), due: at('2026-10-30T04:30+01:00') },
    };
    const p = planExam({
      decks: [deck('d', memories)],
      now,
      rule,
      examDay,
      target: 0.9,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
    });
    expect(p.today).toBe('2026-10-20');
    expect(p.total.days.map((d) => d.date)).toEqual(
      Array.from({ length: 14 }, (_, k) => new Date(Date.UTC(2026, 9, 20 + k)).toISOString().slice(0, 10)),
    );
    expect(p.items.map((i) => i.due)).toEqual(['2026-10-29', '2026-10-30']);
    expect(p.total.days.find((d) => d.date === '2026-10-29')!.due).toBe(1);
    expect(p.total.days.find((d) => d.date === '2026-10-30')!.due).toBe(1);
  });

  it('Europe/Berlin, across the March change: 3 a.m. does not exist, days still follow one another', () => {
    const rule: DayRule = { startHour: 4, utcOffsetMinutes: offsetIn('Europe/Berlin') };
    const now = Date.parse('2027-03-27T23:30+01:00');
    const p = planExam({
      decks: [deck('d', news(6))],
      now,
      rule,
      examDay: Date.UTC(2027, 2, 30) / DAY,
      target: 0.9,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
    });
    expect(p.total.days.map((d) => [d.date, d.new])).toEqual([
      ['2027-03-27', 2],
      ['2027-03-28', 2],
      ['2027-03-29', 2],
      ['2027-03-30', 0],
    ]);
  });

  it('Asia/Shanghai at 02:00: still yesterday\'s study day, so an exam "tomorrow" by the calendar is two study days away', () => {
    const rule: DayRule = { startHour: 4, utcOffsetMinutes: offsetIn('Asia/Shanghai') };
    const now = Date.parse('2026-12-03T02:00+08:00');
    expect(dayNumber(now, rule)).toBe(Date.UTC(2026, 11, 2) / DAY);
    const due = {
      ...review(30, 0, 0),
      lastReview: Date.parse('2026-11-20T20:00+08:00'),
      due: Date.parse('2026-12-03T03:59+08:00'),
    };
    const p = planExam({
      decks: [deck('d', { due, ...news(4) })],
      now,
      rule,
      examDay: Date.UTC(2026, 11, 4) / DAY,
      target: 0.9,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
    });
    expect(p.today).toBe('2026-12-02');
    expect(p.daysLeft).toBe(2);
    expect(p.items[0]!.due).toBe('2026-12-02');
    expect(p.total.days[0]).toMatchObject({ date: '2026-12-02', due: 1, new: 2 });
  });
});

describe('the plan agrees with the scheduler', () => {
  it("recall on the exam day is the scheduler's retrievability at any time of that study day", () => {
    const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: UTC_DAY_RULE });
    const memory = review(20, 10, 30);
    const p = plan([deck('d', { a: memory })], 5);
    for (const hour of [4, 12, 27.9])
      expect(p.items[0]!.recall).toBe(scheduler.retrievability(memory, (TODAY + 5) * DAY + hour * HOUR));
  });

  it("the interval after a Good on a new item is the scheduler's (2 days at 90%)", () => {
    expect(MODEL.interval(MODEL.next(null, 0, 3).stability)).toBe(2);
    expect(MODEL.daysAbove(20, 0.9)).toBe(20);
    expect(MODEL.daysAbove(0.1, 0.9)).toBe(0);
  });
});

describe('--exam and --exam-retention', () => {
  const today = TODAY;
  it.each([
    ['2026-12-03', { value: today }],
    ['2026-12-20', { value: today + 17 }],
    [' 2027-06-14 ', { value: Date.UTC(2027, 5, 14) / DAY }],
    [date(EXAM_MAX_DAYS), { value: today + EXAM_MAX_DAYS }],
  ])('%s is fine', (text, expected) => expect(parseExamDate(text, today, date(0))).toEqual(expected));
  it.each([
    ['12/20/2026', `--exam must be the exam's date as YYYY-MM-DD, such as 2027-06-14, not "12/20/2026"`],
    ['2027-02-30', `--exam must be the exam's date as YYYY-MM-DD, such as 2027-06-14, not "2027-02-30"`],
    ['', `--exam must be the exam's date as YYYY-MM-DD, such as 2027-06-14, not ""`],
    [
      '2026-12-02',
      `--exam 2026-12-02 is in the past (today's study day is 2026-12-03); give the date of an exam still to come`,
    ],
    [
      date(EXAM_MAX_DAYS + 1),
      `--exam ${date(EXAM_MAX_DAYS + 1)} is more than 3 years away (1097 days); plan for an exam at most 1096 days ahead`,
    ],
  ])('%s: %s', (text, error) => expect(parseExamDate(text, today, date(0))).toEqual({ error }));
  it.each([
    [undefined, { value: 0.9 }],
    ['0.95', { value: 0.95 }],
    ['0.7', { value: 0.7 }],
    [
      '1',
      { error: '--exam-retention must be a number from 0.70 to 0.99 (the recall to reach on the exam day), not "1"' },
    ],
    [
      '',
      { error: '--exam-retention must be a number from 0.70 to 0.99 (the recall to reach on the exam day), not ""' },
    ],
    [
      'high',
      {
        error: '--exam-retention must be a number from 0.70 to 0.99 (the recall to reach on the exam day), not "high"',
      },
    ],
  ])('--exam-retention %s', (text, expected) => expect(parseExamRetention(text)).toEqual(expected));
});
