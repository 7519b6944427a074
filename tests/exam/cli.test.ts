import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamPlan } from '../../src/core/exam/plan.js';
import type { StatsReport } from '../../src/core/stats/model.js';
import { runCli } from '../helpers/cli.js';
import { writeReviews } from '../stats/helpers.js';

// `quizdeck stats --exam` (built CLI) on a database written as study writes it.
const DECK = resolve(import.meta.dirname, '../fixtures/valid/sample.yaml');
const ZH_DECK = resolve(import.meta.dirname, '../../decks/hypervisors.zh.yaml');
const DAY = 86_400_000;
const HOUR = 3_600_000;
let dir: string;
let db: string;

/** The local date of the study day `offset` days after today's, in a zone `hours` east of UTC (4 a.m. day start). */
const studyDate = (offset: number, hours = 0) =>
  new Date((Math.floor((Date.now() + (hours - 4) * HOUR) / DAY) + offset) * DAY).toISOString().slice(0, 10);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-exam-'));
  db = join(dir, 'q.db');
  const now = Math.floor((Date.now() - 4 * HOUR) / DAY) * DAY + 6 * HOUR;
  writeReviews(db, 'sample', now, [
    ['esx-hypervisor-name', 'esx-hypervisor-name', 40, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 39.99, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 36, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 25, 3],
    ['hyperv-parent', 'hyperv-parent', 3, 3],
    ['hyperv-parent', 'hyperv-parent', 2.99, 3],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quizdeck stats --exam (built CLI)', () => {
  it('the plan after the stats, at 80 columns: sentences, feasibility, a row a day from today to the exam', () => {
    const exam = studyDate(10);
    const r = runCli(['stats', DECK, '--db', db, '--exam', exam], { env: { TZ: 'UTC' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = r.stdout.slice(r.stdout.indexOf('Exam plan'));
    expect(plan.split('\n')[0]).toBe(`Exam plan · ${exam} (10 study days left) · target recall 90%`);
    expect(plan).toContain('New items: 4 to learn, 1 a day, the last on');
    expect(plan).toContain('✓ Feasible within 20 new items and 200 reviews a day per deck');
    expect(plan).toContain(`  ${studyDate(0)} today `);
    expect(plan).toContain(`  ${exam} exam `);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('--json: the stats object with an `exam` object: every item, a day each, the totals', () => {
    const exam = studyDate(5);
    const r = runCli(['stats', DECK, '--db', db, '--exam', exam, '--exam-retention', '0.95', '--json'], {
      env: { TZ: 'UTC' },
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as StatsReport & { exam: ExamPlan };
    const p = report.exam;
    expect(p).toMatchObject({
      exam,
      today: studyDate(0),
      daysLeft: 5,
      target: 0.95,
      limits: { newPerDay: 20, reviewsPerDay: 200 },
      feasible: true,
      problems: [],
    });
    expect(p.items).toHaveLength(report.total.items.total);
    expect(p.total.days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5].map((k) => studyDate(k)));
    expect(p.total.new).toBe(4);
    const esx = p.items.find((i) => i.key === 'esx-hypervisor-name')!;
    expect(esx.recall).toBeGreaterThan(0);
    expect(esx.due).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(p.items.filter((i) => i.recall === null).map((i) => i.introduce)).not.toContain(null);
  });

  it('limits too small: not feasible, and why, in one sentence a problem (exit 0: the plan is shown)', () => {
    const r = runCli(['stats', DECK, '--db', db, '--exam', studyDate(2), '--new', '1', '--reviews', '0'], {
      env: { TZ: 'UTC' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✗ Not feasible within the limits:');
    expect(r.stdout.replace(/\n +/g, ' ')).toContain(
      'sample: 4 new items left, 2 days, new limit 1 a day (2 left for the exam day)',
    );
  });

  it.each([
    [
      ['--exam', 'next friday'],
      `quizdeck: --exam must be the exam's date as YYYY-MM-DD, such as 2027-06-14, not "next friday"\n`,
    ],
    [
      ['--exam', studyDate(-1)],
      `quizdeck: --exam ${studyDate(-1)} is in the past (today's study day is ${studyDate(0)}); give the date of an exam still to come\n`,
    ],
    [
      ['--exam', studyDate(1200)],
      `quizdeck: --exam ${studyDate(1200)} is more than 3 years away (1200 days); plan for an exam at most 1096 days ahead\n`,
    ],
    [
      ['--exam-retention', '0.95'],
      'quizdeck: --exam-retention goes with --exam DATE (the recall to reach on that day)\n',
    ],
    [['--exam', studyDate(3), '--new', 'ten'], 'quizdeck: --new must be a whole number from 0 to 9999, not "ten"\n'],
  ])('%j: one sentence, exit 2', (args, message) => {
    const r = runCli(['stats', DECK, '--db', db, ...args], { env: { TZ: 'UTC' } });
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('in Asia/Shanghai, today is the study day that began at 4 a.m. there (before 4 a.m.: the one that began yesterday)', () => {
    const today = studyDate(0, 8);
    const r = runCli(['stats', DECK, '--db', db, '--exam', today, '--json'], { env: { TZ: 'Asia/Shanghai' } });
    expect(r.code).toBe(0);
    const p = (JSON.parse(r.stdout) as { exam: ExamPlan }).exam;
    expect(p).toMatchObject({ today, exam: today, daysLeft: 0 });
    expect(p.total.days).toHaveLength(1);
  });

  it('a Chinese deck without a database: the plan in Chinese, every item new', () => {
    const r = runCli(['stats', ZH_DECK, '--db', join(dir, 'none.db'), '--exam', studyDate(30), '--new', '5'], {
      env: { TZ: 'UTC', LANG: 'zh_CN.UTF-8' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`考试计划 · ${studyDate(30)}（还有 30 个学习日）· 目标记忆率 90%`);
    expect(r.stdout).toContain('新项目：共 166 项，每天 5 项');
    expect(r.stdout.replace(/\n +/g, '')).toContain(
      'hypervisors-zh：还剩 166 个新项目，只有 30 天，新项目限额每天 5 个（16 个留到考试当天）',
    );
  });

  it("--html: the plan is a section of the report, before the decks'", () => {
    const file = join(dir, 'report.html');
    const r = runCli(['stats', DECK, '--db', db, '--exam', studyDate(7), '--html', file], { env: { TZ: 'UTC' } });
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    const exam = html.indexOf('<section class="exam">');
    expect(exam).toBeGreaterThan(0);
    expect(exam).toBeLessThan(html.indexOf('<section>'));
    expect(html).toContain(`Exam plan · ${studyDate(7)} (7 study days left)`);
  });
});
