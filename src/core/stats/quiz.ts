import type { MissedQuestion, QuizHistory, QuizSection } from './model.js';

/**
 * Quiz history per section from `quiz_attempts`/`quiz_answers`: complete first-round attempts
 * only (interrupted attempts and --retry-missed rounds would make progress look worse or
 * better than it is, as in the quiz's own "previous attempts").
 */

/** Per attempt and section: attempt id, started_at, deck id, section, questions asked, right. */
export type SectionRow = [
  attempt: number,
  startedAt: number,
  deck: string,
  section: string | null,
  asked: number,
  correct: number,
];
/** Per question: deck id, card_key, section, times missed, times asked. */
export type MissedRow = [deck: string, key: string, section: string | null, missed: number, asked: number];

export const LAST_SCORES = 5;
export const MISSED_SHOWN = 10;

/** Rows must come oldest attempt first. `question` gives a card key's question (null if gone). */
export function quizHistory(
  sections: readonly SectionRow[],
  missed: readonly MissedRow[],
  question: (deck: string, key: string) => string | null,
): QuizHistory {
  const bySection = new Map<
    string,
    { deck: string; section: string | null; scores: { at: number; correct: number; total: number }[] }
  >();
  const attempts = new Set<number>();
  for (const [attempt, at, deck, section, asked, correct] of sections) {
    attempts.add(attempt);
    const id = `${deck}\0${section ?? ''}`;
    let entry = bySection.get(id);
    if (!entry) bySection.set(id, (entry = { deck, section, scores: [] }));
    entry.scores.push({ at, correct, total: asked });
  }
  const result: QuizSection[] = [...bySection.values()]
    .map(({ deck, section, scores }) => {
      const percents = scores.map((s) => percent(s.correct, s.total));
      // The last five against the five before them (one quiz is too noisy a sign); with fewer,
      // the latest against the ones before it.
      const many = percents.length > LAST_SCORES;
      const recent = many ? percents.slice(-LAST_SCORES) : percents.slice(-1);
      const before = many ? percents.slice(-2 * LAST_SCORES, -LAST_SCORES) : percents.slice(0, -1);
      const trend = percents.length < 2 ? null : Math.round(mean(recent) - mean(before));
      const last = scores.slice(-LAST_SCORES).map((s) => ({
        at: new Date(s.at).toISOString(),
        correct: s.correct,
        total: s.total,
        percent: percent(s.correct, s.total),
      }));
      return { deck, section, attempts: scores.length, last, trend };
    })
    .sort((a, b) => (a.deck < b.deck ? -1 : a.deck > b.deck ? 1 : (a.section ?? '') < (b.section ?? '') ? -1 : 1));
  const top: MissedQuestion[] = missed
    .filter((m) => m[3] > 0)
    .slice(0, MISSED_SHOWN)
    .map(([deck, key, section, misses, asked]) => ({
      deck,
      key,
      section,
      question: question(deck, key),
      missed: misses,
      asked,
    }));
  return { attempts: attempts.size, sections: result, missed: top };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * correct) / total);
}
