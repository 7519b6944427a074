import { describe, expect, it } from 'vitest';
import { renderExamHtml } from '../../src/core/exam/html.js';
import { planExam, type ExamDeckInput } from '../../src/core/exam/plan.js';
import { renderExamText } from '../../src/core/exam/text.js';
import { en } from '../../src/core/messages/en.js';
import { zh } from '../../src/core/messages/zh.js';
import { UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import type { CardMemory } from '../../src/core/schedule/fsrs.js';
import { createForecastModel } from '../../src/core/schedule/forecast.js';
import { PLAIN } from '../../src/core/stats/text.js';
import { displayWidth } from '../../src/core/text.js';
import { NOW, review, TODAY } from '../helpers/exam.js';

const MODEL = createForecastModel({ retention: 0.9, maximumIntervalDays: 36500 });

function deck(id: string, fresh: number, studied: [number, number, number][]): ExamDeckInput {
  const keys: string[] = [];
  const memories = new Map<string, CardMemory>();
  studied.forEach(([s, ago, due], i) => {
    keys.push(`r${i}`);
    memories.set(`r${i}`, review(s, ago, due));
  });
  for (let i = 0; i < fresh; i++) keys.push(`n${i}`);
  return { id, keys, memories, model: MODEL };
}

const plan = (decks: ExamDeckInput[], days: number, newPerDay = 20, target = 0.9) =>
  planExam({
    decks,
    now: NOW,
    rule: UTC_DAY_RULE,
    examDay: TODAY + days,
    target,
    limits: { newPerDay, reviewsPerDay: 200 },
  });
const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('the exam plan on the terminal', () => {
  it('a plan of twelve days: the summary sentences and a row a day, today first and the exam last, within 80 columns', () => {
    const text = renderExamText(
      plan(
        [
          deck('bio', 25, [
            [20, 10, 30],
            [3, 2, 1],
            [50, 5, 40],
          ]),
        ],
        12,
      ),
      { columns: 80, labels: en.exam, paint: PLAIN },
    );
    const lines = text.split('\n');
    const flat = text.replace(/\n {2,}(?=[^ \d])/g, ' ');
    expect(lines[0]).toBe('Exam plan · 2026-12-15 (12 study days left) · target recall 90%');
    // R(22 days, S 20) < 90%: the first item is pulled forward; the other two are at target.
    expect(flat).toContain(
      'On the normal schedule 2 of 28 items would be at 90% or more on the day (25 not studied yet)',
    );
    expect(flat).toContain('New items: 25 to learn, 3 a day, the last on 2026-12-11');
    expect(flat).toContain('Pulled forward: 1 review of 1 item whose next review is after the exam');
    expect(flat).toContain('Following the plan: 28 of 28 items at 90% or more; 0 to cram on the exam day');
    expect(flat).toContain('✓ Feasible within 20 new items and 200 reviews a day per deck');
    expect(lines.find((l) => l.includes('pulled fwd'))).toMatch(/^ {2}day +new +due +pulled fwd +cram +total$/);
    expect(lines.filter((l) => /^ {2}2026-12-\d\d/.test(l))).toHaveLength(13);
    expect(text).toMatch(/\n {2}2026-12-03 today +3 +\d+ +\d+ +\d+ +█+\n/);
    expect(text).toMatch(/\n {2}2026-12-15 exam +0 +\d+ +0 +\d+/);
    expect(widest(text)).toBeLessThanOrEqual(80);
  });

  it('not feasible: each problem in a sentence with its numbers, the deck id neutralised', () => {
    const text = renderExamText(plan([deck('bio\u001b[2J', 37, [])], 2, 10), {
      columns: 80,
      labels: en.exam,
      paint: PLAIN,
    });
    expect(text).toContain(
      '✗ Not feasible within the limits:\n    bio^[[2J: 37 new items left, 2 days, new limit 10 a day (17 left for the\n    exam day)',
    );
    expect(text).not.toContain('\u001b');
  });

  it('a plan of 200 days: a bar chart of bars for several days each, with today, the busiest day and the exam day under it', () => {
    const text = renderExamText(plan([deck('bio', 600, [[20, 10, 30]])], 200), {
      columns: 80,
      labels: en.exam,
      paint: PLAIN,
    });
    expect(text).toContain('Work until the exam (each bar: 6 days)');
    expect(text).toContain('today 2026-12-03');
    expect(text).toContain('2027-06-21 exam');
    expect(text).toMatch(/today: 3 new · \d+ due · \d+ pulled forward · busiest day: \d{4}-\d\d-\d\d, \d+/);
    expect(text).toContain('exam day: 0 to cram');
    expect(widest(text)).toBeLessThanOrEqual(80);
    // 120 columns: a bar for every 4 days.
    expect(
      renderExamText(plan([deck('bio', 600, [])], 200), { columns: 120, labels: en.exam, paint: PLAIN }),
    ).toContain('(each bar: 4 days)');
  });

  it('in Chinese, within 80 columns counting wide characters as two', () => {
    for (const days of [0, 5, 300]) {
      const text = renderExamText(
        plan(
          [
            deck('生物', 300, [
              [20, 10, 30],
              [5, 20, 1],
            ]),
          ],
          days,
          10,
          0.95,
        ),
        { columns: 80, labels: zh.exam, paint: PLAIN },
      );
      expect(text).toContain('考试计划 · ');
      expect(text).toContain('目标记忆率 95%');
      expect(widest(text)).toBeLessThanOrEqual(80);
    }
    const today = renderExamText(plan([deck('生物', 3, [])], 0), { columns: 80, labels: zh.exam, paint: PLAIN });
    expect(today).toContain('（就在今天）');
    expect(today).toMatch(/2026-12-03 考试 +3 +0 +0 +3/);
  });

  it('the exam today, in English: nothing pulled forward, the day is the exam day', () => {
    const text = renderExamText(plan([deck('bio', 0, [[10, 15, 30]])], 0), {
      columns: 80,
      labels: en.exam,
      paint: PLAIN,
    });
    expect(text.split('\n')[0]).toBe('Exam plan · 2026-12-03 (today) · target recall 90%');
    expect(text).toContain('New items: none to learn before the exam day');
    expect(text).toContain('Following the plan: 0 of 1 items at 90% or more; 1 to cram on the exam day');
    expect(text).toMatch(/2026-12-03 exam +0 +0 +1 +1/);
  });
});

describe('the exam plan in the HTML report', () => {
  it('a section with the sentences, a stacked bar a day and the table; deck ids escaped', () => {
    const html = renderExamHtml(plan([deck('<b>bio</b>', 37, [[20, 10, 30]])], 2, 10), en.exam);
    expect(html).toMatch(
      /^<section class="exam">\n<h2>Exam plan · 2026-12-05 \(2 study days left\) · target recall 90%<\/h2>/,
    );
    expect(html).toContain(
      '<p class="bad">✗ Not feasible within the limits:</p><ul><li>&#60;b&#62;bio&#60;/b&#62;: 37 new items left, 2 days',
    );
    expect(html).not.toContain('<b>');
    expect(html.match(/<rect style="fill: var\(--bar\); fill-opacity: 0.45" x=/g)!.length).toBe(2 + 1 + 1); // new on two days, the exam day, the legend
    expect(html.match(/<tr><td>2026-12-0\d/g)).toHaveLength(3);
  });
});
