import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deckSchedulers } from '../../src/core/optimize/deckSchedulers.js';
import { ALL_DECKS } from '../../src/core/optimize/plan.js';
import { formatInterval } from '../../src/core/schedule/day.js';
import {
  createMemoryModel,
  createScheduler,
  DEFAULT_SCHEDULER_OPTIONS,
  type CardMemory,
  type GradeValue,
} from '../../src/core/schedule/fsrs.js';
import type { ItemState } from '../../src/core/schedule/queue.js';
import { openDatabase } from '../../src/io/db.js';
import { saveParameters } from '../../src/io/parametersStore.js';
import { runInPty } from '../helpers/pty.js';
import { TRUE_WEIGHTS } from './simulate.mjs';

const DAY = 86_400_000;
// Memories grow much faster after a successful review than FSRS-6's defaults say (w8).
const FAST = TRUE_WEIGHTS.map((w, i) => (i === 8 ? 2.8 : w));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const reviewMemory = (now: number): CardMemory => ({
  state: 2,
  due: now - DAY,
  stability: 5,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 9,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: now - 10 * DAY,
});

describe('study with fitted parameters', () => {
  it('the scheduler takes the weights: other intervals and recall than the defaults', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const fitted = createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, weights: TRUE_WEIGHTS });
    const defaults = createScheduler(DEFAULT_SCHEDULER_OPTIONS);
    const memory = reviewMemory(now);
    expect(fitted.answer(memory, 'k', now, 3).stability).not.toBeCloseTo(
      defaults.answer(memory, 'k', now, 3).stability,
      1,
    );
    // w20 (the decay) differs, so the same stability gives another recall probability.
    expect(fitted.retrievability(memory, now)).not.toBeCloseTo(defaults.retrievability(memory, now), 3);
  });

  it('the memory model the optimiser tests with is the one the scheduler uses', () => {
    const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, weights: TRUE_WEIGHTS });
    const model = createMemoryModel(TRUE_WEIGHTS);
    const answers: [number, GradeValue][] = [
      [0, 1],
      [10, 3],
      [25, 3],
      [DAY, 3],
      [4 * DAY, 1],
      [4 * DAY + 600_000, 3],
      [9 * DAY, 2],
      [30 * DAY, 4],
    ];
    const start = Date.UTC(2026, 0, 1, 9);
    let memory: CardMemory | undefined;
    let state = null as ReturnType<typeof model.next> | null;
    let last = start;
    for (const [offset, grade] of answers) {
      const at = start + offset * (offset < DAY ? 60_000 : 1);
      const days = Math.floor((at - 4 * 3_600_000) / DAY) - Math.floor((last - 4 * 3_600_000) / DAY);
      if (memory) expect(model.recall(days, state!.stability)).toBeCloseTo(scheduler.retrievability(memory, at), 10);
      memory = scheduler.answer(
        memory ?? { ...reviewMemory(at), state: 0, stability: 0, difficulty: 0, reps: 0, lastReview: null, due: at },
        'k',
        at,
        grade,
      );
      state = model.next(state, days, grade);
      expect(state.stability).toBeCloseTo(memory.stability, 6);
      expect(state.difficulty).toBeCloseTo(memory.difficulty, 6);
      last = at;
    }
  });

  it('a session over decks with different parameters schedules and orders each deck with its own', () => {
    const made: (readonly number[] | undefined)[] = [];
    const stored = new Map([
      ['a', TRUE_WEIGHTS],
      [ALL_DECKS, TRUE_WEIGHTS.map((w, i) => (i === 20 ? 0.2 : w))],
    ]);
    const schedulers = deckSchedulers(['a', 'b', 'c'], stored, (weights) => {
      made.push(weights);
      return createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, weights });
    });
    expect(made).toEqual([TRUE_WEIGHTS, stored.get(ALL_DECKS)]);
    expect(schedulers.of('b')).toBe(schedulers.of('c'));
    expect(schedulers.of('a')).not.toBe(schedulers.of('b'));
    const now = Date.UTC(2026, 5, 1, 12);
    const inA: ItemState = { memory: reviewMemory(now), leech: false };
    const inB: ItemState = { memory: reviewMemory(now), leech: false };
    const recall = schedulers.retrievability(
      new Map([
        ['a', new Map([['x', inA]])],
        ['b', new Map([['x', inB]])],
      ]),
    );
    expect(recall(inA.memory, now)).toBe(schedulers.of('a').retrievability(inA.memory, now));
    expect(recall(inB.memory, now)).toBe(schedulers.of('b').retrievability(inB.memory, now));
    expect(recall(inA.memory, now)).not.toBe(recall(inB.memory, now));
  });

  it('quizdeck study shows the intervals of the adopted parameters', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-optimize-study-'));
    dirs.push(dir);
    const path = join(dir, 'q.db');
    const now = Date.now();
    const memory = reviewMemory(now);
    const db = openDatabase(path);
    db.prepare(
      `INSERT INTO card_state (deck_id, card_key, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id)
       VALUES ('sample', 'xen-pv-hw', 'xen-pv-hw', 2, ?, 5, 5, 0, 9, 0, 3, 0, ?, 0, 1)`,
    ).run(memory.due, memory.lastReview);
    saveParameters(db, {
      deckId: 'sample',
      weights: FAST,
      fittedAt: now,
      reviews: 1000,
      logLoss: 0.2,
      rmse: 0.02,
      defaultLogLoss: 0.3,
      defaultRmse: 0.05,
    });
    db.close();

    const good = (weights?: readonly number[]) => {
      const next = createScheduler({ ...DEFAULT_SCHEDULER_OPTIONS, weights }).preview(
        memory,
        'sample/xen-pv-hw',
        now,
      )[3];
      return formatInterval(next.due - now);
    };
    expect(good(FAST)).not.toBe(good());
    const s = runInPty(['study', 'tests/fixtures/valid/sample.yaml', '--db', path, '--new', '0'], {
      env: { TZ: 'UTC' },
    });
    await s.waitFor('True or false?');
    s.send('f');
    await s.waitFor(`Good · ${good(FAST)}`);
    s.send('q');
    await s.waitFor('Session summary');
    expect((await s.exit()).exitCode).toBe(0);
  });
});
