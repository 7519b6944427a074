import type { Calibration, CalibrationBin } from './model.js';

/**
 * Predicted recall against what happened, with the metrics of the srs-benchmark
 * (github.com/open-spaced-repetition/srs-benchmark, `utils.py`):
 * - RMSE(bins): reviews are grouped by elapsed days (bin 2.48 * 3.62^floor(log_3.62 t)), review
 *   number i (1.99 * 1.89^floor(log_1.89 i)) and lapses before it (1.65 * 1.73^floor(log_1.73 n),
 *   0 for none); the root of the count-weighted mean of (mean outcome - mean prediction)^2 over
 *   the bins;
 * - log loss: the mean of -(y ln p + (1 - y) ln(1 - p)), p clipped to [eps, 1 - eps] as sklearn
 *   does.
 * Bins are kept as exponent indices: the benchmark's rounded values group the same reviews.
 */

/** Edges of the bins shown to the learner (most predictions lie between 80% and 100%). */
export const DISPLAY_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1] as const;

const LN_DELTA = Math.log(3.62);
const LN_I = Math.log(1.89);
const LN_LAPSE = Math.log(1.73);
// Bin counts on each axis: 3.62^12 days, 1.89^24 reviews and 1.73^23 lapses are beyond any log.
const D_BINS = 12;
const I_BINS = 24;
const L_BINS = 24;
const BINS = D_BINS * I_BINS * L_BINS;

/** floor(log_b(x)) for x = 1..size-1 from a table: the pass over a log asks for three per review. */
function logTable(size: number, ln: number): Int8Array {
  const table = new Int8Array(size);
  for (let x = 1; x < size; x++) table[x] = Math.floor(Math.log(x) / ln);
  return table;
}
const DELTA_TABLE = logTable(4096, LN_DELTA);
const I_TABLE = logTable(1024, LN_I);
const LAPSE_TABLE = logTable(256, LN_LAPSE);

function binOf(x: number, table: Int8Array, ln: number, bins: number): number {
  const k = x < table.length ? table[x]! : Math.floor(Math.log(x) / ln);
  return Math.min(bins - 1, Math.max(0, k));
}

/**
 * The (elapsed days, review number, lapses) bin as one index: elapsed days ≥ 1 (days under one
 * are not predicted here), the first review is number 1, lapses 0 have a bin of their own.
 */
export function benchmarkBin(elapsedDays: number, reviewNumber: number, lapses: number): number {
  const d = binOf(Math.max(1, Math.floor(elapsedDays)), DELTA_TABLE, LN_DELTA, D_BINS);
  const i = binOf(Math.max(1, reviewNumber), I_TABLE, LN_I, I_BINS);
  const l = lapses === 0 ? 0 : binOf(lapses, LAPSE_TABLE, LN_LAPSE, L_BINS - 1) + 1;
  return (d * I_BINS + i) * L_BINS + l;
}

interface Sums {
  n: number;
  p: number;
  y: number;
}

/** The sums of a CalibrationSums, without its methods. */
export type CalibrationData = Pick<
  CalibrationSums,
  'n' | 'sumP' | 'sumY' | 'logLoss' | 'display' | 'binN' | 'binP' | 'binY'
>;

export class CalibrationSums {
  n = 0;
  sumP = 0;
  sumY = 0;
  logLoss = 0;
  readonly display: Sums[] = DISPLAY_EDGES.slice(1).map(() => ({ n: 0, p: 0, y: 0 }));
  /** Per benchmark bin (benchmarkBin): count, sum of predictions, sum of outcomes. */
  readonly binN = new Float64Array(BINS);
  readonly binP = new Float64Array(BINS);
  readonly binY = new Float64Array(BINS);

  /**
   * One review: `p` predicted recall, `recalled` whether it was not Again, `elapsedDays` since
   * the review before (≥ 1), `reviewNumber` i (the first review is 1), `lapses` the earlier
   * Again answers given at least a day after the review before them.
   */
  add(p: number, recalled: boolean, elapsedDays: number, reviewNumber: number, lapses: number): void {
    const y = recalled ? 1 : 0;
    this.n++;
    this.sumP += p;
    this.sumY += y;
    const clipped = Math.min(Math.max(p, Number.EPSILON), 1 - Number.EPSILON);
    this.logLoss -= recalled ? Math.log(clipped) : Math.log(1 - clipped);
    let d = 0;
    while (d < this.display.length - 1 && p >= DISPLAY_EDGES[d + 1]!) d++;
    const s = this.display[d]!;
    s.n++;
    s.p += p;
    s.y += y;
    const bin = benchmarkBin(elapsedDays, reviewNumber, lapses);
    this.binN[bin]!++;
    this.binP[bin]! += p;
    this.binY[bin]! += y;
  }

  /** Adds another pass's sums (a worker's, as structured clone hands them over: no methods). */
  merge(other: CalibrationData): void {
    this.n += other.n;
    this.sumP += other.sumP;
    this.sumY += other.sumY;
    this.logLoss += other.logLoss;
    other.display.forEach((s, i) => {
      const mine = this.display[i]!;
      mine.n += s.n;
      mine.p += s.p;
      mine.y += s.y;
    });
    for (let b = 0; b < BINS; b++) {
      this.binN[b]! += other.binN[b]!;
      this.binP[b]! += other.binP[b]!;
      this.binY[b]! += other.binY[b]!;
    }
  }

  result(): Calibration {
    const bins: CalibrationBin[] = [];
    this.display.forEach((s, i) => {
      if (s.n > 0)
        bins.push({
          from: DISPLAY_EDGES[i]!,
          to: DISPLAY_EDGES[i + 1]!,
          count: s.n,
          predicted: s.p / s.n,
          actual: s.y / s.n,
        });
    });
    if (this.n === 0) return { reviews: 0, predicted: null, actual: null, rmseBins: null, logLoss: null, bins };
    const benchmark: Sums[] = [];
    for (let b = 0; b < BINS; b++)
      if (this.binN[b]! > 0) benchmark.push({ n: this.binN[b]!, p: this.binP[b]!, y: this.binY[b]! });
    return {
      reviews: this.n,
      predicted: this.sumP / this.n,
      actual: this.sumY / this.n,
      rmseBins: rmseBins(benchmark),
      logLoss: this.logLoss / this.n,
      bins,
    };
  }
}

/** sqrt(Σ n_b (ȳ_b − p̄_b)² / Σ n_b): sklearn's root_mean_squared_error over the bins' means, weighted by their counts. */
export function rmseBins(bins: Iterable<Sums>): number {
  let weighted = 0;
  let total = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    weighted += b.n * (b.y / b.n - b.p / b.n) ** 2;
    total += b.n;
  }
  return total === 0 ? 0 : Math.sqrt(weighted / total);
}
