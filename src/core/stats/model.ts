/**
 * What `quizdeck stats` reports, per deck and in total. This is also the `--json` object
 * (documented in README.md, "quizdeck stats"): change both together.
 */

export interface StatusCounts {
  new: number;
  learning: number;
  /** In review with an interval under 21 days. */
  young: number;
  /** In review with an interval of 21 days or more. */
  mature: number;
  /** Marked a leech (forgotten 8 times); also counted in their status. */
  leeches: number;
  total: number;
}

export interface Retention {
  /** Answers given to items in review state (state_before = 2). */
  reviews: number;
  /** Those not graded Again. */
  recalled: number;
  /** recalled / reviews; null without reviews. */
  rate: number | null;
}

export interface CalibrationBin {
  /** Predicted recall from (inclusive) to (exclusive; 1 is inclusive). */
  from: number;
  to: number;
  count: number;
  /** Mean predicted recall of the reviews in the bin. */
  predicted: number;
  /** Share of them recalled (not Again). */
  actual: number;
}

export interface Calibration {
  /** Reviews with a prediction: not an item's first, and at least one study day after the one before. */
  reviews: number;
  predicted: number | null;
  actual: number | null;
  /** srs-benchmark's RMSE(bins): bins by elapsed days, review number and lapses. */
  rmseBins: number | null;
  /** Mean binary cross-entropy of the predictions. */
  logLoss: number | null;
  bins: CalibrationBin[];
}

export interface HardItem {
  deck: string;
  key: string;
  /** The question as asked (neutralised for one line), or null when the card is no longer in the deck. */
  question: string | null;
  lapses: number;
  stability: number;
  leech: boolean;
  state: number;
}

export interface SectionScore {
  at: string;
  correct: number;
  total: number;
  percent: number;
}

export interface QuizSection {
  deck: string;
  section: string | null;
  attempts: number;
  /** The last (up to) 5 complete first-round attempts that asked this section, oldest first. */
  last: SectionScore[];
  /**
   * Percentage points by which the mean of the last 5 scores is above (+) or below (-) the mean
   * of the 5 before them (with fewer than 6 attempts: the latest against the ones before it);
   * null with one attempt.
   */
  trend: number | null;
}

export interface MissedQuestion {
  deck: string;
  key: string;
  section: string | null;
  question: string | null;
  missed: number;
  asked: number;
}

export interface QuizHistory {
  attempts: number;
  sections: QuizSection[];
  missed: MissedQuestion[];
}

export interface Activity {
  /** Review counts per study day, from the Monday 25 weeks before this week's to today. */
  heatmap: { from: string; counts: number[] };
  streak: { current: number; longest: number };
  reviews: { today: number; total: number; daysStudied: number; perDay: number; perStudiedDay: number };
}

export interface DeckStats {
  /** Deck id; null for the total. */
  id: string | null;
  title: string;
  items: StatusCounts;
  cards: StatusCounts;
  /**
   * The FSRS parameters the predictions (calibration) come from, as study schedules with them:
   * `fitted` by `quizdeck optimize`, `default` (FSRS-6's), or `mixed` in a total of both.
   */
  parameters: 'fitted' | 'default' | 'mixed';
  /** Items with history whose card is no longer in the deck (left out of the counts). */
  removed: number;
  activity: Activity;
  /** Reviews due per study day, today (with the overdue) first, for 30 days. */
  forecast: number[];
  retention: { desired: number; last7: Retention; last30: Retention; last365: Retention };
  calibration: Calibration;
  hardest: HardItem[];
  quiz: QuizHistory;
}

export interface StatsReport {
  version: 1;
  generatedAt: string;
  /** The study day of `generatedAt` (its local date) and when it started and ends. */
  today: { date: string; start: string; end: string };
  dayStartHour: number;
  decks: DeckStats[];
  total: DeckStats;
}
