import { parentPort, workerData } from 'node:worker_threads';
import { createForgettingCurve } from '../core/schedule/fsrs.js';
import { ReviewAggregator } from '../core/stats/reviews.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db.js';
import type { FoldJob, FoldReply, FoldStart } from './statsFold.js';
import { foldReviews } from './statsStore.js';

/**
 * The worker of io/statsFold.ts: loads its code while the main thread reads the decks, then,
 * sent its part, folds the items below each deck's key with the deck's own forgetting curve and
 * the machine's time zone (the main thread's too), and sends the sums back.
 *
 * It opens the database only when sent its part: by then the main thread has opened it, so a
 * file that is not quizdeck's was refused before this looks at it, and SQLite's addon was
 * loaded by the main thread, which turns on the URIs that read a file without -wal or -shm
 * (`immutable`: io/db.ts). The addon reads that setting once per process, from the process's
 * environment, which a worker's `process.env` does not change.
 */
const start = workerData as FoldStart;

parentPort!.once('message', (job: FoldJob) => {
  let reply: FoldReply;
  try {
    const db = openDatabase(start.path, { readonly: true });
    if (!db) throw new Error(`${start.path} does not exist`);
    try {
      const aggregator = new ReviewAggregator(
        job.deckIds.length,
        { startHour: start.startHour, utcOffsetMinutes: systemClock.utcOffsetMinutes },
        job.weights.map((weights) => createForgettingCurve(weights)),
      );
      foldReviews(db, job.deckIds, aggregator, { half: 'below', keys: job.keys });
      reply = { decks: aggregator.decks.map(({ days, calibration, total }) => ({ days, calibration, total })) };
    } finally {
      db.close();
    }
  } catch (error) {
    reply = { error: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
