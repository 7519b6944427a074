import { neutralizeLine } from '../text.js';
import { DAY, fromStudyTime, toStudyTime, type DayRule } from '../schedule/day.js';
import { CalibrationSums } from './calibration.js';
import {
  addCounts,
  emptyCounts,
  FORECAST_DAYS,
  HARDEST,
  summarizeCards,
  type DeckCards,
  type DeckShape,
  type StateColumns,
} from './cards.js';
import type { Activity, DeckStats, HardItem, Retention, StatsReport } from './model.js';
import { quizHistory, type MissedRow, type SectionRow } from './quiz.js';
import { DeckReviews, type DayCounts } from './reviews.js';

/** Everything `stats` reports, from rows the shell read: no clock, no database, no files. */

export const HEATMAP_WEEKS = 26;

export interface StatsDeckInput {
  id: string;
  title: string;
  /** Whether its predictions come from parameters fitted by `quizdeck optimize`. */
  fitted: boolean;
  shape: DeckShape;
  states: StateColumns;
  /**
   * Its card summary, when the shell made it already (`summarizeCards` with `forecastDayStarts`:
   * `stats` does while a worker folds the log); else it is made from `shape` and `states`.
   */
  cards?: DeckCards;
  reviews: DeckReviews;
}

export interface StatsInput {
  now: number;
  rule: DayRule;
  desiredRetention: number;
  decks: readonly StatsDeckInput[];
  quizSections: readonly SectionRow[];
  quizMissed: readonly MissedRow[];
  /** The question an item asks (its prompt as shown), or null when its card is not in the deck. */
  question(deck: string, key: string): string | null;
}

/** Study day number (days since 1970-01-01 in study time) of an instant. */
export function dayNumber(time: number, rule: DayRule): number {
  return Math.floor(toStudyTime(time, rule) / DAY);
}

/** The local date of a study day number, YYYY-MM-DD. */
export function dayDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** When each of the forecast's days starts: today's study day and the FORECAST_DAYS after it. */
export function forecastDayStarts(now: number, rule: DayRule): number[] {
  const today = dayNumber(now, rule);
  return Array.from({ length: FORECAST_DAYS + 1 }, (_, k) => fromStudyTime((today + k) * DAY, rule));
}

export function buildStatsReport(input: StatsInput): StatsReport {
  const { now, rule } = input;
  const today = dayNumber(now, rule);
  const dayStarts = forecastDayStarts(now, rule);
  const question = (deck: string, key: string) => {
    const q = input.question(deck, key);
    return q === null ? null : neutralizeLine(q);
  };
  const perDeck = input.decks.map((d) => ({
    d,
    cards: d.cards ?? summarizeCards(d.id, d.shape, d.states, dayStarts),
  }));
  const decks = perDeck.map(({ d, cards }) =>
    deckStats(
      d.id,
      d.title,
      d.fitted ? 'fitted' : 'default',
      cards,
      d.reviews.days,
      d.reviews.calibration,
      today,
      input,
      question,
    ),
  );
  const total = totalStats(
    perDeck.map((p) => p.cards),
    input,
    today,
    question,
  );
  return {
    version: 1,
    generatedAt: new Date(now).toISOString(),
    today: {
      date: dayDate(today),
      start: new Date(dayStarts[0]!).toISOString(),
      end: new Date(dayStarts[1]!).toISOString(),
    },
    dayStartHour: rule.startHour,
    decks,
    total,
  };
}

function totalStats(
  cards: readonly DeckCards[],
  input: StatsInput,
  today: number,
  question: (deck: string, key: string) => string | null,
): DeckStats {
  const merged: DeckCards = {
    items: emptyCounts(),
    cards: emptyCounts(),
    removed: 0,
    forecast: new Array<number>(FORECAST_DAYS).fill(0),
    hardest: [],
  };
  for (const c of cards) {
    addCounts(merged.items, c.items);
    addCounts(merged.cards, c.cards);
    merged.removed += c.removed;
    c.forecast.forEach((n, k) => (merged.forecast[k]! += n));
    merged.hardest.push(...c.hardest);
  }
  merged.hardest.sort((a, b) => Number(b.leech) - Number(a.leech) || b.lapses - a.lapses || a.stability - b.stability);
  merged.hardest = merged.hardest.slice(0, HARDEST);
  const all = new DeckReviews();
  for (const d of input.decks) all.merge(d.reviews);
  const fitted = new Set(input.decks.map((d) => d.fitted));
  const parameters = fitted.size > 1 ? 'mixed' : fitted.has(true) ? 'fitted' : 'default';
  // The `--json` object is English whatever the screen's language: its title too.
  return deckStats(null, 'total', parameters, merged, all.days, all.calibration, today, input, question);
}

function deckStats(
  id: string | null,
  title: string,
  parameters: DeckStats['parameters'],
  cards: DeckCards,
  days: ReadonlyMap<number, DayCounts>,
  calibration: CalibrationSums,
  today: number,
  input: StatsInput,
  question: (deck: string, key: string) => string | null,
): DeckStats {
  const hardest: HardItem[] = cards.hardest.map((h) => ({ ...h, question: question(h.deck, h.key) }));
  // The total (id null) has every deck's quiz rows.
  const sections = id === null ? input.quizSections : input.quizSections.filter((r) => r[2] === id);
  const missed = id === null ? input.quizMissed : input.quizMissed.filter((r) => r[0] === id);
  return {
    id,
    title,
    parameters,
    items: cards.items,
    cards: cards.cards,
    removed: cards.removed,
    activity: activity(days, today),
    forecast: cards.forecast,
    retention: {
      desired: input.desiredRetention,
      last7: retention(days, today, 7),
      last30: retention(days, today, 30),
      last365: retention(days, today, 365),
    },
    calibration: calibration.result(),
    hardest,
    quiz: quizHistory(sections, missed, question),
  };
}

function retention(days: ReadonlyMap<number, DayCounts>, today: number, span: number): Retention {
  let reviews = 0;
  let again = 0;
  for (const [day, c] of days) {
    if (day > today - span && day <= today) {
      reviews += c.reviewState;
      again += c.again;
    }
  }
  return { reviews, recalled: reviews - again, rate: reviews === 0 ? null : (reviews - again) / reviews };
}

function activity(days: ReadonlyMap<number, DayCounts>, today: number): Activity {
  const from = today - weekday(today) - (HEATMAP_WEEKS - 1) * 7;
  const counts: number[] = [];
  for (let d = from; d <= today; d++) counts.push(days.get(d)?.reviews ?? 0);
  const has = (d: number) => (days.get(d)?.reviews ?? 0) > 0;
  let current = 0;
  for (let d = has(today) ? today : today - 1; has(d); d--) current++;
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  let total = 0;
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    const n = days.get(day)!.reviews;
    total += n;
    if (n === 0 || day > today) continue;
    run = day === previous + 1 ? run + 1 : 1;
    previous = day;
    longest = Math.max(longest, run);
  }
  const inPeriod = counts.reduce((a, b) => a + b, 0);
  const studied = counts.filter((n) => n > 0).length;
  return {
    heatmap: { from: dayDate(from), counts },
    streak: { current, longest },
    reviews: {
      today: days.get(today)?.reviews ?? 0,
      total,
      daysStudied: studied,
      perDay: inPeriod / counts.length,
      perStudiedDay: studied === 0 ? 0 : inPeriod / studied,
    },
  };
}
