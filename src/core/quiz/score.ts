import type { Outcome } from '../question/model.js';

export interface Score {
  correct: number;
  total: number;
  /** Whole percent, rounded down so a score shown as 80% never fails an 80% pass mark. */
  percent: number;
  overruled: number;
  /** Near misses counted as right by --lenient (or the deck's `lenient: true`). */
  lenient: number;
  unanswered: number;
}

export function scoreOutcomes(outcomes: readonly Outcome[]): Score {
  const correct = outcomes.filter((o) => o.correct).length;
  const total = outcomes.length;
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.floor((correct * 100) / total),
    overruled: outcomes.filter((o) => o.overruled).length,
    lenient: outcomes.filter((o) => o.lenient && !o.overruled).length,
    unanswered: outcomes.filter((o) => !o.response).length,
  };
}

/** Compared exactly (17/20 = 85% passes 85), not through the rounded percent. */
export function passes(score: Score, passMark: number): boolean {
  return score.correct * 100 >= passMark * score.total;
}

export interface SectionRow {
  section: string;
  correct: number;
  total: number;
  percent: number;
}

export const NO_SECTION = '(no section)';

/**
 * One row per section asked, in `order` (the order sections appear in the decks), sections
 * not in `order` after it alphabetically, and items without a section last.
 */
export function sectionTable(outcomes: readonly Outcome[], order: readonly string[] = []): SectionRow[] {
  const rows = new Map<string, SectionRow>();
  for (const o of outcomes) {
    const section = o.question.item.section ?? NO_SECTION;
    const row = rows.get(section) ?? { section, correct: 0, total: 0, percent: 0 };
    row.total++;
    if (o.correct) row.correct++;
    rows.set(section, row);
  }
  const rank = (s: string) => (s === NO_SECTION ? Infinity : order.includes(s) ? order.indexOf(s) : order.length);
  return [...rows.values()]
    .map((r) => ({ ...r, percent: Math.floor((r.correct * 100) / r.total) }))
    .sort((a, b) => rank(a.section) - rank(b.section) || (a.section < b.section ? -1 : a.section > b.section ? 1 : 0));
}

/** The questions to show again after the result, in the order they were asked. */
export function missedOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter((o) => !o.correct);
}
