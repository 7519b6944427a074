import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '../../src/core/stats/model.js';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_WEIGHTS } from '../../src/core/schedule/fsrs.js';
import { openDatabase } from '../../src/io/db.js';
import { BROWSER_FLAGS } from '../../src/io/pdf.js';
import { saveParameters } from '../../src/io/parametersStore.js';
import { writeQuizzes, writeReviews } from './helpers.js';
import { displayWidth } from '../../src/core/text.js';

// The built binary (npm test builds dist/ first) on a database written as study and quiz write it.
const DECK = resolve(import.meta.dirname, '../fixtures/valid/sample.yaml');
const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-stats-'));
  db = join(dir, 'q.db');
  // Two hours into the current study day (4 a.m. UTC; the CLI runs with TZ=UTC): answers 0.01
  // days apart stay in one study day, whatever time the test runs.
  const now = Math.floor((Date.now() - 4 * 3_600_000) / 86_400_000) * 86_400_000 + 6 * 3_600_000;
  writeReviews(db, 'sample', now, [
    ['esx-hypervisor-name', 'esx-hypervisor-name', 20, 3],
    ['hyperv-parent', 'hyperv-parent', 20, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 19.99, 3],
    ['hyperv-parent', 'hyperv-parent', 19.99, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 16, 3],
    ['hyperv-parent', 'hyperv-parent', 15, 1],
    ['hyperv-parent', 'hyperv-parent', 14.99, 3],
    ['esx-hypervisor-name', 'esx-hypervisor-name', 6, 3],
    ['hyperv-parent', 'hyperv-parent', 5, 1],
    ['hyperv-parent', 'hyperv-parent', 4.99, 3],
    ['removed-card', 'removed-card', 4, 3],
  ]);
  writeQuizzes(db, 'sample', now, [
    [
      3,
      [
        ['xen-pv-hw', 'xen', false],
        ['hyperv-parent', 'hyper-v', true],
      ],
    ],
    [
      1,
      [
        ['xen-pv-hw', 'xen', false],
        ['hyperv-parent', 'hyper-v', true],
      ],
    ],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quizdeck stats (built CLI)', () => {
  it('--json: one object with counts, activity, forecast, retention, calibration, hardest and quizzes', () => {
    const r = runCli(['stats', DECK, '--db', db, '--json'], { env: { TZ: 'UTC' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as StatsReport;
    expect(report.version).toBe(1);
    expect(report.decks.map((d) => d.id)).toEqual(['sample']);
    const d = report.decks[0]!;
    expect(d.items.total).toBe(6); // a reverse card and a cloze card of two deletions
    expect(d.items.new).toBe(4);
    expect(d.items.young + d.items.mature + d.items.learning).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.activity.reviews.total).toBe(11); // the removed card's review is history too
    expect(d.activity.heatmap.counts.reduce((a, b) => a + b, 0)).toBe(11);
    expect(d.forecast).toHaveLength(30);
    expect(d.retention.last30.reviews).toBe(4);
    expect(d.retention.last30.recalled).toBe(2);
    expect(d.calibration.reviews).toBe(4); // not the first answers, nor the second ones on the same day
    expect(d.calibration.rmseBins).toBeGreaterThan(0);
    expect(d.hardest[0]).toMatchObject({
      key: 'hyperv-parent',
      lapses: 2,
      question: 'In Hyper-V, which partition owns the physical device drivers?',
    });
    expect(d.quiz.attempts).toBe(2);
    expect(d.quiz.missed[0]).toMatchObject({
      key: 'xen-pv-hw',
      missed: 2,
      asked: 2,
      question: 'Xen paravirtualized guests require hardware-assisted CPU virtualization.',
    });
    expect(report.total.activity.reviews.total).toBe(11);
  });

  it('the screen without colour: shade characters, every section, 80 columns', () => {
    const r = runCli(['stats', DECK, '--db', db]);
    expect(r.code).toBe(0);
    for (const heading of [
      'Items',
      'Cards',
      'Reviews, last 26 weeks',
      'Due in the next 30 days',
      'True retention',
      'Calibration',
      'Hardest items',
      'Quizzes: 2 complete attempts',
      'Missed most often',
    ])
      expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/[░▒▓█]/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('with colour: ANSI colours in the heatmap', () => {
    const r = runCli(['stats', DECK, '--db', db, '--color'], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[[\d;]+m■/);
  });

  it('predicts with the parameters quizdeck optimize adopted, as study schedules with them', () => {
    const fittedDb = join(dir, 'fitted.db');
    writeFileSync(fittedDb, readFileSync(db));
    const handle = openDatabase(fittedDb);
    // Stabilities read from the log are what they are; a faster forgetting curve (decay w[20]) lowers every prediction.
    const weights = [...DEFAULT_WEIGHTS];
    weights[20] = 0.5;
    saveParameters(handle, {
      deckId: 'sample',
      weights,
      fittedAt: 1,
      reviews: 10,
      logLoss: 0.3,
      rmse: 0.1,
      defaultLogLoss: 0.4,
      defaultRmse: 0.2,
    });
    handle.close();
    const before = JSON.parse(
      runCli(['stats', DECK, '--db', db, '--json'], { env: { TZ: 'UTC' } }).stdout,
    ) as StatsReport;
    const after = JSON.parse(
      runCli(['stats', DECK, '--db', fittedDb, '--json'], { env: { TZ: 'UTC' } }).stdout,
    ) as StatsReport;
    expect([before.decks[0]!.parameters, after.decks[0]!.parameters, after.total.parameters]).toEqual([
      'default',
      'fitted',
      'fitted',
    ]);
    expect(after.decks[0]!.calibration.reviews).toBe(before.decks[0]!.calibration.reviews);
    expect(after.decks[0]!.calibration.predicted!).toBeLessThan(before.decks[0]!.calibration.predicted! - 0.01);
    expect(runCli(['stats', DECK, '--db', fittedDb]).stdout).toContain(
      'predicted with FSRS parameters fitted by quizdeck optimize: sample',
    );
  });

  it('a database that does not exist: every item new, said on stderr, nothing created', () => {
    const missing = join(dir, 'none.db');
    const r = runCli(['stats', DECK, '--db', missing, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no review database yet');
    expect((JSON.parse(r.stdout) as StatsReport).total.items.new).toBe(6);
    expect(existsSync(missing)).toBe(false);
  });

  it('a bad option value is refused with exit code 2', () => {
    expect(runCli(['stats', DECK, '--db', db, '--retention', '2']).code).toBe(2);
    expect(runCli(['stats', DECK, '--db', db, '--day-start', '24']).code).toBe(2);
  });

  it('in Chinese (--lang zh): every heading, the heatmap and the forecast in Chinese, 80 columns wide on screen', () => {
    const r = runCli(['stats', DECK, '--db', db, '--lang', 'zh']);
    expect(r.code).toBe(0);
    for (const heading of [
      'quizdeck 统计 · 1 个卡组 · 学习日',
      '条目',
      '卡片',
      '最近 26 周的复习（sample）',
      '未来 30 天的待复习（sample）',
      '真实保留率',
      '校准：预测的记忆概率与实际结果',
      '最难的条目',
      '测验：完成 2 次',
      '最常答错',
    ])
      expect(r.stdout).toContain(heading);
    for (const english of [
      'Items',
      'Reviews, last',
      'Due in the next',
      'True retention',
      'Hardest items',
      'Quizzes:',
      'Missed most often',
      'today',
      'Mon',
    ])
      expect(r.stdout).not.toContain(english);
    expect(r.stdout).toMatch(/^一 {3}[ ·░▒▓█]/m);
    expect(r.stdout).toMatch(/^ +今天 +\+7 +\+14/m);
    expect(Math.max(...r.stdout.split('\n').map(displayWidth))).toBeLessThanOrEqual(80);
  });

  it("follows the decks' language without --lang, and --lang en overrides it", () => {
    const zhDeck = join(dir, 'sample.zh.yaml');
    writeFileSync(zhDeck, readFileSync(DECK, 'utf8').replace(/^lang: en$/m, 'lang: zh-CN'));
    expect(runCli(['stats', zhDeck, '--db', db]).stdout).toContain('最难的条目');
    expect(runCli(['stats', zhDeck, '--db', db, '--lang', 'en']).stdout).toContain('Hardest items');
  });

  it('--json is English whatever the language: the same object with --lang zh', () => {
    const en = runCli(['stats', DECK, '--db', db, '--json'], { env: { TZ: 'UTC' } });
    const zh = runCli(['stats', DECK, '--db', db, '--json', '--lang', 'zh'], { env: { TZ: 'UTC' } });
    const drop = (s: string) => ({ ...(JSON.parse(s) as StatsReport), generatedAt: '' });
    expect(drop(zh.stdout)).toEqual(drop(en.stdout));
    expect(drop(zh.stdout).total.title).toBe('total');
  });

  it('--html: a self-contained report that headless Chromium renders', () => {
    const html = join(dir, 'report.html');
    const r = runCli(['stats', DECK, '--db', db, '--html', html]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`quizdeck: wrote ${html}\n`);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('prefers-color-scheme: dark');
    expect(text).toContain('@media print');
    expect(text).not.toMatch(/<script|<link|src=|url\(|https?:/);
    expect(text).toContain('<html lang="en">');
    const zhHtml = join(dir, 'report.zh.html');
    expect(runCli(['stats', DECK, '--db', db, '--html', zhHtml, '--lang', 'zh']).code).toBe(0);
    const zhText = readFileSync(zhHtml, 'utf8');
    expect(zhText).toContain('<html lang="zh">');
    for (const heading of [
      '<h1>quizdeck 统计</h1>',
      '<h2>合计</h2>',
      '最近 26 周的复习',
      '校准：预测的记忆概率与实际结果',
      '最常答错',
    ])
      expect(zhText).toContain(heading);
    expect(zhText).not.toMatch(/Hardest items|True retention|>Mon</);
    if (!existsSync(CHROMIUM)) return;
    const png = join(dir, 'report.png');
    const profile = join(dir, 'profile');
    const shot = spawnSync(
      CHROMIUM,
      [
        ...BROWSER_FLAGS,
        `--user-data-dir=${profile}`,
        `--screenshot=${png}`,
        '--window-size=1000,1400',
        `file://${html}`,
      ],
      { timeout: 90_000 },
    );
    expect(shot.status).toBe(0);
    expect(statSync(png).size).toBeGreaterThan(10_000);
  }, 120_000);
});

describe('stats with no path', () => {
  it('as study: one deck of each translation group, in the language of --lang or LANG', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quizdeck-stats-lang-')), 'none.db');
    const ids = (env: Record<string, string>, args: string[] = []) =>
      (JSON.parse(runCli(['stats', '--json', '--db', db, ...args], { env }).stdout) as StatsReport).decks.map(
        (d) => d.id,
      );
    expect(ids({ LANG: 'zh_CN.UTF-8' })).toEqual(['hypervisors-zh']);
    expect(ids({ LANG: 'en_US.UTF-8' })).toEqual(['hypervisors']);
    expect(ids({ LANG: 'en_US.UTF-8' }, ['--lang', 'zh'])).toEqual(['hypervisors-zh']);
    // Named, both are used.
    expect(ids({ LANG: 'en_US.UTF-8' }, ['decks'])).toEqual(['hypervisors', 'hypervisors-zh']);
  });
});
