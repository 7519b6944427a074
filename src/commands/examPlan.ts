import type { DeckOutline } from '../core/deck/outline.js';
import { parseExamDate, parseExamRetention } from '../core/exam/options.js';
import { planExam, type ExamLimits, type ExamMemory, type ExamPlan } from '../core/exam/plan.js';
import { weightsForDeck } from '../core/optimize/plan.js';
import { studyDay, type DayRule } from '../core/schedule/day.js';
import { createForecastModel, type ForecastModel } from '../core/schedule/forecast.js';
import { dayDate, dayNumber } from '../core/stats/report.js';
import { UsageError } from '../errors.js';
import { parseWholeNumber } from '../core/options.js';
import { DEFAULT_NEW_PER_DAY, DEFAULT_REVIEWS_PER_DAY } from '../core/study/options.js';
import type { Db } from '../io/db.js';
import { readDeckMemories, readIntroducedDuring } from '../io/examStore.js';
import { readAdoptedParameters } from '../io/statsStore.js';

/**
 * The shell side of the exam plan, shared by `stats --exam` and `study --exam`: the options,
 * what the database knows, and the plan. Commands call these; none exits.
 */

export interface ExamOptions {
  exam?: string;
  examRetention?: string;
}

export interface ExamSettings {
  /** The exam's study day number. */
  examDay: number;
  /** --exam-retention. */
  target: number;
}

/** --exam and --exam-retention checked against today's study day; null without --exam. Throws UsageError. */
export function parseExamOptions(options: ExamOptions, now: number, rule: DayRule): ExamSettings | null {
  if (options.exam === undefined) {
    if (options.examRetention !== undefined)
      throw new UsageError('--exam-retention goes with --exam DATE (the recall to reach on that day)');
    return null;
  }
  const today = dayNumber(now, rule);
  const day = parseExamDate(options.exam, today, dayDate(today));
  if ('error' in day) throw new UsageError(day.error);
  const target = parseExamRetention(options.examRetention);
  if ('error' in target) throw new UsageError(target.error);
  return { examDay: day.value, target: target.value };
}

/** What the plan needs from the database. */
export interface ExamReads {
  memories: Map<string, Map<string, ExamMemory>>;
  introducedToday: Map<string, number>;
  /** Parameters `quizdeck optimize` adopted, by deck id or `*`. */
  fitted: Map<string, number[]>;
}

/** Every item's memory in these decks and today's new items; call inside the command's database error handling. */
export function readExamInputs(db: Db, deckIds: readonly string[], now: number, rule: DayRule): ExamReads {
  return {
    memories: new Map(deckIds.map((id) => [id, readDeckMemories(db, id)])),
    introducedToday: readIntroducedDuring(db, studyDay(now, rule.startHour, rule.utcOffsetMinutes)),
    fitted: readAdoptedParameters(db),
  };
}

export interface ExamPlanSettings extends ExamSettings {
  now: number;
  rule: DayRule;
  limits: ExamLimits;
  /** The scheduler's desired retention (--retention) and maximum interval: what its intervals aim at. */
  retention: number;
  maximumIntervalDays: number;
}

/** The plan over these decks; `reads` null when there is no database yet (every item new). */
export function buildExamPlan(
  outlines: readonly DeckOutline[],
  reads: ExamReads | null,
  settings: ExamPlanSettings,
): ExamPlan {
  const models = new Map<string, ForecastModel>();
  const modelOf = (deckId: string) => {
    const weights = weightsForDeck(reads?.fitted ?? new Map<string, number[]>(), deckId);
    const key = weights ? JSON.stringify(weights) : '';
    let model = models.get(key);
    if (!model)
      models.set(
        key,
        (model = createForecastModel({
          retention: settings.retention,
          maximumIntervalDays: settings.maximumIntervalDays,
          weights,
        })),
      );
    return model;
  };
  const decks = outlines.map((outline) => {
    const id = outline.deck.deck;
    const keys = outline.cards.flatMap((card) => card.keys);
    return {
      id,
      keys,
      memories: reads?.memories.get(id) ?? new Map<string, ExamMemory>(),
      model: modelOf(id),
      introducedToday: reads?.introducedToday.get(id) ?? 0,
    };
  });
  return planExam({
    decks,
    now: settings.now,
    rule: settings.rule,
    examDay: settings.examDay,
    target: settings.target,
    limits: settings.limits,
  });
}

/** `stats --exam`'s --new and --reviews: study's daily limits per deck (defaults 20 and 200), which the plan must fit. */
export function parseExamLimits(options: { new?: string; reviews?: string }, hasExam: boolean): ExamLimits {
  const int = (value: string | undefined, name: string, fallback: number, max: number) => {
    if (value !== undefined && !hasExam)
      throw new UsageError(`${name} goes with --exam DATE (the daily limit the plan must fit)`);
    const parsed = parseWholeNumber(value, name, { min: 0, max, fallback });
    if ('error' in parsed) throw new UsageError(parsed.error);
    return parsed.value;
  };
  // The limits and defaults of study's --new and --reviews (core/study/options.ts).
  return {
    newPerDay: int(options.new, '--new', DEFAULT_NEW_PER_DAY, 9999),
    reviewsPerDay: int(options.reviews, '--reviews', DEFAULT_REVIEWS_PER_DAY, 99999),
  };
}
