import { createMemoryModel, type MemoryModelState } from '../schedule/fsrs.js';
import { CalibrationSums } from '../stats/calibration.js';
import type { CardHistory } from './history.js';

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

/** Evaluates `weights` on the reviews at or after `from` (epoch ms); earlier ones only build the memory. */
export function evaluateWeights(cards: readonly CardHistory[], weights: readonly number[], from = -Infinity): Evaluation {
  const model = createMemoryModel(weights);
  const sums = new CalibrationSums();
  for (const card of cards) {
    let state: MemoryModelState | null = null;
    let lapses = 0;
    for (let i = 0; i < card.ratings.length; i++) {
      const rating = card.ratings[i]!;
      const days = card.deltaDays[i]!;
      if (state !== null && days > 0) {
        if (card.times[i]! >= from) sums.add(model.recall(days, state.stability), rating > 1, days, i + 1, lapses);
        if (rating === 1) lapses++;
      }
      state = model.next(state, days, rating);
    }
  }
  const result = sums.result();
  return { logLoss: result.logLoss ?? NaN, rmseBins: result.rmseBins ?? NaN, reviews: result.reviews };
}
