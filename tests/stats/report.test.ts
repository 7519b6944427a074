import { describe, expect, it } from 'vitest';
import { DAY, type DayRule } from '../../src/core/schedule/day.js';
import { createForgettingCurve } from '../../src/core/schedule/fsrs.js';
import { stateColumnsOf, type StateRow } from '../../src/core/stats/cards.js';
import { buildStatsReport } from '../../src/core/stats/report.js';
import { ReviewAggregator } from '../../src/core/stats/reviews.js';
import { foldReviewRows } from '../helpers/reviews.js';

const SHANGHAI: DayRule = { startHour: 4, utcOffsetMinutes: () => 480 };
const UTC: DayRule = { startHour: 4, utcOffsetMinutes: () => 0 };
// Wednesday 2025-03-12, 02:00 UTC = 10:00 in Shanghai. In UTC it is still study day 03-11 (before 4 a.m.).
const NOW = Date.UTC(2025, 2, 12, 2);
const recall = createForgettingCurve();

const ids = ['a', 'b', 'c', 'd'];
const keys = [['a', 'a:reverse'], ['b'], ['c:c1', 'c:c2'], ['d']];
const shape = ids.map((id, i) => ({ id, keys: keys[i]! }));
const row = (
  key: string,
  state: number,
  due: number,
  scheduledDays: number,
  extra: Partial<{ lapses: number; leech: number; stability: number }> = {},
): StateRow => [key, state, due, extra.stability ?? scheduledDays, scheduledDays, extra.lapses ?? 0, extra.leech ?? 0];
const states: StateRow[] = [
  row('a', 2, Date.UTC(2025, 2, 12, 19), 30), // Shanghai: 03:00 on the 13th, still study day 12 (today); UTC: day 12 (tomorrow)
  row('a:reverse', 2, Date.UTC(2025, 2, 12, 21), 5), // Shanghai: 05:00 on the 13th (tomorrow); UTC: tomorrow
  row('b', 1, Date.UTC(2025, 2, 1), 0, { lapses: 1 }), // overdue: today everywhere
  row('c:c1', 2, NOW + 40 * DAY, 21, { lapses: 3, stability: 40 }),
  row('c:c2', 2, NOW + 40 * DAY, 25, { lapses: 8, leech: 1, stability: 2 }),
  row('zzz', 2, NOW, 3), // a card no longer in the deck
];
const reviews: [number, number][] = [
  [Date.UTC(2025, 2, 11, 21), 3], // Shanghai 05:00 on the 12th: today. UTC 21:00 on the 11th: today
  [Date.UTC(2025, 2, 11, 19, 30), 1], // Shanghai 03:30 on the 12th: the 11th. UTC: today
  [Date.UTC(2025, 2, 10, 3), 3], // Shanghai 11:00 on the 10th. UTC 03:00: the 9th
];

function report(rule: DayRule) {
  const aggregator = new ReviewAggregator(1, rule, recall);
  foldReviewRows(
    aggregator,
    [...reviews]
      .sort((x, y) => x[0] - y[0])
      .map(([at, rating], i) => ({ deck: 0, key: `k${i}`, at, rating, stateBefore: 2, stability: 5 })),
  );
  return buildStatsReport({
    now: NOW,
    rule,
    desiredRetention: 0.9,
    decks: [
      {
        id: 'deck',
        title: 'Deck',
        fitted: false,
        shape,
        states: stateColumnsOf(states),
        reviews: aggregator.decks[0]!,
      },
    ],
    quizSections: [],
    quizMissed: [],
    question: (_d, key) => `Q ${key}\u001b[2J`,
  });
}

describe('stats report', () => {
  it('counts items and cards by status: a card where its least advanced item is, a leech if any item is', () => {
    const d = report(UTC).decks[0]!;
    expect(d.items).toEqual({ new: 1, learning: 1, young: 1, mature: 3, leeches: 1, total: 6 });
    expect(d.cards).toEqual({ new: 1, learning: 1, young: 1, mature: 1, leeches: 1, total: 4 });
    expect(d.removed).toBe(1);
    expect(report(UTC).total.items).toEqual(d.items);
  });

  it.each([
    ['Asia/Shanghai', SHANGHAI, '2025-03-12', [2, 1]],
    ['UTC', UTC, '2025-03-11', [1, 2]],
  ])('forecast by study day in %s', (_zone, rule, today, [first, second]) => {
    const r = report(rule);
    expect(r.today.date).toBe(today);
    expect(r.decks[0]!.forecast).toHaveLength(30);
    expect(r.decks[0]!.forecast.slice(0, 3)).toEqual([first, second, 0]);
    expect(r.decks[0]!.forecast.reduce((a, b) => a + b, 0)).toBe(3); // the two due in 40 days are beyond it
  });

  it.each([
    ['Asia/Shanghai', SHANGHAI, { '2025-03-12': 1, '2025-03-11': 1, '2025-03-10': 1 }, { current: 3, longest: 3 }],
    ['UTC', UTC, { '2025-03-11': 2, '2025-03-09': 1 }, { current: 1, longest: 1 }],
  ])('heatmap and streak by study day in %s', (_zone, rule, byDate, streak) => {
    const a = report(rule).decks[0]!.activity;
    const from = Date.parse(`${a.heatmap.from}T00:00:00Z`);
    expect(new Date(from).getUTCDay()).toBe(1); // a Monday
    const today = report(rule).today.date;
    expect(from + (a.heatmap.counts.length - 1) * DAY).toBe(Date.parse(`${today}T00:00:00Z`));
    expect(a.heatmap.counts.length).toBe(25 * 7 + (today === '2025-03-12' ? 3 : 2)); // 25 weeks and this week to today
    const seen = Object.fromEntries(
      a.heatmap.counts.flatMap((n, i) => (n > 0 ? [[new Date(from + i * DAY).toISOString().slice(0, 10), n]] : [])),
    );
    expect(seen).toEqual(byDate);
    expect(a.streak).toEqual(streak);
    expect(a.reviews.total).toBe(3);
  });

  it('true retention counts answers to review items in the last 7 / 30 / 365 study days', () => {
    const r = report(SHANGHAI).decks[0]!.retention;
    expect(r.last7).toEqual({ reviews: 3, recalled: 2, rate: 2 / 3 });
    expect(r.desired).toBe(0.9);
  });

  it('the hardest items: leeches, then most lapses, then lowest stability; questions neutralised', () => {
    const hardest = report(UTC).decks[0]!.hardest;
    expect(hardest.map((h) => h.key)).toEqual(['c:c2', 'c:c1', 'b', 'a:reverse', 'a']);
    expect(hardest[0]).toMatchObject({ leech: true, lapses: 8, question: 'Q c:c2^[[2J' });
  });
});
