/**
 * The shape of the message catalogue: every label `study`, `quiz` and `print` show, one object
 * per language (`en.ts`, `zh.ts`). Both are typed as `Messages`, so a key missing in one
 * language does not compile. Plurals and word order live in the functions, since they differ
 * between languages ("1 question" / "2 questions", "第 3/10 题").
 */

/** Words a sheet prints around the cards (print's txt, md, html, json and pdf). */
export interface SheetStrings {
  name: string;
  date: string;
  score: string;
  version: (label: string) => string;
  answerKey: string;
  answer: string;
  why: string;
  seed: (seed: string) => string;
  /** Text before and after the page number in the page footer. */
  page: [string, string];
  trueWord: string;
  falseWord: string;
  /** After a field name or label: ": " in English, a full-width colon in Chinese. */
  colon: string;
  /** Separator between items in a list of answers. */
  listSeparator: string;
  /** Before the other answers a typed answer may give (`accept`), as study and quiz say it. */
  alsoAccepted: string;
  /** Under a choice question with several right answers. */
  chooseAll: string;
  /** Brackets around a note after an answer. */
  parens: [string, string];
  /** Under an order question, above its steps with boxes. */
  numberSteps: string;
}

/** The verdict on an answer and the labels of the lines under it, the same in study and quiz. */
export interface FeedbackStrings {
  expected: string;
  typed: string;
  alsoAccepted: string;
  /** A choice or true/false answer given (quiz). */
  yourAnswer: string;
  /** A choice answer given (study). */
  youPicked: string;
  /** Above the card's answer when it is revealed (study). */
  answer: string;
  why: string;
  correct: string;
  /** A wrong choice or true/false answer in study. */
  notQuite: string;
  wrong: string;
  /** A typed answer one or two characters off the answer. */
  almost: (edits: number) => string;
  /** ... off an accepted answer, which is quoted. */
  almostAccepted: (edits: number, closest: string) => string;
  /** The parts of a list answer not given, each already quoted. */
  incomplete: (missing: readonly string[]) => string;
  wrongEmpty: string;
  wrongNumber: string;
  /** Quotes around answer text in a verdict. */
  quote: (text: string) => string;
  /** After a near miss in study. */
  hardSuggested: string;
}

/** Suffixes of an interval: "10m", "3d" in English. */
export interface IntervalUnits {
  m: string;
  h: string;
  d: string;
  mo: string;
  y: string;
}

export interface StudyStrings {
  newCount: (n: number) => string;
  learningCount: (n: number) => string;
  dueCount: (n: number) => string;
  trueOrFalse: string;
  trueFalseHint: string;
  reveal: string;
  revealHint: string;
  typeAnswer: string;
  typeHint: string;
  pickOne: string;
  pickAll: (right: number) => string;
  /** `keys`: "1–4". */
  pickOneHint: (keys: string) => string;
  pickAllHint: (keys: string) => string;
  gradeSuggested: string;
  gradeAsk: string;
  /** Again, Hard, Good, Easy: grades 1 to 4. */
  grades: readonly [string, string, string, string];
  gradeHint: string;
  nothingToStudy: string;
  doneForNow: string;
  leech: (cardId: string, deckId: string, lapses: number) => string;
  nothingToUndo: string;
  undid: (key: string) => string;
  summaryTitle: string;
  studied: string;
  again: string;
  accuracy: string;
  timeSpent: string;
  dueTomorrow: string;
  leeches: string;
  leechesValue: (n: number) => string;
  duration: (minutes: number, seconds: number) => string;
  order: string;
  orderHint: (example: string) => string;
  /** Two neighbouring steps swapped; else how many are in their place. */
  orderAlmost: string;
  orderNotQuite: (placed: number, total: number) => string;
  /** A typed order that is not one (study and quiz): `count` steps, `example` such as "2143". */
  orderEmpty: (count: number, example: string) => string;
  orderDigitsOnly: (count: number, example: string) => string;
  orderNoStep: (step: number, count: number) => string;
  orderTwice: (step: number) => string;
  orderAll: (count: number, given: number, example: string) => string;
  /** `firstIn`: how soon the first comes back ("10m"), undefined for "later today". */
  learningLater: (n: number, firstIn: string | undefined) => string;
  /** The header's progress: items done for today in this session, and items left. */
  progress: (finished: number, left: number) => string;
  /** Above the next card when a session runs past the day-start hour. */
  newDay: string;
  /** In the summary when the daily new-card limit left new cards out. */
  newHeldBack: (held: number, limit: number) => string;
  /** In the summary when the daily review limit left due reviews out. */
  reviewsHeldBack: (held: number, limit: number) => string;
  /** Every key of study, shown by `?` in place of a prompt's keys line. */
  keysHelp: string;
  /** Above the first card of `study --exam`: today's part of the plan. */
  examToday: (plan: { exam: string; daysLeft: number; newToday: number; pulled: number; feasible: boolean }) => string;
  /** Cram's grade intervals: Again comes back in this session, the others are done for it. */
  cramAgain: string;
  cramDone: string;
  /** The summary of a cram session says what it did not change. */
  cramNote: string;
}

export interface QuizIntro {
  questions: number;
  /** Deck titles, already joined. */
  decks: string;
  feedbackAtEnd: boolean;
  timeLimit?: string;
  passMark?: number;
  /** --count, when fewer questions matched. */
  fewerThan?: number;
}

export interface QuizStrings {
  intro: (q: QuizIntro) => string;
  introNote: string;
  question: (n: number, total: number, round: string | undefined) => string;
  retryRound: string;
  timeLeft: (clock: string) => string;
  chooseAll: (right: number) => string;
  notAnswered: string;
  overruled: string;
  countedLenient: string;
  countedWrong: string;
  score: string;
  retryScore: string;
  scoreSoFar: string;
  scoreLine: (label: string, correct: number, total: number, percent: number) => string;
  passed: (mark: number) => string;
  belowPass: (mark: number) => string;
  timeRanOut: (unanswered: number) => string;
  unanswered: (n: number) => string;
  overruledNote: (n: number) => string;
  lenientNote: (n: number) => string;
  sectionHeader: readonly [string, string, string];
  /** The row of questions whose card names no section. */
  noSection: string;
  missed: (n: number) => string;
  empty: string;
  notAnsweredParen: string;
  previous: (percents: string) => string;
  timeUp: (clock: string) => string;
  seedNote: (seed: string) => string;
  nothingMissed: string;
  retryIntro: (missed: number) => string;
  interrupted: string;
  /** `title`: `interrupted`, painted; `scoreSoFar`: a `scoreLine`. */
  interruptedLine: (
    title: string,
    answered: number,
    total: number,
    right: number,
    percentOfAnswered: number | undefined,
    scoreSoFar: string,
  ) => string;
  partialSaved: string;
  choose: string;
  trueOrFalse: string;
  answer: string;
  continue: string;
  iWasRight: string;
  next: string;
  overruleHelp: string;
  confirmOverrule: string;
  /** The answer to confirmOverrule, once given. */
  yes: string;
  no: string;
  countedRight: string;
  rejected: (n: number) => string;
  submitHelp: string;
  /** `keys`: "1–4". */
  toggleHelp: (keys: string) => string;
  numberHelp: (keys: string) => string;
  /** `keys`: "t true · f false · ↑↓ Enter" or "1–4 or ↑↓ Enter". */
  chooseHelp: (keys: string) => string;
  /** The prompt of an order question, and its keys line (`example`: "3142"). */
  order: string;
  orderHelp: (example: string) => string;
  /** Above the per-place diff of an order answer. */
  rightOrder: string;
  /** After a step put in the wrong place: the step the person put there. */
  orderYou: (step: string) => string;
  orderWrong: (placed: number, total: number) => string;
  noMatch: (given: string, have: string) => string;
  tags: string;
  sections: string;
  cardTypes: string;
  /** Deck ids, in the sentence for a --deck filter that matches nothing. */
  decks: string;
  none: string;
}

export interface Messages {
  /** The primary language subtag this catalogue is for. */
  lang: 'en' | 'zh';
  trueWord: string;
  falseWord: string;
  /** Between items of a list of answers on screen. */
  listSeparator: string;
  /** Between names in a sentence: deck titles. */
  nameSeparator: string;
  /**
   * Lead-in for the reverse direction of a basic card, whose prompt is the card's answer: the
   * one wording study, quiz and print use.
   */
  reversePrompt: string;
  /** Above an order question's shuffled steps (study and quiz). */
  orderSteps: string;
  /** Enter with nothing picked in a choice of several answers (study and quiz). */
  pickAtLeastOne: string;
  /** Enter on an empty typed answer (study and quiz). */
  typeSomething: string;
  intervals: IntervalUnits;
  feedback: FeedbackStrings;
  study: StudyStrings;
  quiz: QuizStrings;
  sheet: SheetStrings;
  optimize: OptimizeStrings;
  stats: StatsStrings;
  exam: ExamStrings;
}

/** What `quizdeck optimize` says about the desired retention it suggests. */
export interface OptimizeStrings {
  /** The parameters fitted on all decks together, in place of a deck id. */
  allDecks: string;
  /**
   * One group's suggestion. `retention` and `usual` ("0.90") are formatted; `extraPercent`
   * is how much more time per item remembered `usual` costs (rounded, ≥ 0).
   */
  suggestion: (group: string, retention: string, usual: string, extraPercent: number) => string;
  /**
   * The one line under the suggestions: how they were found and how to adopt one. `within`:
   * the percent of the least cost counted as equal; `lossAversion`: how many times a lapse's
   * seconds count.
   */
  suggestionNote: (note: {
    days: number;
    newPerDay: number;
    reviewsPerDay: number;
    within: number;
    lossAversion: number;
    example: string;
  }) => string;
}

/** Every word `stats` shows, in the terminal and in its HTML report (`--json` keys stay English). */
export interface StatsStrings {
  title: string;
  decks: (n: number) => string;
  /** `hour`: when a study day starts (0-23). */
  studyDay: (date: string, hour: number) => string;
  /** The row and section of all the decks together. */
  total: string;
  items: string;
  cards: string;
  statuses: { new: string; learning: string; young: string; mature: string; leeches: string; total: string };
  countsNote: string;
  removed: (deck: string, n: number) => string;
  /** A heading or title and the deck (or total) it is about. */
  of: (title: string, deck: string) => string;
  heatmap: (weeks: number) => string;
  /** Row labels of the heatmap, Monday first; '' for rows without one. */
  weekdays: readonly [string, string, string, string, string, string, string];
  months: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  /** The two ends of the heatmap's legend. */
  less: string;
  more: string;
  streak: (current: number, longest: number) => string;
  /** `perDay`, `perStudied`: already formatted numbers. */
  perDay: (today: number, perDay: string, perStudied: string) => string;
  forecast: (days: number) => string;
  forecastSummary: (total: number, today: number, week: number) => string;
  /** The first mark under the forecast. */
  today: string;
  retention: string;
  retentionColumns: readonly [string, string, string, string];
  calibration: string;
  calibrationNote: string;
  calibrationColumns: readonly [string, string, string, string, string];
  binColumns: readonly [string, string, string, string];
  /** Deck ids predicted with fitted parameters, and those with the defaults. */
  parameters: (fitted: readonly string[], defaults: readonly string[]) => string;
  hardest: string;
  hardestColumns: readonly [string, string, string, string];
  leech: string;
  /** In place of the question of a card no longer in the deck. */
  gone: string;
  quiz: (attempts: number) => string;
  quizColumns: readonly [string, string, string, string];
  noSection: string;
  missed: string;
  missedOf: (missed: number, asked: number) => string;
  none: string;
  noQuizzes: string;
  /** The HTML report's own words. */
  html: { generated: (at: string) => string; predictedAxis: string; actualAxis: string };
}

/** The exam plan that `stats --exam` shows (terminal and HTML); numbers come already grouped (1,200). */
export interface ExamStrings {
  /** The heading: the exam's date, the study days before it (0: the exam is today), the target as a percentage. */
  title: (date: string, daysLeft: number, target: string) => string;
  /** Items studied before at target on the day on the normal schedule, of all items; and those never studied. */
  normal: (atTarget: string, total: string, target: string, unstudied: string) => string;
  /** New items to learn, how many a day, the day of the last. */
  newItems: (count: string, perDay: string, last: string) => string;
  noNewItems: string;
  /** Reviews pulled forward, and of how many items. */
  pulled: (reviews: string, items: string) => string;
  /** Items at target following the plan, of all items, and those left to cram on the exam day. */
  following: (atTarget: string, total: string, target: string, cram: string) => string;
  feasible: (newLimit: string, reviewLimit: string) => string;
  notFeasible: string;
  /** More new items than the limit lets in: the deck, the new items, the days before the exam, the limit, those left for the exam day. */
  tooManyNew: (deck: string, remaining: string, days: number, limit: string, left: string) => string;
  /** Days over the review limit: the deck, how many days, the busiest day and its reviews, the limit. */
  tooManyReviews: (deck: string, days: number, date: string, reviews: string, limit: string) => string;
  /** Above the table or chart of work per day. */
  workload: string;
  /** The chart's heading when a bar stands for several days. */
  workloadBars: (days: number) => string;
  columns: { date: string; new: string; due: string; pulled: string; cram: string; total: string };
  today: string;
  exam: string;
  /** Under the chart of a long plan: today's work, the busiest day, the exam day's. */
  todayLine: (newItems: string, due: string, pulled: string) => string;
  busiest: (date: string, total: string) => string;
  examDay: (cram: string, due: string, newItems: string) => string;
  /** The HTML report's section heading. */
  htmlTitle: string;
}
