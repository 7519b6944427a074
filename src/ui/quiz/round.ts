import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { canOverrule, gradeResponse, overrule } from '../../core/question/grade.js';
import type { Outcome, Question } from '../../core/question/model.js';
import { formatFeedback, formatQuestion } from '../../core/quiz/screen.js';
import type { Feedback } from '../../core/quiz/settings.js';
import { QuizInterrupted, QuizTimedOut, type StopReason } from './prompts.js';
import type { QuizUi } from './terminal.js';

export interface RoundOptions {
  ui: QuizUi;
  feedback: Feedback;
  timeLimitMs?: number;
  now: () => number;
  /** Starts the time limit; returns a function that cancels it. */
  startTimer?: (ms: number, onExpire: () => void) => () => void;
  /** Calls `handler` on SIGINT while no prompt holds the terminal; returns a function that stops listening. */
  onInterrupt?: (handler: () => void) => () => void;
  /** "Retry" for the --retry-missed round. */
  label?: string;
  /** The screen's words; English when not given. */
  messages?: Messages;
}

export interface RoundResult {
  /** One per question, in order; those not reached are unanswered (and wrong). */
  outcomes: Outcome[];
  timedOut: boolean;
  interrupted: boolean;
}

const defaultTimer = (ms: number, onExpire: () => void) => {
  const timer = setTimeout(onExpire, ms);
  return () => clearTimeout(timer);
};

const defaultInterrupt = (handler: () => void) => {
  process.on('SIGINT', handler);
  return () => void process.off('SIGINT', handler);
};

/** Asks `questions` in order until the last one, the time limit, or Ctrl-C. */
export async function runRound(questions: readonly Question[], options: RoundOptions): Promise<RoundResult> {
  const { ui, now } = options;
  const controller = new AbortController();
  const started = now();
  const stop = (reason: StopReason) => controller.abort(reason);
  const stopTimer =
    options.timeLimitMs === undefined
      ? () => {}
      : (options.startTimer ?? defaultTimer)(options.timeLimitMs, () => stop('time'));
  const stopListening = (options.onInterrupt ?? defaultInterrupt)(() => stop('interrupt'));
  const outcomes: Outcome[] = [];
  let ended: StopReason | undefined;
  try {
    for (const [index, question] of questions.entries()) {
      if (controller.signal.aborted) {
        ended = controller.signal.reason as StopReason;
        break;
      }
      const remainingMs = options.timeLimitMs === undefined ? undefined : options.timeLimitMs - (now() - started);
      const header = { number: index + 1, total: questions.length, remainingMs, round: options.label };
      ui.print(`\n${formatQuestion(question, header, ui.width, ui.paint, options.messages).join('\n')}\n`);
      const deadline = options.timeLimitMs === undefined ? undefined : started + options.timeLimitMs;
      const outcome = gradeResponse(question, await ui.ask(question, controller.signal, deadline));
      // Recorded before any overrule prompt, so running out of time there keeps the answer.
      outcomes.push(outcome);
      if (options.feedback === 'immediate')
        await showFeedback(outcomes, ui, controller.signal, options.messages ?? ENGLISH);
    }
  } catch (error) {
    if (error instanceof QuizTimedOut) ended = 'time';
    else if (error instanceof QuizInterrupted) ended = 'interrupt';
    else throw error;
  } finally {
    stopTimer();
    stopListening();
  }
  for (const question of questions.slice(outcomes.length)) outcomes.push(gradeResponse(question, undefined));
  return { outcomes, timedOut: ended === 'time', interrupted: ended === 'interrupt' };
}

async function showFeedback(outcomes: Outcome[], ui: QuizUi, signal: AbortSignal, m: Messages): Promise<void> {
  const last = outcomes.length - 1;
  const outcome = outcomes[last]!;
  ui.print(`${formatFeedback(outcome, ui.width, ui.paint, m).join('\n')}\n`);
  if (canOverrule(outcome) && (await ui.offerOverrule(signal))) {
    outcomes[last] = overrule(outcome);
    ui.print(`${ui.paint.ok(m.quiz.countedRight)}\n`);
  }
}

/**
 * With `--feedback end`, the rejected typed answers are shown after the last question with
 * the difference, each with the chance to say "I was right". Not timed: the answers are in.
 */
export async function reviewRejected(
  outcomes: readonly Outcome[],
  ui: QuizUi,
  m: Messages = ENGLISH,
): Promise<Outcome[]> {
  const result = outcomes.slice();
  const rejected = result.flatMap((o, i) => (canOverrule(o) ? [i] : []));
  if (rejected.length === 0) return result;
  ui.print(`\n${ui.paint.bold(m.quiz.rejected(rejected.length))}\n`);
  for (const i of rejected) {
    const outcome = result[i]!;
    const header = formatQuestion(outcome.question, { number: i + 1, total: result.length }, ui.width, ui.paint, m);
    ui.print(`\n${[...header, ...formatFeedback(outcome, ui.width, ui.paint, m)].join('\n')}\n`);
    if (await ui.confirmOverrule()) result[i] = overrule(outcome);
  }
  return result;
}
