import { DAY, toStudyTime, type DayRule } from '../schedule/day.js';
import type { GradeValue } from '../schedule/fsrs.js';

/**
 * A review log turned into what FSRS learns from: per item, its answers in order with the
 * study days elapsed since the previous one (0 for the first, and for answers the same study
 * day). The optimiser's `delta_t` is counted in whole days between day boundaries at the
 * learner's day start, as Anki and the scheduler (`studyDaysBetween`) count them.
 */
/** One item's answers, oldest first, as the review log holds them. */
export interface ItemLog {
  deckId: string;
  ratings: GradeValue[];
  /** Epoch milliseconds of each answer. */
  times: number[];
}

export interface CardHistory extends ItemLog {
  /** Study days since the previous answer (0 for the first); never negative. */
  deltaDays: number[];
}

/**
 * Adds the study days between answers. An answer dated before the one before it (the clock was
 * set back) counts as the same study day, as the scheduler counts it.
 */
export function buildHistories(items: readonly ItemLog[], day: DayRule): CardHistory[] {
  return items.map((item) => {
    const deltaDays = new Array<number>(item.times.length);
    let previous = 0;
    for (let i = 0; i < item.times.length; i++) {
      const studyDay = Math.floor(toStudyTime(item.times[i]!, day) / DAY);
      deltaDays[i] = i === 0 ? 0 : Math.max(studyDay - previous, 0);
      previous = studyDay;
    }
    return { ...item, deltaDays };
  });
}

/**
 * The moment that splits the log into earlier reviews (to fit on) and later ones (to test on):
 * `testShare` of the reviews that FSRS predicts (those a study day or more after the previous
 * answer) come at or after it. `undefined` when there are too few to test on.
 */
export function splitTime(cards: readonly CardHistory[], testShare = 0.2, minimumTest = 20): number | undefined {
  const times: number[] = [];
  for (const card of cards) for (let i = 1; i < card.times.length; i++) if (card.deltaDays[i]! > 0) times.push(card.times[i]!);
  const test = Math.floor(times.length * testShare);
  if (test < minimumTest) return undefined;
  times.sort((a, b) => a - b);
  return times[times.length - test];
}
