import { formatInterval } from './day.js';
import { GRADES, newMemory, type GradeValue, type Scheduler } from './fsrs.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import type { ItemState, QueueEntry, QueueItem } from './queue.js';

/** Lapses after which a card is a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;

export interface GradeOutcome {
  before: ItemState | null;
  after: ItemState;
  /** True the moment the card crosses the leech threshold, to tell the person once. */
  becameLeech: boolean;
}

export const seedKeyOf = (item: QueueItem) => `${item.deckId}/${item.key}`;

export function gradeEntry(
  scheduler: Scheduler,
  entry: QueueEntry<QueueItem>,
  grade: GradeValue,
  now: number,
): GradeOutcome {
  const memory = scheduler.answer(entry.state?.memory ?? newMemory(now), seedKeyOf(entry.item), now, grade);
  const wasLeech = entry.state?.leech ?? false;
  const leech = wasLeech || memory.lapses >= LEECH_LAPSES;
  return { before: entry.state, after: { memory, leech }, becameLeech: leech && !wasLeech };
}

export interface GradeOption {
  grade: GradeValue;
  name: string;
  /** "3d": how long until the card comes back with this grade. */
  interval: string;
}

/** The grades with the interval each would give, named in the screen's language. */
export function gradeOptions(
  scheduler: Scheduler,
  entry: QueueEntry<QueueItem>,
  now: number,
  m: Messages = ENGLISH,
): GradeOption[] {
  const preview = scheduler.preview(entry.state?.memory ?? newMemory(now), seedKeyOf(entry.item), now);
  return GRADES.map((grade) => ({
    grade,
    name: m.study.grades[grade - 1]!,
    interval: formatInterval(preview[grade].due - now, m.intervals),
  }));
}
