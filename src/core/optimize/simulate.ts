import { createRng, type Rng } from '../random.js';
import { createMemoryModel, type GradeValue, type MemoryModel, type MemoryModelState } from '../schedule/fsrs.js';

/**
 * The desired retention that costs the least study time per item remembered: a seeded
 * Monte-Carlo simulation of a learner studying with FSRS, like the simulator behind Anki's
 * "compute minimum recommended retention" (fsrs-rs `simulate` and `optimal_retention`). A lower
 * retention means fewer reviews but more forgetting, and every lapse costs a slow answer and
 * relearning; a higher one means ever more reviews for little more memory. Between the two lies
 * a minimum of (total seconds spent) / (sum of recall probabilities at the end).
 *
 * The memory is the scheduler's own (ts-fsrs through `createMemoryModel`, short-term stability
 * on): the first answer and its same-day learning steps, reviews on the day the interval for
 * the desired retention says, and a relearning step after a lapse.
 */

/**
 * fsrs-rs's defaults (`SimulatorConfig::default()` in open-spaced-repetition/fsrs-rs
 * src/simulation.rs, the values Anki's simulator starts from). Seconds per answer by state
 * (learning, review, relearning) and grade (Again, Hard, Good, Easy).
 */
const COSTS: Record<'learning' | 'review' | 'relearning', readonly [number, number, number, number]> = {
  learning: [19.58, 18.79, 13.78, 10.71],
  review: [19.38, 17.59, 12.38, 8.94],
  relearning: [16.44, 15.25, 12.32, 8.03],
};
/** The first grade given to a new item: Again, Hard, Good, Easy. */
const FIRST_GRADE = [0.24, 0.094, 0.495, 0.171];
/** The grade of a review that was recalled: Hard, Good, Easy. */
const RECALLED_GRADE = [0.224, 0.631, 0.145];
/** The next grade in a learning (relearning) step after Again, Hard, Good (rows), as Again..Easy. */
const LEARNING_STEPS = [
  [0.3686, 0.0628, 0.5108, 0.0577],
  [0.0442, 0.4553, 0.4457, 0.0549],
  [0.0519, 0.047, 0.8462, 0.055],
];
const RELEARNING_STEPS = [
  [0.2157, 0.0643, 0.6595, 0.0604],
  [0.05, 0.4638, 0.4475, 0.0387],
  [0.1057, 0.1434, 0.7266, 0.0244],
];
/** quizdeck's steps: learning 1m 10m, relearning 10m (as the scheduler has them). */
const LEARNING_STEP_COUNT = 2;
const RELEARNING_STEP_COUNT = 1;
/** At most this many same-day steps (fsrs-rs's MAX_STEPS). */
const MAX_STEPS = 5;

export interface WorkloadSettings {
  /** Items in the deck(s): all new on day 0. */
  items: number;
  /** New items introduced a day, and reviews done a day at most (the rest wait a day). */
  newPerDay: number;
  reviewsPerDay: number;
  /** Days simulated. */
  days: number;
  maximumIntervalDays: number;
  seed: string;
  /**
   * Items the simulation introduces: the deck is sampled down (or up) so that this many of its
   * items are studied, with the daily limits scaled alike. The work is then the same for a
   * deck of 20 thousand items as for one of 500 (~14 simulations of a year in 0.3–1 s here),
   * and a small deck is averaged over as many simulated items as a large one. Time and memory
   * scale together, so their ratio, what the suggestion minimises, keeps its meaning.
   */
  simulatedItems?: number;
}

export const DEFAULT_SIMULATED_ITEMS = 2500;

/**
 * Knowledge is counted as each item's mean recall over this many days after the simulation
 * ends, not its recall on the last day. With FSRS-6 the recall on the last day per second
 * spent keeps improving below 0.70 (frequent reviews of weak memories hold recall on that day
 * up), so Anki's first CMRR target answered 0.70 for most people and was replaced by targets
 * that value memory that lasts: "sum of average R over some future period" (ankitects/anki
 * #3947, #4116; fsrs-optimizer #182, where a year ahead gives ~0.80 for the defaults).
 */
export const REMEMBERED_OVER_DAYS = 365;

/**
 * A lapse's seconds (the Again answer and the relearning after it) count this many times over
 * in what is minimised, as in Anki's CMRR: "the loss aversion is 2.5 to make the optimal
 * retention higher than the minimal point" (fsrs-rs #220). Forgetting costs more than its
 * seconds: the frustration, and the failure at the exam.
 */
export const LOSS_AVERSION = 2.5;

export interface Workload {
  retention: number;
  /** Study time over the whole simulation, in seconds, for the deck's size. */
  seconds: number;
  /** Sum of the items' recall probabilities on the last day, for the deck's size. */
  remembered: number;
  /** Seconds per item remembered, a lapse's seconds counted LOSS_AVERSION times: what the suggestion minimises. */
  secondsPerRemembered: number;
  /** Answers given (first answers, steps and reviews), for the deck's size. */
  answers: number;
}

/** One simulation of the deck studied at `retention` with FSRS parameters `weights`. */
export function simulateWorkload(
  weights: readonly number[],
  retention: number,
  settings: WorkloadSettings,
  model: MemoryModel = createMemoryModel(weights),
): Workload {
  const items = Math.max(1, settings.items);
  const studied = Math.max(1, Math.min(items, settings.newPerDay * settings.days));
  const simulated =
    settings.simulatedItems !== undefined && Number.isFinite(settings.simulatedItems)
      ? settings.simulatedItems
      : DEFAULT_SIMULATED_ITEMS;
  const scale = Math.max(1, Math.round(simulated)) / studied;
  const n = Math.max(1, Math.round(items * scale));
  const newPerDay = settings.newPerDay * scale;
  const reviewsPerDay = settings.reviewsPerDay * scale;
  const { days } = settings;
  const stability = new Float64Array(n);
  const difficulty = new Float64Array(n);
  const last = new Int32Array(n);
  // Due items as linked lists per day: head[day] → next[item] → ... → -1.
  const head = new Int32Array(days + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  // One random stream per item, seeded by the item alone: the same item meets the same luck at
  // every retention (common random numbers), so retentions are compared, not their noise.
  const rngs: Rng[] = [];
  let seconds = 0;
  // Seconds spent on lapses: the Again answer and the relearning after it.
  let lapseSeconds = 0;
  let answers = 0;
  let introduced = 0;
  let owed = 0;
  const schedule = (item: number, day: number, state: MemoryModelState) => {
    stability[item] = state.stability;
    difficulty[item] = state.difficulty;
    last[item] = day;
    const due = day + model.intervalDays(state.stability, retention, settings.maximumIntervalDays);
    if (due < days) {
      next[item] = head[due]!;
      head[due] = item;
    }
  };
  const steps = (
    state: MemoryModelState,
    grade: GradeValue,
    rng: Rng,
    table: number[][],
    count: number,
    costs: readonly number[],
  ): MemoryModelState => {
    let consecutive = 0;
    const needed = grade > 2 ? count - 1 : count;
    for (let step = 0; step < MAX_STEPS && consecutive < needed && grade < 4; step++) {
      grade = pick(table[grade - 1]!, rng, 1);
      state = model.next(state, 0, grade);
      seconds += costs[grade - 1]!;
      answers++;
      if (grade > 2) consecutive++;
      else if (grade === 1) consecutive = 0;
    }
    return state;
  };
  for (let day = 0; day < days; day++) {
    let reviews = 0;
    let item = head[day]!;
    head[day] = -1;
    while (item !== -1) {
      const following = next[item]!;
      if (reviews >= reviewsPerDay) {
        // Over the limit: waits for tomorrow, as study leaves it due.
        if (day + 1 < days) {
          next[item] = head[day + 1]!;
          head[day + 1] = item;
        }
      } else {
        reviews++;
        schedule(item, day, review(item, day));
      }
      item = following;
    }
    owed += newPerDay;
    for (; owed >= 1 && introduced < n; owed--, introduced++) {
      const rng = (rngs[introduced] = createRng(`${settings.seed}:${introduced}`));
      const grade = pick(FIRST_GRADE, rng, 1);
      seconds += COSTS.learning[grade - 1]!;
      answers++;
      schedule(
        introduced,
        day,
        steps(model.next(null, 0, grade), grade, rng, LEARNING_STEPS, LEARNING_STEP_COUNT, COSTS.learning),
      );
    }
  }

  function review(item: number, day: number): MemoryModelState {
    const rng = rngs[item]!;
    const elapsed = day - last[item]!;
    const recalled = rng() < model.recall(elapsed, stability[item]!);
    const grade = recalled ? pick(RECALLED_GRADE, rng, 2) : 1;
    const before = seconds;
    seconds += COSTS.review[grade - 1]!;
    answers++;
    const state = model.next({ stability: stability[item]!, difficulty: difficulty[item]! }, elapsed, grade);
    if (recalled) return state;
    const relearnt = steps(state, 1, rng, RELEARNING_STEPS, RELEARNING_STEP_COUNT, COSTS.relearning);
    lapseSeconds += seconds - before;
    return relearnt;
  }

  // What is remembered: each item's mean recall over the year after the last simulated day
  // (see REMEMBERED_OVER_DAYS).
  let remembered = 0;
  for (let item = 0; item < introduced; item++) {
    const since = days - 1 - last[item]!;
    remembered += model.meanRecall(since, since + REMEMBERED_OVER_DAYS, stability[item]!);
  }
  const weighted = seconds + (LOSS_AVERSION - 1) * lapseSeconds;
  return {
    retention,
    seconds: seconds / scale,
    remembered: remembered / scale,
    secondsPerRemembered: remembered > 0 ? weighted / remembered : Infinity,
    answers: answers / scale,
  };
}

/** A grade drawn from `weights` (summing to 1), the first of which is grade `first`. */
function pick(weights: readonly number[], rng: Rng, first: number): GradeValue {
  let u = rng();
  for (let i = 0; i < weights.length - 1; i++) {
    if (u < weights[i]!) return (first + i) as GradeValue;
    u -= weights[i]!;
  }
  return (first + weights.length - 1) as GradeValue;
}

export interface RetentionSuggestion {
  /** The suggested desired retention, 0.70–0.95. */
  retention: number;
  best: Workload;
  /** The least seconds per item remembered among those tried. */
  least: Workload;
  /** Every retention simulated, in increasing order. */
  tried: Workload[];
}

/** The lowest and highest retention suggested: fsrs-rs's bounds for its optimal retention. */
export const SUGGESTED_RANGE: readonly [number, number] = [0.7, 0.95];

/**
 * Costs this close to the least count as equal. The curve is flat around its minimum (with
 * FSRS-6's defaults, 0.70 to 0.85 lie within ~2% of each other), flatter than the noise of a
 * simulation of a few thousand items, so which of those points is lowest is chance; among
 * them, the highest retention gives the most memory for the least time.
 */
export const EQUAL_COST = 0.02;

/**
 * The highest retention in 0.70–0.95 whose seconds per item remembered are within EQUAL_COST
 * of the least found: every 0.05 first, then every 0.01 above the best of those.
 */
export function suggestRetention(weights: readonly number[], settings: WorkloadSettings): RetentionSuggestion {
  const model = createMemoryModel(weights);
  const tried = new Map<number, Workload>();
  const at = (hundredths: number) => {
    let workload = tried.get(hundredths);
    if (!workload) tried.set(hundredths, (workload = simulateWorkload(weights, hundredths / 100, settings, model)));
    return workload;
  };
  const [low, high] = SUGGESTED_RANGE.map((r) => Math.round(r * 100)) as [number, number];
  for (let h = low; h <= high; h += 5) at(h);
  const least = () => [...tried.values()].reduce((a, b) => (b.secondsPerRemembered < a.secondsPerRemembered ? b : a));
  const highestNear = () => {
    const limit = least().secondsPerRemembered * (1 + EQUAL_COST);
    return [...tried.values()]
      .filter((w) => w.secondsPerRemembered <= limit)
      .reduce((a, b) => (b.retention > a.retention ? b : a));
  };
  const coarse = Math.round(highestNear().retention * 100);
  for (let h = coarse + 1; h < Math.min(high + 1, coarse + 5); h++) at(h);
  const best = highestNear();
  return {
    retention: best.retention,
    best,
    least: least(),
    tried: [...tried.values()].sort((a, b) => a.retention - b.retention),
  };
}
