import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DeckReviewsData } from '../core/stats/reviews.js';
import type { Db } from './db.js';
import type { FoldPart } from './itemFold.js';

/**
 * `stats` on two threads: a worker folds the lower part of each deck's items (by key) while this
 * thread reads the card states and folds the rest; the two are merged (items are independent:
 * each item's reviews are folded on one thread, in order). On 20k cards and 500k reviews the fold
 * is most of `stats`' own work (bench/stats.bench.mjs).
 *
 * The worker takes about 70 ms to start, so it is started first, on the database's size alone,
 * while this thread reads the decks; it opens the database when sent its part, after this thread
 * has opened it (io/statsWorker.ts says why). Only a big log on a machine with a second core is
 * worth it; otherwise, or when the worker cannot start or fails, this thread folds everything.
 */

/** Smaller database files are folded on one thread (a review takes 200–500 bytes with its indexes). */
export const PARALLEL_MINIMUM_BYTES = 16 << 20;
/** The log's size, as review ids count it (gaps are undone answers), under which the worker is sent away. */
export const PARALLEL_MINIMUM_REVIEWS = 50_000;
/** The share of each deck's items the worker folds: a little more than half, as this thread also reads the card states and the quiz history. */
const WORKER_SHARE = 0.58;

/** What the worker is started with, then asked (plain data: it crosses by structured clone). */
export interface FoldStart {
  path: string;
  startHour: number;
}
export interface FoldJob {
  deckIds: string[];
  /** Per deck: the FSRS weights its predictions use (undefined: the defaults). */
  weights: (readonly number[] | undefined)[];
  /** The worker folds each deck's items below its key; this thread those from it. */
  keys: (string | null)[];
}
export type FoldReply = { decks: DeckReviewsData[] } | { error: string };

export class FoldWorker {
  private readonly reply: Promise<DeckReviewsData[] | null>;

  private constructor(private readonly worker: Worker) {
    this.reply = new Promise((resolve) => {
      worker.once('message', (reply: FoldReply) => resolve('decks' in reply ? reply.decks : null));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
  }

  /** A worker for the database at `path`, or null when one thread should fold it all. */
  static start(
    start: FoldStart,
    workerUrl: URL = new URL('./statsWorker.js', import.meta.url),
    minimumBytes = PARALLEL_MINIMUM_BYTES,
  ): FoldWorker | null {
    if (availableParallelism() < 2) return null;
    try {
      if (statSync(start.path).size < minimumBytes) return null;
      return new FoldWorker(new Worker(workerUrl, { workerData: start }));
    } catch {
      return null;
    }
  }

  /**
   * Sends the worker its part of these decks, and returns this thread's part and the worker's
   * sums (null if it failed: then fold its part here). Null when the log is too small after all
   * (the worker is sent away).
   */
  fold(
    db: Db,
    job: Omit<FoldJob, 'keys'>,
    minimumReviews = PARALLEL_MINIMUM_REVIEWS,
  ): { part: FoldPart; theirs: Promise<{ part: FoldPart; decks: DeckReviewsData[] | null }> } | null {
    const last = db.prepare('SELECT max(id) FROM reviews').pluck().get() as number | null;
    if ((last ?? 0) < minimumReviews) {
      this.cancel();
      return null;
    }
    // Each deck's dividing item by key: an index walk over part of its card states.
    const middle = db
      .prepare(
        `SELECT card_key FROM card_state WHERE deck_id = ? ORDER BY card_key LIMIT 1 OFFSET (SELECT CAST(count(*) * ${WORKER_SHARE} AS INTEGER) FROM card_state WHERE deck_id = ?)`,
      )
      .pluck();
    const keys = job.deckIds.map((id) => (middle.get(id, id) as string | undefined) ?? null);
    this.worker.postMessage({ ...job, keys } satisfies FoldJob);
    const below: FoldPart = { half: 'below', keys };
    return { part: { half: 'from', keys }, theirs: this.reply.then((decks) => ({ part: below, decks })) };
  }

  /** Ends the worker if it still runs (its answer, if any, is not needed). */
  cancel(): void {
    void this.worker.terminate();
  }
}
