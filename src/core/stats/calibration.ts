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

interface Sums {
  n: number;
  p: number;
  y: number;
}

export class CalibrationSums {
  n = 0;
  sumP = 0;
  sumY = 0;
  logLoss = 0;
  readonly display: Sums[] = DISPLAY_EDGES.slice(1).map(() => ({ n: 0, p: 0, y: 0 }));
  readonly benchmark = new Map<number, Sums>();

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
    addTo(this.display[d]!, p, y);
    const key = benchmarkBin(elapsedDays, reviewNumber, lapses);
    let bin = this.benchmark.get(key);
    if (!bin) this.benchmark.set(key, (bin = { n: 0, p: 0, y: 0 }));
    addTo(bin, p, y);
  }

  merge(other: CalibrationSums): void {
    this.n += other.n;
    this.sumP += other.sumP;
    this.sumY += other.sumY;
    this.logLoss += other.logLoss;
    other.display.forEach((s, i) => mergeInto(this.display[i]!, s));
    for (const [key, s] of other.benchmark) {
      const mine = this.benchmark.get(key);
      if (mine) mergeInto(mine, s);
      else this.benchmark.set(key, { ...s });
    }
  }

  result(): Calibration {
    const bins: CalibrationBin[] = [];
    this.display.forEach((s, i) => {
      if (s.n > 0) bins.push({ from: DISPLAY_EDGES[i]!, to: DISPLAY_EDGES[i + 1]!, count: s.n, predicted: s.p / s.n, actual: s.y / s.n });
    });
    if (this.n === 0) return { reviews: 0, predicted: null, actual: null, rmseBins: null, logLoss: null, bins };
    return { reviews: this.n, predicted: this.sumP / this.n, actual: this.sumY / this.n, rmseBins: rmseBins(this.benchmark.values()), logLoss: this.logLoss / this.n, bins };
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

/** One number for the (elapsed days, review number, lapses) bin. */
export function benchmarkBin(elapsedDays: number, reviewNumber: number, lapses: number): number {
  const d = Math.floor(Math.log(Math.max(elapsedDays, 1e-6)) / LN_DELTA) + 20;
  const i = Math.floor(Math.log(Math.max(reviewNumber, 1)) / LN_I);
  const l = lapses === 0 ? 0 : Math.floor(Math.log(lapses) / LN_LAPSE) + 1;
  return (d * 1000 + i) * 1000 + l;
}

function addTo(s: Sums, p: number, y: number): void {
  s.n++;
  s.p += p;
  s.y += y;
}

function mergeInto(s: Sums, o: Sums): void {
  s.n += o.n;
  s.p += o.p;
  s.y += o.y;
}
