import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExamPlan, readExamInputs } from '../../src/commands/examPlan.js';
import { outlineOf } from '../../src/core/deck/outline.js';
import type { Deck } from '../../src/core/deck/schema.js';
import { examToday } from '../../src/core/exam/today.js';
import { DAY, UTC_DAY_RULE } from '../../src/core/schedule/day.js';
import { DEFAULT_WEIGHTS } from '../../src/core/schedule/fsrs.js';
import { openDatabase } from '../../src/io/db.js';
import { saveParameters } from '../../src/io/parametersStore.js';
import { writeReviews } from '../stats/helpers.js';

// What the plan reads from a database written as study writes it, and the plan made from it.
const dir = mkdtempSync(join(tmpdir(), 'quizdeck-exam-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 12:00 UTC: study day 2026-12-03 under the UTC rule.
const NOW = Date.UTC(2026, 11, 3, 12);
const cards = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, q: `Question ${i}?`, a: `Answer ${i}` }));
const deck = { deck: 'd', title: 'D', lang: 'en', cards } as unknown as Deck;

/** The plan's settings for an exam on `examDay`: target 0.9, study's default limits and scheduler. */
const settings = (examDay: number) => ({
  examDay,
  target: 0.9,
  now: NOW,
  rule: UTC_DAY_RULE,
  limits: { newPerDay: 20, reviewsPerDay: 200 },
  retention: 0.9,
  maximumIntervalDays: 36500,
});

describe('readExamInputs and buildExamPlan', () => {
  const db = join(dir, 'q.db');
  writeReviews(db, 'd', NOW, [
    ['c0', 'c0', 30, 3],
    ['c0', 'c0', 27, 3],
    ['c1', 'c1', 0.1, 3], // introduced today
    ['c2', 'c2', 0.05, 3], // introduced today
  ]);

  it('reads every stored memory (due or not) and the new items introduced today', () => {
    const handle = openDatabase(db, { readonly: true })!;
    const reads = readExamInputs(handle, ['d', 'other'], NOW, UTC_DAY_RULE);
    handle.close();
    expect([...reads.memories.get('d')!.keys()].sort()).toEqual(['c0', 'c1', 'c2']);
    expect(reads.memories.get('other')!.size).toBe(0);
    expect(reads.introducedToday).toEqual(new Map([['d', 2]]));
    expect(reads.fitted.size).toBe(0);
  });

  it("today's new items count toward today's share: 7 left and 2 done over 3 days is 3 a day, 1 more today", () => {
    const handle = openDatabase(db, { readonly: true })!;
    const reads = readExamInputs(handle, ['d'], NOW, UTC_DAY_RULE);
    handle.close();
    const plan = buildExamPlan([outlineOf(deck)], reads, settings(Date.UTC(2026, 11, 6) / DAY));
    expect(plan.decks[0]).toMatchObject({ items: 10, new: 7, newPerDay: 3 });
    expect(plan.total.days.map((d) => d.new)).toEqual([1, 3, 3, 0]);
    expect(examToday(plan).get('d')!.newLimit).toBe(3);
  });

  it('plans each deck with the parameters quizdeck optimize adopted for it', () => {
    const fittedDb = join(dir, 'fitted.db');
    writeReviews(fittedDb, 'd', NOW, [
      ['c0', 'c0', 30, 3],
      ['c0', 'c0', 27, 3],
    ]);
    const writable = openDatabase(fittedDb);
    saveParameters(writable, {
      deckId: 'd',
      weights: DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? w * 4 : w)),
      fittedAt: NOW,
      reviews: 500,
      logLoss: 0.3,
      rmse: 0.1,
      defaultLogLoss: 0.4,
      defaultRmse: 0.2,
    });
    writable.close();
    const plans = [db, fittedDb].map((path) => {
      const handle = openDatabase(path, { readonly: true })!;
      const reads = readExamInputs(handle, ['d'], NOW, UTC_DAY_RULE);
      handle.close();
      return buildExamPlan([outlineOf(deck)], reads, settings(Date.UTC(2027, 0, 20) / DAY));
    });
    const [plain, fitted] = plans.map((p) => p.items.find((i) => i.key === 'c0')!);
    expect(plain!.recall).not.toBeCloseTo(fitted!.recall!, 3);
  });

  it('without a database: every item new', () => {
    const plan = buildExamPlan([outlineOf(deck)], null, settings(Date.UTC(2026, 11, 8) / DAY));
    expect(plan.total).toMatchObject({ items: 10, new: 10, newPerDay: 2 });
  });
});
