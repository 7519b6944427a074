import {
  buildHistories,
  concatLogs,
  itemsOf,
  reviewsByDeck,
  splitTime,
  type StudyLog,
} from '../core/optimize/history.js';
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
  type TrainingItem,
} from '../io/optimizer.js';
import { threadCpuMs } from '../io/threadCpu.js';
import { deleteParameters, loadParameters, readReviewLog, reviewDecks, saveParameters } from '../io/parametersStore.js';
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

/**
 * Milliseconds spent in each step, wall clock and CPU, for `--timings` and
 * bench/optimize.bench.mjs. The steps of one group overlap those of the next (see fitGroups), so
 * each step's CPU is this thread's own (`threadCpuMs`), and `fit`'s is what the binding's
 * threads used meanwhile. `waited` is the wall time before the last fit ended in which no fit
 * ran, less loading the addon: what reading and converting the log cost the person waiting.
 */
export type OptimizeTimings = Record<
  'read' | 'load' | 'convert' | 'fit' | 'evaluate' | 'simulate',
  { ms: number; cpuMs: number }
> & { waited: number };

/** Runs `step` and adds its wall-clock time and this thread's CPU time to `into`. */
async function timed<T>(into: { ms: number; cpuMs: number }, step: () => T | Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = threadCpuMs();
  try {
    return await step();
  } finally {
    into.cpuMs += threadCpuMs() - cpu;
    into.ms += performance.now() - wall;
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
      waited: 0,
    };
    const started = performance.now();
    const minimum = deps.minimumReviews ?? DEFAULT_MINIMUM_REVIEWS;
    const day: DayRule = {
      startHour: dayStartHour,
      utcOffsetMinutes: (t) => clock.utcOffsetMinutes(t),
    };
    const read = (decks: readonly string[]) =>
      timed(timings.read, () => buildHistories(readReviewLog(db!, decks), day));
    // The first deck is read alone. With enough reviews for parameters of its own (whatever the
    // others hold: see planFit), its fit starts before the other decks are read, since the
    // binding fits on threads of its own; else all are read first.
    const decks = await timed(timings.read, () => reviewDecks(db!));
    const first = await read(decks.slice(0, 1));
    const early = decks.length > 1 && first.times.length >= minimum;
    let histories = decks.length > 1 && !early ? concatLogs(first, await read(decks.slice(1))) : first;
    const counts = reviewsByDeck(histories);
    if (!early && planFit(counts, minimum).groups.length === 0) {
      out(
        `${plural(histories.times.length, 'review')} in ${dbPath}, fewer than the ${minimum} needed to fit parameters: FSRS's default parameters stay (run quizdeck optimize again after more reviews).\n`,
      );
      return;
    }
    // Loaded only once there is something to fit, so "too few reviews" never needs it.
    const binding = await timed(timings.load, () => loadOptimizerOrRefuse(deps.loadBinding));
    const before = loadParameters(db);
    async function* jobs(): AsyncGenerator<GroupJob> {
      const firstGroup = early ? planFit(counts, minimum).groups[0]! : undefined;
      if (firstGroup) yield { group: firstGroup, histories };
      if (early) histories = concatLogs(first, await read(decks.slice(1)));
      const allCounts = reviewsByDeck(histories);
      const plan = planFit(allCounts, minimum);
      out(describePlan(plan, allCounts, minimum, dayStartHour));
      for (const group of plan.groups) if (group.key !== firstGroup?.key) yield { group, histories };
    }
    const outcomes = await fitGroups(binding, jobs(), timings, started);
    if (!options.dryRun)
      for (const outcome of outcomes) if (outcome.kind === 'fitted' && outcome.adopted) save(db, outcome, clock.now());
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

/**
 * Fits and tests each group in turn, with the groups overlapped: fsrs-rs fits on threads of its
 * own while this one is idle, so the next group's items are built while a group fits, and a
 * fitted group is tested while the next one fits. Fits run one at a time (each has the
 * machine's other cores to itself, and its time is the binding's own). Outcomes come in the
 * order of `groups`.
 */
async function fitGroups(
  binding: OptimizerBinding,
  jobs: AsyncIterable<GroupJob>,
  timings: OptimizeTimings,
  started: number,
): Promise<GroupOutcome[]> {
  const converter = trainingItems(binding);
  const outcomes: GroupOutcome[] = [];
  let fitting: Fitting | undefined;
  // The wall time in which a fit ran, and when the last one ended.
  let fitWall = 0;
  let lastEnd = started;
  const settle = async (job: Fitting): Promise<void> => {
    const fit = await job.fit;
    fitWall += fit.ms;
    lastEnd = fit.end;
    timings.fit.ms += fit.ms;
    timings.fit.cpuMs += fit.cpuMs;
    if ('error' in fit) {
      outcomes[job.index] = {
        kind: 'untestable',
        group: job.group,
        reason: `the optimiser failed (${fit.error.message}): defaults kept`,
      };
      return;
    }
    outcomes[job.index] = await timed(timings.evaluate, () => tested(job, fit.weights));
  };
  let index = -1;
  for await (const { group, histories } of jobs) {
    index++;
    const cards = itemsOf(histories, group.key === ALL_DECKS ? undefined : new Set(group.decks));
    const split = splitTime(histories, cards);
    if (split === undefined) {
      outcomes[index] = {
        kind: 'untestable',
        group,
        reason: 'too few reviews a day or more apart to test parameters on: defaults kept',
      };
      continue;
    }
    const items = await timed(timings.convert, () => converter.forGroupInSteps(histories, cards, split));
    // The binding is free once the fit before has ended; that group is tested while this one fits.
    const before = fitting;
    if (before) await before.fit;
    fitting = { index, group, histories, cards, split, items: items.length, fit: startFit(binding, items) };
    if (before) await settle(before);
  }
  if (fitting) await settle(fitting);
  timings.waited = Math.max(0, lastEnd - started - fitWall - timings.load.ms);
  return outcomes;
}

/** A group to fit, and the log it is fitted on. */
interface GroupJob {
  group: FitGroup;
  histories: StudyLog;
}

interface Fitting extends GroupJob {
  index: number;
  cards: Uint32Array;
  split: number;
  items: number;
  fit: Promise<FitRun>;
}

/** A fit's wall time, when it ended, and the CPU the binding's threads used meanwhile. */
type FitRun = { ms: number; end: number; cpuMs: number } & ({ weights: number[] } | { error: Error });

function startFit(binding: OptimizerBinding, items: TrainingItem[]): Promise<FitRun> {
  const wall = performance.now();
  const processCpu = process.cpuUsage();
  const ownCpu = threadCpuMs();
  const ran = () => {
    const end = performance.now();
    const used = process.cpuUsage(processCpu);
    return { ms: end - wall, end, cpuMs: Math.max(0, (used.user + used.system) / 1000 - (threadCpuMs() - ownCpu)) };
  };
  return fitParameters(binding, items).then(
    (fit) => ({ ...ran(), weights: fit.weights }),
    (error: unknown) => ({ ...ran(), error: error instanceof Error ? error : new Error(String(error)) }),
  );
}

/** The fitted parameters against the defaults on the group's later reviews. */
function tested(job: Fitting, fittedWeights: readonly number[]): GroupOutcome {
  // Rounded as stored, so what was tested is exactly what study will use.
  const weights = fittedWeights.map((w) => Math.round(w * 1e4) / 1e4);
  const fitted = evaluateWeights(job.histories, job.cards, weights, job.split);
  const defaults = evaluateWeights(job.histories, job.cards, DEFAULT_WEIGHTS, job.split);
  // Log loss decides: it is what the optimiser minimises and a proper score; RMSE(bins) of a
  // few hundred held-out reviews moves with how they fall into bins.
  return {
    kind: 'fitted',
    group: job.group,
    trainedOn: job.items,
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
  return `timings: ${steps.join(', ')}; waited ${Math.round(t.waited)} ms\n`;
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
