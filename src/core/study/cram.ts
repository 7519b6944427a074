import { STATE_NEW, type CardMemory } from '../schedule/fsrs.js';
import { itemId, type ItemState, type QueueCounts, type QueueEntry, type QueueItem } from '../schedule/queue.js';

/** An item answered Again in a cram session comes back after this many other cards (or last). */
export const CRAM_AGAIN_GAP = 3;

/**
 * The queue of `study --cram`: every matching item now, whatever its schedule, lowest recall
 * first (items never studied count as 0, in deck order). Again puts an item back a few cards
 * later; any other grade ends it for the session. Nothing here changes a schedule.
 */
export class CramQueue<T extends QueueItem> {
  private entries: QueueEntry<T>[];
  private readonly again = new Set<string>();

  constructor(
    items: readonly T[],
    states: ReadonlyMap<string, ReadonlyMap<string, ItemState>>,
    now: number,
    retrievability: (memory: CardMemory, now: number) => number,
  ) {
    const scored = items.map((item, index) => {
      const state = states.get(item.deckId)?.get(item.key) ?? null;
      const r = state && state.memory.state !== STATE_NEW ? retrievability(state.memory, now) : 0;
      return { entry: { id: itemId(item.deckId, item.key), item, state }, r, index };
    });
    scored.sort((a, b) => a.r - b.r || a.index - b.index);
    this.entries = scored.map((s) => s.entry);
  }

  next(): QueueEntry<T> | null {
    return this.entries[0] ?? null;
  }

  /** new: never studied; learning: answered Again in this session; due: the others left. */
  counts(): QueueCounts {
    let fresh = 0;
    let again = 0;
    for (const e of this.entries) {
      if (this.again.has(e.id)) again++;
      else if (e.state === null) fresh++;
    }
    return { new: fresh, learning: again, due: this.entries.length - fresh - again };
  }

  /** Whether the item was waiting after an Again when it was answered (for undo). */
  wasAgain(id: string): boolean {
    return this.again.has(id);
  }

  answered(entry: QueueEntry<T>, again: boolean): void {
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    if (again) {
      this.again.add(entry.id);
      this.entries.splice(Math.min(CRAM_AGAIN_GAP, this.entries.length), 0, entry);
    } else this.again.delete(entry.id);
  }

  /** Takes an answer back: the item is first again, waiting as it was before the answer. */
  undo(entry: QueueEntry<T>, wasAgain: boolean): void {
    this.entries = [entry, ...this.entries.filter((e) => e.id !== entry.id)];
    if (wasAgain) this.again.add(entry.id);
    else this.again.delete(entry.id);
  }
}
