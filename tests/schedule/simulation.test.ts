import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { studyDay, type DayRule } from '../../src/core/schedule/day.js';
import { createScheduler } from '../../src/core/schedule/fsrs.js';
import { gradeEntry } from '../../src/core/schedule/grade.js';
import { StudyQueue } from '../../src/core/schedule/queue.js';
import { openDatabase } from '../../src/io/db.js';
import { ReviewStore } from '../../src/io/store.js';
import { offsetIn } from '../helpers/zones.js';

/**
 * Sessions at awkward hours over the October DST change in Berlin, with the clock once set
 * back, through the store and the queue as `quizdeck study` runs them: each study day (4 a.m.
 * to 4 a.m. on the local clock, worked out here from Intl's wall time) takes at most the limit
 * of new items, and every card's state comes from its last answer.
 */

const ZONE = 'Europe/Berlin';
const MIN = 60_000;
const offset = offsetIn(ZONE);
const rule: DayRule = { startHour: 4, utcOffsetMinutes: offset };
/** The study date of an instant, independently of day.ts: the local date of (wall time − 4 h). */
const studyDate = (time: number) => new Date(time + offset(time) * MIN - 4 * 60 * MIN).toISOString().slice(0, 10);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('ten days of study in Berlin across the October change', () => {
  it('keeps every study day within the new-card limit and applies every answer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-sim-'));
    dirs.push(dir);
    const store = new ReviewStore(openDatabase(join(dir, 'q.db')));
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, q: `q${i}`, a: `a${i}` }) as Card).flatMap(
      (c) => expandCard({ deck: 'd' }, c),
    );
    const scheduler = createScheduler({ retention: 0.9, maximumIntervalDays: 36500, day: rule });
    const limits = { newPerDay: 5, reviewsPerDay: 50 };
    // Early morning, late evening and the small hours of each night (3:30 is the day before).
    const sessions: number[] = [];
    for (let d = 20; d <= 30; d++)
      for (const time of ['04:30', '23:30'])
        sessions.push(Date.parse(`2026-10-${d}T${time}:00${d < 25 ? '+02:00' : '+01:00'}`));
    sessions.push(Date.parse('2026-10-25T03:30:00+01:00'), Date.parse('2026-10-25T02:30:00+01:00'));
    sessions.sort((a, b) => a - b);
    // The session of the 27th from 4:30 runs until 5:18 (12 answers, 4 minutes each); then the
    // clock is set back to 5:05 for a quick session (10 seconds an answer, to the end), which answers
    // learning cards last reviewed "after" now.
    const setBack = Date.parse('2026-10-27T05:05:00+01:00');
    sessions.splice(sessions.indexOf(Date.parse('2026-10-27T04:30:00+01:00')) + 1, 0, setBack);
    let answers = 0;
    let fromTheFuture = 0;
    for (const start of sessions) {
      const day = studyDay(start, 4, rule.utcOffsetMinutes);
      const { states, notDue } = store.loadQueueStates(['d'], day.end);
      const queue = new StudyQueue({
        items,
        states,
        notDue,
        reviewedToday: store.reviewedDuring(['d'], day),
        doneToday: store.doneDuring(day),
        limits,
        day,
        now: start,
        retrievability: scheduler.retrievability,
      });
      let now = start;
      for (
        let n = 0, entry = queue.next(now);
        entry && n < (start === setBack ? 40 : 12);
        n++, entry = queue.next(now)
      ) {
        const grade = n % 4 === 1 ? 1 : 3;
        if ((entry.state?.memory.lastReview ?? 0) > now) fromTheFuture++;
        const outcome = gradeEntry(scheduler, entry, grade, now);
        store.record({
          deckId: 'd',
          cardKey: entry.item.key,
          cardId: entry.item.cardId,
          rating: grade,
          reviewedAt: now,
          durationMs: 1,
          before: outcome.before,
          after: outcome.after,
        });
        queue.answered(entry, outcome.after);
        answers++;
        now += start === setBack ? 10_000 : 4 * MIN;
      }
    }
    const introduced = new Map<string, Set<string>>();
    for (const { card_key, reviewed_at } of store.db
      .prepare('SELECT card_key, reviewed_at FROM reviews WHERE state_before = 0')
      .all() as { card_key: string; reviewed_at: number }[]) {
      const date = studyDate(reviewed_at);
      if (!introduced.has(date)) introduced.set(date, new Set());
      introduced.get(date)!.add(card_key);
    }
    expect(answers).toBeGreaterThan(100);
    expect(fromTheFuture).toBeGreaterThan(0);
    expect([...introduced.keys()].length).toBe(11);
    for (const [date, keys] of introduced)
      expect({ date, count: keys.size }).toEqual({ date, count: Math.min(keys.size, limits.newPerDay) });
    expect([...introduced.values()].filter((keys) => keys.size === limits.newPerDay).length).toBeGreaterThanOrEqual(5);
    const stale = store.db
      .prepare(
        'SELECT count(*) FROM card_state c WHERE review_id <> (SELECT max(id) FROM reviews r WHERE r.card_key = c.card_key)',
      )
      .pluck()
      .get();
    expect(stale).toBe(0);
    store.db.close();
  });
});
