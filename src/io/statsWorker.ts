import { parentPort, workerData } from 'node:worker_threads';
import { createForgettingCurve } from '../core/schedule/fsrs.js';
import { ReviewAggregator } from '../core/stats/reviews.js';
import { systemClock } from './clock.js';
import { openDatabase, type Db } from './db.js';
import type { FoldJob, FoldReply, FoldStart } from './statsFold.js';
import { foldReviews } from './statsStore.js';

/**
 * The worker of io/statsFold.ts: opens the database read-only (as `stats` does) while the main
 * thread reads the decks, then folds the items below each deck's key it is sent, with the deck's
 * own forgetting curve and the machine's time zone (the main thread's too), and sends the sums.
 */
const start = workerData as FoldStart;
let db: Db | null = null;
let failed: string | null = null;
try {
  db = openDatabase(start.path, { readonly: true });
  if (!db) failed = `${start.path} does not exist`;
} catch (error) {
  failed = (error as Error)?.message ?? String(error);
}

parentPort!.once('message', (job: FoldJob) => {
  let reply: FoldReply;
  try {
    if (failed !== null || !db) throw new Error(failed ?? 'no database');
    const aggregator = new ReviewAggregator(
      job.deckIds.length,
      { startHour: start.startHour, utcOffsetMinutes: systemClock.utcOffsetMinutes },
      job.weights.map((weights) => createForgettingCurve(weights)),
    );
    foldReviews(db, job.deckIds, aggregator, { half: 'below', keys: job.keys });
    reply = { decks: aggregator.decks.map(({ days, calibration, total }) => ({ days, calibration, total })) };
  } catch (error) {
    reply = { error: (error as Error)?.message ?? String(error) };
  } finally {
    db?.close();
  }
  parentPort!.postMessage(reply);
});
