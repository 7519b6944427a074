import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/io/db.js';
import { PARALLEL_MINIMUM_BYTES, PARALLEL_MINIMUM_REVIEWS } from '../../src/io/statsFold.js';
import { runCli } from '../helpers/cli.js';

/**
 * The built CLI's `stats` folds a big log on two threads; pinned to one CPU (`taskset`: Node
 * then sees one core) it folds it on one. Both give the same report.
 */
const DECK = resolve(import.meta.dirname, '../fixtures/valid/sample.yaml');
const DAY = 86_400_000;
let dir: string;
let db: string;

/** 4,000 items of the sample deck's id (four of them its cards), 24 reviews each. */
function writeBigLog(path: string): number {
  const database = openDatabase(path);
  const review = database.prepare(
    'INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days) VALUES (?, ?, ?, ?, ?, 3000, ?, 2, ?, ?, 5, ?)',
  );
  const state = database.prepare(
    'INSERT INTO card_state (deck_id, card_key, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id) VALUES (?, ?, ?, 2, ?, ?, 5, 0, ?, 0, 20, ?, ?, 0, ?)',
  );
  const cards = ['esx-hypervisor-name', 'hyperv-parent', 'xen-pv-hw', 'kvm-merge'];
  const now = Date.now();
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let reviews = 0;
  database.transaction(() => {
    for (let item = 0; item < 4000; item++) {
      const key = item < cards.length ? cards[item]! : `item-${String(item).padStart(5, '0')}`;
      let at = now - 365 * DAY + Math.floor(random() * 30 * DAY);
      let stability = 1 + random() * 3;
      let lapses = 0;
      let id = 0;
      for (let r = 0; r < 24; r++) {
        const rating = r === 0 ? 3 : random() < 0.85 ? 3 : 1;
        if (rating === 1) lapses++;
        stability = rating === 1 ? Math.max(0.3, stability / 2) : stability * (1.2 + random());
        const days = Math.max(1, Math.round(stability));
        id = Number(
          review.run('sample', key, key, rating, at, r === 0 ? 0 : 2, at + days * DAY, stability, days).lastInsertRowid,
        );
        reviews++;
        at += Math.floor(random() * days * DAY * 0.4 + days * DAY * 0.6) % (18 * DAY);
      }
      state.run('sample', key, key, at + DAY, stability, Math.round(stability), lapses, at, id);
    }
  })();
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  return reviews;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-stats-threads-'));
  db = join(dir, 'q.db');
  const reviews = writeBigLog(db);
  // Big enough for the second thread, by both of its measures.
  expect(reviews).toBeGreaterThanOrEqual(PARALLEL_MINIMUM_REVIEWS);
  expect(statSync(db).size).toBeGreaterThanOrEqual(PARALLEL_MINIMUM_BYTES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `a` and `b` alike, numbers to 12 significant digits (sums added in another order differ in the last bits). */
function expectAlike(a: unknown, b: unknown, where = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), where).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a), where).toEqual(Object.keys(b));
    for (const key of Object.keys(a))
      expectAlike((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${where}.${key}`);
  } else expect(a, where).toEqual(b);
}

describe('quizdeck stats on two threads (built CLI)', { timeout: 60_000 }, () => {
  it('gives the report it gives on one CPU, in several time zones', () => {
    for (const TZ of ['Asia/Shanghai', 'America/Los_Angeles']) {
      const args = ['stats', DECK, '--db', db, '--json'];
      const two = runCli(args, { env: { TZ } });
      const one = runCli(args, { env: { TZ }, through: ['taskset', '-c', '0'] });
      expect(two.stderr).toBe('');
      expect(one.stderr).toBe('');
      expect(two.code).toBe(0);
      // The time each was made differs; the rest may not.
      const { generatedAt, ...report } = JSON.parse(two.stdout);
      const { generatedAt: alsoGenerated, ...alone } = JSON.parse(one.stdout);
      expect(Math.abs(Date.parse(generatedAt) - Date.parse(alsoGenerated))).toBeLessThan(60_000);
      expect(report.total.calibration.reviews).toBeGreaterThan(50_000);
      expectAlike(report, alone);
    }
  });
});
