import { createMemoryModel, type GradeValue, type MemoryModelState } from '../schedule/fsrs.js';
import { CalibrationSums } from '../stats/calibration.js';
import type { StudyLog } from './history.js';

/**
 * How well a set of FSRS parameters predicts recall: log loss and RMSE(bins) as the
 * srs-benchmark defines them (computed by `stats`' CalibrationSums, so `optimize` and the
 * calibration in `stats` measure alike), over the reviews made a study day or more after the
 * previous answer (same-day answers are in the history, not predicted). The prediction is the
 * scheduler's own: the memory replayed through the log with these parameters, then
 * `retrievability` over the study days elapsed.
 */
export interface Evaluation {
  logLoss: number;
  /** Root mean square of (recalled share − mean prediction) over bins, weighted by their size. */
  rmseBins: number;
  /** Reviews predicted. */
  reviews: number;
}

/**
 * Evaluates `weights` on the answers of the items `cards` at or after `from` (epoch ms);
 * earlier ones only build the memory.
 */
export function evaluateWeights(
  log: StudyLog,
  cards: ArrayLike<number>,
  weights: readonly number[],
  from = -Infinity,
): Evaluation {
  const model = createMemoryModel(weights);
  const sums = new CalibrationSums();
  for (let k = 0; k < cards.length; k++) {
    const first = log.cardStart[cards[k]!]!;
    const end = log.cardStart[cards[k]! + 1]!;
    let state: MemoryModelState | null = null;
    let lapses = 0;
    for (let i = first; i < end; i++) {
      const rating = log.ratings[i]! as GradeValue;
      const days = log.deltaDays[i]!;
      if (state !== null && days > 0) {
        if (log.times[i]! >= from)
          sums.add(model.recall(days, state.stability), rating > 1, days, i - first + 1, lapses);
        if (rating === 1) lapses++;
      }
      state = model.next(state, days, rating);
    }
  }
  const result = sums.result();
  return { logLoss: result.logLoss ?? NaN, rmseBins: result.rmseBins ?? NaN, reviews: result.reviews };
}
