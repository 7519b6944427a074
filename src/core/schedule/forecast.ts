import { computeDecayFactor, fsrs, generatorParameters, type FSRS } from 'ts-fsrs';
import { DEFAULT_WEIGHTS, type GradeValue, type MemoryModelState } from './fsrs.js';

/**
 * FSRS looked at ahead of time, in whole study days, for planning (`stats --exam`, `study
 * --exam`): what a review would do to a memory and when the scheduler would bring it back. It
 * uses the scheduler's own settings and formulas, without the interval fuzz (which only the
 * answer itself can seed) and without building Dates: a plan replays several reviews for each
 * of 20k items, and `Scheduler.answer` costs ~60 µs a call where these cost ~1 µs.
 */
export interface ForecastModel {
  /** The memory after a review graded `grade`, `elapsedDays` study days after the one before (`null`: a new item). */
  next(state: MemoryModelState | null, elapsedDays: number, grade: GradeValue): MemoryModelState;
  /** Recall `elapsedDays` study days after a review that left `stability`: `Scheduler.retrievability`'s number. */
  recall(elapsedDays: number, stability: number): number;
  /** The scheduler's interval after a review that left `stability`, in study days (1 to the maximum, unfuzzed). */
  interval(stability: number): number;
  /** The most whole study days after such a review on which recall is still at least `retention` (0 when even day 1 is below). */
  daysAbove(stability: number, retention: number): number;
}

export interface ForecastOptions {
  /** The scheduler's desired retention: what its intervals aim at. */
  retention: number;
  maximumIntervalDays: number;
  /** Parameters fitted by `quizdeck optimize`; FSRS-6's defaults when absent. */
  weights?: readonly number[];
}

export function createForecastModel(options: ForecastOptions): ForecastModel {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const f: FSRS = fsrs(
    generatorParameters({
      w: [...weights],
      request_retention: options.retention,
      maximum_interval: options.maximumIntervalDays,
      enable_fuzz: false,
      enable_short_term: true,
    }),
  );
  const { decay, factor } = computeDecayFactor(weights);
  const recall = (elapsedDays: number, stability: number) =>
    f.forgetting_curve(Math.max(elapsedDays, 0), +stability.toFixed(8));
  // Recall keeps falling, so beyond this many days it is below any retention a plan asks for.
  const horizon = options.maximumIntervalDays * 10;
  return {
    next: (state, elapsedDays, grade) => f.next_state(state, Math.max(elapsedDays, 0), grade),
    recall,
    interval: (stability) => f.next_interval(stability, 0),
    daysAbove(stability, retention) {
      if (!(stability > 0)) return 0;
      // The curve solved for t (R = (1 + factor·t/S)^decay), then checked against the rounded
      // curve the scheduler uses, which can differ by a day at the edge.
      const s = +stability.toFixed(8);
      let t = Math.min(horizon, Math.max(0, Math.floor(((retention ** (1 / decay) - 1) / factor) * s)));
      while (t < horizon && f.forgetting_curve(t + 1, s) >= retention) t++;
      while (t > 0 && f.forgetting_curve(t, s) < retention) t--;
      return t;
    },
  };
}
