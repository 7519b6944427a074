// A learner whose memory follows FSRS-6 with known, non-default parameters, scheduled by
// quizdeck's defaults: the review log `quizdeck optimize` should learn those parameters from.
// Plain JavaScript so bench/optimize.bench.mjs can use it too. Seeded: the same options give
// the same log.
import { fsrs, generatorParameters } from 'ts-fsrs';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Clearly not FSRS-6's defaults: a slower first forgetting, faster growth and a steeper curve (w20). */
export const TRUE_WEIGHTS = [0.9, 2.4, 5.8, 14.0, 6.6, 0.6, 2.4, 0.02, 1.25, 0.1, 1.1, 1.6, 0.07, 0.4, 1.5, 0.45, 2.3, 0.6, 0.15, 0.1, 0.45];

/** Park–Miller, as small and stable as a seeded generator gets. */
function random(seed) {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/**
 * Rows `[deck_id, card_key, rating, reviewed_at]` in the order of time. `newPerDay` new items
 * per deck and day for `days` days, starting at `start` (epoch ms, 09:00 UTC is study time).
 * Reviews come when the default scheduler's stability says (interval = its stability at 90%),
 * Again and Hard in learning are seen again 10 minutes later the same day.
 */
export function simulateLog({ decks = ['sim'], days = 120, newPerDay = 10, seed = 1, weights = TRUE_WEIGHTS, start = Date.UTC(2026, 0, 1, 9) } = {}) {
  const rand = random(seed);
  const truth = fsrs(generatorParameters({ w: weights, enable_short_term: true }));
  const scheduler = fsrs(generatorParameters({ enable_short_term: true }));
  const rows = [];
  const due = new Map(); // day -> items
  let next = 0;
  const grade = (recalled) => {
    if (!recalled) return 1;
    const u = rand();
    return u < 0.12 ? 2 : u < 0.92 ? 3 : 4;
  };
  for (let day = 0; day < days; day++) {
    const today = due.get(day) ?? [];
    due.delete(day);
    for (const deck of decks) for (let n = 0; n < newPerDay; n++) today.push({ deck, key: `c${next++}`, truth: null, model: null, last: 0 });
    let clock = start + day * DAY;
    for (const item of today) {
      // The first answer, then same-day steps until it is recalled with Good or Easy.
      let elapsed = item.truth === null ? 0 : day - item.last;
      for (let step = 0; step < 4; step++) {
        const p = item.truth === null ? 0.6 : truth.forgetting_curve(elapsed, item.truth.stability);
        const rating = grade(rand() < p);
        rows.push([item.deck, item.key, rating, clock]);
        item.truth = truth.next_state(item.truth, elapsed, rating);
        item.model = scheduler.next_state(item.model, elapsed, rating);
        clock += 10 * MINUTE;
        elapsed = 0;
        if (rating >= 3) break;
      }
      item.last = day;
      const interval = Math.min(Math.max(1, Math.round(item.model.stability)), 3650);
      const at = day + interval;
      if (at < days) {
        const list = due.get(at) ?? [];
        list.push(item);
        due.set(at, list);
      }
    }
  }
  return rows.sort((a, b) => a[3] - b[3]);
}

/** Writes the rows into a quizdeck database's `reviews` (opened and migrated by the caller). */
export function insertReviews(db, rows) {
  const insert = db.prepare(
    `INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days, previous)
     VALUES (?, ?, ?, ?, ?, 5000, 2, 2, ?, 1, 5, 1, NULL)`,
  );
  db.transaction(() => {
    for (const [deck, key, rating, at] of rows) insert.run(deck, key, key, rating, at, at + DAY);
  })();
}
