import { buildHistories, itemsOf, reviewsByDeck, splitTime, type StudyLog } from '../core/optimize/history.js';
import { evaluateWeights } from '../core/optimize/metrics.js';
import { ALL_DECKS, DEFAULT_MINIMUM_REVIEWS, planFit, type FitGroup, type FitPlan } from '../core/optimize/plan.js';
import { formatOutcomes, formatSuggestions, type GroupOutcome, type SuggestionLine } from '../core/optimize/report.js';
import { simulateWorkload, suggestRetention, type WorkloadSettings } from '../core/optimize/simulate.js';
import { messagesFor } from '../core/messages/index.js';
import type { DayRule } from '../core/schedule/day.js';
import { createMemoryModel, DEFAULT_SCHEDULER_OPTIONS, DEFAULT_WEIGHTS } from '../core/schedule/fsrs.js';
import { neutralizeLine } from '../core/text.js';
import { UsageError } from '../errors.js';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import { type Db } from '../io/db.js';
import { openDatabaseOrRefuse } from './shared/db.js';
import { parseDayStart } from '../core/options.js';
import {
  fitParameters,
  loadOptimizer,
  OptimizerUnavailable,
  trainingItems,
  type LoadBinding,
  type OptimizerBinding,
  type TrainingItems,
} from '../io/optimizer.js';
import { deleteParameters, loadParameters, readReviewLog, saveParameters } from '../io/parametersStore.js';
import { resolveDbPath } from '../io/paths.js';

export interface OptimizeOptions {
  db?: string;
  dryRun?: boolean;
  reset?: boolean;
  dayStart?: string;
  timings?: boolean;
  /** Language of the suggested-retention lines (en or zh; default en). */
  lang?: string;
}

/** The shared shape (out, err, clock, random), each optional: the system's when not given. */
export interface OptimizeDeps extends Partial<CommandDeps> {
  loadBinding?: LoadBinding;
  minimumReviews?: number;
}

/** Milliseconds spent in each step, wall clock and CPU (all threads), for `--timings` and bench/optimize.bench.mjs. */
export type OptimizeTimings = Record<
  'read' | 'load' | 'convert' | 'fit' | 'evaluate' | 'simulate',
  { ms: number; cpuMs: number }
>;

/** Runs `step` and adds its wall-clock and CPU time to `into`. */
async function timed<T>(into: { ms: number; cpuMs: number }, step: () => T | Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await step();
  } finally {
    const used = process.cpuUsage(cpu);
    into.ms += performance.now() - wall;
    into.cpuMs += (used.user + used.system) / 1000;
  }
}

/**
 * `quizdeck optimize`: fits FSRS-6 parameters to the review log with the Rust optimiser, tests
 * them against the defaults on the later reviews, and adopts them only when they predict better.
 */
export async function runOptimize(options: OptimizeOptions, deps: OptimizeDeps = {}): Promise<void> {
  const { out, err, clock } = { ...systemDeps(), ...deps };
  const dbPath = resolveDbPath(options.db);
  if (options.reset && options.dryRun) throw new UsageError('--reset and --dry-run cannot be combined');
  if (options.reset) return resetParameters(dbPath, out);
  const dayStartHour = dayStartOrRefuse(options.dayStart);
  // Never creates a database; --dry-run never writes to one, not even the migration.
  let db = openDatabaseOrRefuse(dbPath, { readonly: true });
  if (!db) {
    out(`No reviews yet (${dbPath} does not exist): FSRS's default parameters stay.\n`);
    return;
  }
  if (!options.dryRun) {
    db.close();
    db = openDatabaseOrRefuse(dbPath);
  }
  try {
    const timings: OptimizeTimings = {
      read: zero(),
      load: zero(),
      convert: zero(),
      fit: zero(),
      evaluate: zero(),
      simulate: zero(),
    };
    const log = await timed(timings.read, () => readReviewLog(db!));
    const counts = reviewsByDeck(log);
    const minimum = deps.minimumReviews ?? DEFAULT_MINIMUM_REVIEWS;
    const plan = planFit(counts, minimum);
    if (plan.groups.length === 0) {
      out(
        `${plural(plan.total, 'review')} in ${dbPath}, fewer than the ${minimum} needed to fit parameters: FSRS's default parameters stay (run quizdeck optimize again after more reviews).\n`,
      );
      return;
    }
    const day: DayRule = {
      startHour: dayStartHour,
      utcOffsetMinutes: (t) => clock.utcOffsetMinutes(t),
    };
    const histories = await timed(timings.read, () => buildHistories(log, day));
    // Loaded only once there is something to fit, so "too few reviews" never needs it.
    const binding = await timed(timings.load, () => loadOptimizerOrRefuse(deps.loadBinding));
    out(describePlan(plan, counts, minimum, dayStartHour));
    const before = loadParameters(db);
    const outcomes: GroupOutcome[] = [];
    const converter = trainingItems(binding);
    for (const group of plan.groups) {
      const outcome = await fitGroup(binding, converter, group, histories, timings);
      if (outcome.kind === 'fitted' && outcome.adopted && !options.dryRun) save(db, outcome, clock.now());
      outcomes.push(outcome);
    }
    out(formatOutcomes(outcomes, { dryRun: Boolean(options.dryRun) }));
    const suggestions = await timed(timings.simulate, () =>
      outcomes.map((outcome) => suggestFor(outcome, before, histories)),
    );
    out(formatSuggestions(suggestions, SIMULATED_STUDY, messagesFor(options.lang)));
    if (options.timings) err(formatTimings(timings));
  } finally {
    db.close();
  }
}

async function fitGroup(
  binding: OptimizerBinding,
  converter: TrainingItems,
  group: FitGroup,
  histories: StudyLog,
  timings: OptimizeTimings,
): Promise<GroupOutcome> {
  const cards = itemsOf(histories, group.key === ALL_DECKS ? undefined : new Set(group.decks));
  const split = splitTime(histories, cards);
  if (split === undefined)
    return {
      kind: 'untestable',
      group,
      reason: 'too few reviews a day or more apart to test parameters on: defaults kept',
    };
  let fit;
  try {
    const items = await timed(timings.convert, () => converter.forGroup(histories, cards, split));
    fit = await timed(timings.fit, () => fitParameters(binding, items));
  } catch (error) {
    return { kind: 'untestable', group, reason: `the optimiser failed (${(error as Error).message}): defaults kept` };
  }
  // Rounded as stored, so what was tested is exactly what study will use.
  const weights = fit.weights.map((w) => Math.round(w * 1e4) / 1e4);
  const [fitted, defaults] = await timed(timings.evaluate, () => [
    evaluateWeights(histories, cards, weights, split),
    evaluateWeights(histories, cards, DEFAULT_WEIGHTS, split),
  ]);
  // Log loss decides: it is what the optimiser minimises and a proper score; RMSE(bins) of a
  // few hundred held-out reviews moves with how they fall into bins.
  return {
    kind: 'fitted',
    group,
    trainedOn: fit.items,
    fitted,
    defaults,
    adopted: fitted.logLoss < defaults.logLoss,
    weights,
  };
}

/** How the learner is simulated for the suggested retention: a year of study's default limits, per deck. */
const SIMULATED_STUDY = { days: 365, newPerDay: 20, reviewsPerDay: 200 };

/**
 * The retention suggested for a group, with the parameters study will use for it after this
 * run (those just adopted, else those adopted before, else the defaults), for as many items as
 * the group's decks have in the review log.
 */
function suggestFor(
  outcome: GroupOutcome,
  before: ReadonlyMap<string, readonly number[]>,
  histories: StudyLog,
): SuggestionLine {
  const { group } = outcome;
  const weights =
    outcome.kind === 'fitted' && outcome.adopted ? outcome.weights : (before.get(group.key) ?? DEFAULT_WEIGHTS);
  const decks = group.decks.length;
  const settings: WorkloadSettings = {
    items: itemsOf(histories, group.key === ALL_DECKS ? undefined : new Set(group.decks)).length,
    newPerDay: SIMULATED_STUDY.newPerDay * decks,
    reviewsPerDay: SIMULATED_STUDY.reviewsPerDay * decks,
    days: SIMULATED_STUDY.days,
    maximumIntervalDays: DEFAULT_SCHEDULER_OPTIONS.maximumIntervalDays,
    seed: `optimize:${group.key}`,
  };
  const suggestion = suggestRetention(weights, settings);
  const usual = DEFAULT_SCHEDULER_OPTIONS.retention;
  const atUsual =
    suggestion.tried.find((w) => w.retention === usual) ??
    simulateWorkload(weights, usual, settings, createMemoryModel(weights));
  return {
    group,
    retention: suggestion.retention,
    secondsPerRemembered: suggestion.best.secondsPerRemembered,
    defaultRetention: usual,
    defaultSecondsPerRemembered: atUsual.secondsPerRemembered,
  };
}

function save(db: Db, outcome: Extract<GroupOutcome, { kind: 'fitted' }>, now: number): void {
  saveParameters(db, {
    deckId: outcome.group.key,
    weights: outcome.weights,
    fittedAt: now,
    reviews: outcome.group.reviews,
    logLoss: outcome.fitted.logLoss,
    rmse: outcome.fitted.rmseBins,
    defaultLogLoss: outcome.defaults.logLoss,
    defaultRmse: outcome.defaults.rmseBins,
  });
}

function resetParameters(dbPath: string, out: (s: string) => void): void {
  const db = openDatabaseOrRefuse(dbPath, { readonly: true });
  if (!db) {
    out(`Nothing to reset (${dbPath} does not exist): study uses FSRS's default parameters.\n`);
    return;
  }
  db.close();
  const writable = openDatabaseOrRefuse(dbPath);
  try {
    const removed = deleteParameters(writable);
    out(
      removed === 0
        ? "No fitted parameters were adopted: study already uses FSRS's default parameters.\n"
        : `Removed ${plural(removed, 'set')} of fitted parameters: study uses FSRS's default parameters again.\n`,
    );
  } finally {
    writable.close();
  }
}

function describePlan(
  plan: FitPlan,
  counts: ReadonlyMap<string, number>,
  minimum: number,
  dayStartHour: number,
): string {
  const lines = [
    `Fitting FSRS-6 to ${plural(plan.total, 'review')} of ${plural(counts.size, 'deck')} (elapsed time in study days, starting at ${dayStartHour}:00 local time).`,
  ];
  lines.push(
    'Fitted on the earlier reviews, tested against the defaults on the latest 20% of reviews a day or more apart.',
  );
  for (const deck of plan.small)
    lines.push(
      `${neutralizeLine(deck)}: ${plural(counts.get(deck)!, 'review')}, fewer than ${minimum}: uses the parameters of all decks together.`,
    );
  return `${lines.join('\n')}\n\n`;
}

const zero = () => ({ ms: 0, cpuMs: 0 });

function formatTimings(t: OptimizeTimings): string {
  const steps = (['read', 'load', 'convert', 'fit', 'evaluate', 'simulate'] as const).map(
    (step) => `${step} ${Math.round(t[step].ms)} ms (cpu ${Math.round(t[step].cpuMs)} ms)`,
  );
  return `timings: ${steps.join(', ')}\n`;
}

function dayStartOrRefuse(value: string | undefined): number {
  const parsed = parseDayStart(value);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.value;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The optimiser, or exit 2 with io's sentence when it cannot be loaded on this machine. */
async function loadOptimizerOrRefuse(load?: LoadBinding): Promise<OptimizerBinding> {
  try {
    return await loadOptimizer(load);
  } catch (error) {
    if (error instanceof OptimizerUnavailable) throw new UsageError(error.message);
    throw error;
  }
}
