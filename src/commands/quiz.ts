import { deckItems } from '../core/deck/items.js';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import type { Deck } from '../core/deck/schema.js';
import { formatClock } from '../core/quiz/duration.js';
import { quizQuestion, type Outcome, type Question } from '../core/question/model.js';
import { messagesFor, screenLanguage, type Messages } from '../core/messages/index.js';
import { formatResult, scoreLine } from '../core/quiz/report.js';
import { missedOutcomes, passes, scoreOutcomes } from '../core/quiz/score.js';
import { describeNoMatch, filterItems } from '../core/deck/filter.js';
import { selectQuestions } from '../core/quiz/select.js';
import { parseQuizOptions, type QuizOptionInput, type QuizSettings } from '../core/quiz/settings.js';
import { neutralizeControls, wrapText } from '../core/text.js';
import { ExitError, UsageError } from '../errors.js';
import { describeDbError, isDbIoError, type Db } from '../io/db.js';
import { openDatabaseOrRefuse } from './shared/db.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { resolveDbPath } from '../io/paths.js';
import { previousPercents, saveAttempt } from '../io/quizStore.js';
import { QuizInterrupted } from '../ui/quiz/prompts.js';
import { reviewRejected, runRound, type RoundOptions } from '../ui/quiz/round.js';
import { terminalQuizUi, type QuizUi } from '../ui/quiz/terminal.js';
import { requireTerminal } from './shared/terminal.js';
import { requireValidWholeDecks } from './shared/decks.js';

export interface QuizCommandOptions extends QuizOptionInput {
  db?: string;
  /** With no path: the language of the deck used from each translation group. */
  lang?: string;
}

/** The shared shape (out, err, clock, random: the seed when none is given), and quiz's own: its screens and whether stdin is a terminal. */
export interface QuizDeps extends CommandDeps {
  ui: QuizUi;
  interactive: boolean;
  startTimer?: RoundOptions['startTimer'];
  onInterrupt?: RoundOptions['onInterrupt'];
}

function defaultDeps(messages: Messages): QuizDeps {
  const system = systemDeps();
  return {
    ...system,
    ui: terminalQuizUi(messages, () => system.clock.now()),
    interactive: Boolean(process.stdin.isTTY),
  };
}

interface Quiz {
  settings: QuizSettings;
  decks: Deck[];
  seed: string;
  questions: Question[];
  sectionOrder: string[];
  dbPath: string;
  /** The screen's words: --lang, else the decks' language (English for decks of several). */
  messages: Messages;
}

/**
 * `quizdeck quiz`: an exam over the decks. Bad options, broken decks, empty filters and a
 * missing terminal are refused (exit 2) before anything is asked; the schedule is never touched.
 */
export async function runQuiz(
  paths: string[],
  options: QuizCommandOptions,
  makeDeps: (messages: Messages) => QuizDeps = defaultDeps,
): Promise<void> {
  const parsed = parseQuizOptions(options);
  if ('error' in parsed) throw new UsageError(parsed.error);
  const settings = parsed.value;
  const decks = await requireValidWholeDecks(paths, { languages: preferredLanguages(options.lang, process.env) });
  const items = decks.flatMap(deckItems);
  const messages = messagesFor(
    screenLanguage(
      options.lang,
      decks.map((d) => d.lang),
    ),
  );
  const candidates = filterItems(items, settings);
  if (candidates.length === 0) throw new UsageError(describeNoMatch(items, settings, messages));
  const deps = makeDeps(messages);
  requireTerminal('quiz', { isTTY: deps.interactive });
  const dbPath = resolveDbPath(options.db);
  const db = openDatabaseOrRefuse(dbPath);
  try {
    const seed = settings.seed ?? deps.random();
    // Near misses count as right with --lenient, or for the decks that say `lenient: true`.
    const lenientDecks = new Set(decks.filter((d) => d.lenient).map((d) => d.deck));
    const questions = selectQuestions(candidates, settings.count, seed).map((item) =>
      quizQuestion(item, seed, { lenient: settings.lenient || lenientDecks.has(item.deckId) }),
    );
    const sectionOrder = [...new Set(items.flatMap((i) => (i.section ? [i.section] : [])))];
    await takeQuiz({ settings, decks, seed, questions, sectionOrder, dbPath, messages }, deps, db);
  } finally {
    db.close();
  }
}

async function takeQuiz(quiz: Quiz, deps: QuizDeps, db: Db): Promise<void> {
  const { ui } = deps;
  const { settings, messages: m } = quiz;
  ui.print(introduction(quiz, ui));
  const startedAt = deps.clock.now();
  const round = await runRound(quiz.questions, { ...roundOptions(deps, quiz), timeLimitMs: settings.timeLimitMs });
  let outcomes = round.outcomes;
  let interrupted = round.interrupted;
  if (round.timedOut) ui.print(`\n${ui.paint.error(m.quiz.timeUp(formatClock(settings.timeLimitMs ?? 0)))}\n`);
  if (!interrupted && settings.feedback === 'end') {
    try {
      outcomes = await reviewRejected(outcomes, ui, m);
    } catch (error) {
      if (!(error instanceof QuizInterrupted)) throw error;
      interrupted = true;
    }
  }
  const record = {
    startedAt,
    finishedAt: deps.clock.now(),
    deckIds: quiz.decks.map((d) => d.deck),
    seed: quiz.seed,
    options: storedOptions(settings),
    outcomes,
    passMark: settings.passMark,
    timeLimitHit: round.timedOut,
    interrupted,
  };
  const saved = trySave(() => saveAttempt(db, record), quiz.dbPath);
  if (interrupted) {
    ui.print(interruptedSummary(outcomes, ui, m));
    if (saved.error) throw saved.error;
    throw new ExitError(130);
  }
  const previous = saved.error ? [] : previousPercents(db, record.deckIds, { before: saved.id });
  ui.print(
    `\n${formatResult({ outcomes, sectionOrder: quiz.sectionOrder, passMark: settings.passMark, timedOut: round.timedOut, previous, width: ui.width, messages: m }, ui.paint)}`,
  );
  ui.print(`\n${ui.paint.dim(wrapText(neutralizeControls(m.quiz.seedNote(quiz.seed)), ui.width).join('\n'))}\n`);
  if (saved.error) throw saved.error;
  if (settings.retryMissed) await retryMissed(quiz, outcomes, saved.id, deps, db);
  if (settings.passMark !== undefined && !passes(scoreOutcomes(outcomes), settings.passMark)) throw new ExitError(1);
}

/**
 * Saving the attempt is the only write of a quiz: when the disk is full (or the file went
 * read-only meanwhile) the score is still shown, then one sentence and exit 2.
 */
function trySave(
  save: () => number,
  dbPath: string,
): { id: number; error?: undefined } | { id?: undefined; error: UsageError } {
  try {
    return { id: save() };
  } catch (error) {
    if (!isDbIoError(error)) throw error;
    return {
      error: new UsageError(
        `${dbPath}: ${describeDbError(error)}; this attempt was not saved (its score is shown above)`,
      ),
    };
  }
}

function roundOptions(deps: QuizDeps, quiz: Quiz): RoundOptions {
  return {
    ui: deps.ui,
    feedback: quiz.settings.feedback,
    now: () => deps.clock.now(),
    startTimer: deps.startTimer,
    onInterrupt: deps.onInterrupt,
    messages: quiz.messages,
  };
}

/**
 * `--retry-missed`: after the result, the missed questions once more, untimed, scored and
 * stored as their own attempt. It does not change the first score or the exit code.
 */
async function retryMissed(
  quiz: Quiz,
  first: readonly Outcome[],
  firstId: number,
  deps: QuizDeps,
  db: Db,
): Promise<void> {
  const { ui } = deps;
  const m = quiz.messages;
  const missed = missedOutcomes(first).map((o) => o.question);
  if (missed.length === 0) {
    ui.print(`${m.quiz.nothingMissed}\n`);
    return;
  }
  ui.print(`\n${ui.paint.bold(m.quiz.retryIntro(missed.length))}\n`);
  const startedAt = deps.clock.now();
  const round = await runRound(missed, { ...roundOptions(deps, quiz), label: m.quiz.retryRound });
  let outcomes = round.outcomes;
  let interrupted = round.interrupted;
  if (!interrupted && quiz.settings.feedback === 'end') {
    try {
      outcomes = await reviewRejected(outcomes, ui, m);
    } catch (error) {
      if (!(error instanceof QuizInterrupted)) throw error;
      interrupted = true;
    }
  }
  const saved = trySave(
    () =>
      saveAttempt(db, {
        startedAt,
        finishedAt: deps.clock.now(),
        deckIds: quiz.decks.map((d) => d.deck),
        seed: quiz.seed,
        options: { ...storedOptions(quiz.settings), round: 'retry-missed' },
        outcomes,
        timeLimitHit: false,
        interrupted,
        retryOf: firstId,
      }),
    quiz.dbPath,
  );
  if (interrupted) {
    ui.print(interruptedSummary(outcomes, ui, m));
    if (saved.error) throw saved.error;
    throw new ExitError(130);
  }
  ui.print(
    `\n${formatResult({ outcomes, label: m.quiz.retryScore, sectionOrder: quiz.sectionOrder, width: ui.width, messages: m }, ui.paint)}`,
  );
  if (saved.error) throw saved.error;
}

function introduction(quiz: Quiz, ui: QuizUi): string {
  const { settings, messages: m } = quiz;
  const names = quiz.decks
    .filter((d) => quiz.questions.some((q) => q.item.deckId === d.deck))
    .map((d) => neutralizeControls(d.title));
  const text = m.quiz.intro({
    questions: quiz.questions.length,
    decks: names.join(m.nameSeparator),
    feedbackAtEnd: settings.feedback === 'end',
    timeLimit: settings.timeLimitMs === undefined ? undefined : formatClock(settings.timeLimitMs),
    passMark: settings.passMark,
    fewerThan: quiz.questions.length < settings.count ? settings.count : undefined,
  });
  const wrap = (line: string) => wrapText(line, ui.width).join('\n');
  return `${wrap(text)}\n${ui.paint.dim(wrap(m.quiz.introNote))}\n`;
}

function interruptedSummary(outcomes: readonly Outcome[], ui: QuizUi, m: Messages): string {
  const answered = outcomes.filter((o) => o.response).length;
  const right = outcomes.filter((o) => o.correct).length;
  const score = scoreOutcomes(outcomes);
  const ofAnswered = answered > 0 ? Math.floor((right * 100) / answered) : undefined;
  const line = m.quiz.interruptedLine(
    ui.paint.bold(m.quiz.interrupted),
    answered,
    outcomes.length,
    right,
    ofAnswered,
    scoreLine(score, m.quiz.scoreSoFar, m),
  );
  return `\n${line}\n${m.quiz.partialSaved}\n`;
}

/** The choices that shaped the attempt, so later comparisons know what was asked. */
function storedOptions(settings: QuizSettings): Record<string, unknown> {
  return {
    count: settings.count,
    tags: settings.tags,
    sections: settings.sections,
    types: settings.types,
    ...(settings.decks.length > 0 ? { decks: settings.decks } : {}),
    feedback: settings.feedback,
    timeLimitMs: settings.timeLimitMs ?? null,
    passMark: settings.passMark ?? null,
    retryMissed: settings.retryMissed,
    lenient: settings.lenient,
  };
}
