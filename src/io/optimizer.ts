import type { StudyLog } from '../core/optimize/history.js';

/**
 * The Rust FSRS optimiser (fsrs-rs through `@open-spaced-repetition/binding`, a prebuilt
 * native addon per platform). An optional dependency loaded only by `quizdeck optimize`: no
 * other command pays for it, and an install where it is missing still studies.
 */
export type OptimizerBinding = typeof import('@open-spaced-repetition/binding');
export type LoadBinding = () => Promise<OptimizerBinding>;

// In a variable, so tsup leaves the import to Node at run time: the package finds its native
// addon (a separate npm package per platform) by require() relative to its own files.
const BINDING = '@open-spaced-repetition/binding';

export const loadBindingModule: LoadBinding = () => import(BINDING) as Promise<OptimizerBinding>;

/** The binding, or OptimizerUnavailable: one sentence naming the platform and what to do. */
export async function loadOptimizer(load: LoadBinding = loadBindingModule): Promise<OptimizerBinding> {
  // Without its native addon the package falls back to a WASI build, and Node warns that WASI
  // is experimental even when that fails too: the sentence below is all the person needs.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(typeof warning === 'string' ? warning : warning?.message).includes('WASI'))
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const binding = await load();
    if (typeof binding.computeParameters !== 'function') throw new Error('it has no computeParameters');
    return binding;
  } catch (error) {
    // The first sentence: the package's message goes on about an npm bug and lock files.
    const reason = ((error as Error)?.message ?? String(error)).split(/\.\s|\n/)[0]!.replace(/\.$/, '');
    throw new OptimizerUnavailable(
      `the FSRS optimiser (${BINDING}) cannot be loaded on ${process.platform}-${process.arch} with Node ${process.versions.node} (${reason}); reinstall quizdeck with its optional dependencies (npm install --include=optional) — study keeps working with FSRS's default parameters`,
    );
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** The optimiser's native binding cannot be loaded here: a fact; `optimize` refuses with exit 2. */
export class OptimizerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptimizerUnavailable';
  }
}

// fsrs-rs trains only on items of at most 64 reviews (TrainingConfig.max_seq_len) and drops
// longer ones after they have crossed into Rust; not building them saves their conversion.
const MAX_SEQUENCE = 64;

export type TrainingItem = InstanceType<OptimizerBinding['FSRSBindingItem']>;

type BindingReview = InstanceType<OptimizerBinding['FSRSBindingReview']>;

/**
 * Builds the binding's training items, for one fit group after another (`forGroup`).
 *
 * Each native object costs 2–5 µs to build (napi-rs wraps it for the garbage collector, and
 * reads every review of the item's array across the boundary), as much as fsrs-rs spends
 * training on it; so equal objects are built once and shared: a review is one object per
 * (rating, days) pair, and an item one object per distinct sequence of reviews (items begin
 * alike: the same first grades the same days apart; on bench/optimize.bench.mjs's log half
 * are repeats), across groups too (the decks fitted together hold the items fitted per deck).
 * fsrs-rs copies each item out of the array, so an object given twice trains exactly as two
 * equal ones would.
 */
export interface TrainingItems {
  /**
   * The items for the reviews of the log's items `cards` made before `before`: one per review
   * that FSRS predicts (a study day or more after the previous answer, as fsrs-rs's own Anki
   * converter keeps them), holding the item's answers up to it with `delta_t` in study days.
   */
  forGroup(log: StudyLog, cards: ArrayLike<number>, before: number): TrainingItem[];
  /**
   * The same items, built a few thousand items at a time with a turn of the event loop between:
   * while a fit runs on the binding's threads, its end is then seen within milliseconds (and
   * the next fit starts) instead of after the whole conversion.
   */
  forGroupInSteps(log: StudyLog, cards: Uint32Array, before: number, step?: number): Promise<TrainingItem[]>;
}

/** Items converted between two turns of the event loop (about 10 ms of work). */
const STEP = 2048;

export function trainingItems(binding: OptimizerBinding): TrainingItems {
  const reviewObjects: BindingReview[] = [];
  const reviewIds = new Map<number, number>();
  // Sequences of reviews form a trie: node 0 is the empty sequence, and a child is found by
  // (parent node, review id) in an open-addressing table (a Map keyed by numbers cost
  // ~0.3 s over 500k reviews, as much as the rest of the conversion in JavaScript).
  const trie = new SequenceTrie();
  const itemAt: (TrainingItem | undefined)[] = [];
  const history: BindingReview[] = [];
  const convert = (log: StudyLog, cards: ArrayLike<number>, before: number, items: TrainingItem[]): void => {
    for (let k = 0; k < cards.length; k++) {
      const first = log.cardStart[cards[k]!]!;
      const end = Math.min(log.cardStart[cards[k]! + 1]!, first + MAX_SEQUENCE);
      history.length = 0;
      let node = 0;
      for (let i = first; i < end && log.times[i]! < before; i++) {
        const rating = log.ratings[i]!;
        const days = log.deltaDays[i]!;
        const pair = days * 4 + rating;
        let id = reviewIds.get(pair);
        if (id === undefined) {
          reviewIds.set(pair, (id = reviewObjects.length));
          reviewObjects.push(new binding.FSRSBindingReview(rating, days));
        }
        history.push(reviewObjects[id]!);
        node = trie.child(node, id);
        // The constructor copies the reviews into Rust; the array is reused.
        if (i > first && days > 0) items.push((itemAt[node] ??= new binding.FSRSBindingItem(history)));
      }
    }
  };
  return {
    forGroup(log, cards, before) {
      const items: TrainingItem[] = [];
      convert(log, cards, before, items);
      return items;
    },
    async forGroupInSteps(log, cards, before, step = STEP) {
      const items: TrainingItem[] = [];
      for (let from = 0; from < cards.length; from += step) {
        if (from > 0) await new Promise((resolve) => setImmediate(resolve));
        convert(log, cards.subarray(from, from + step), before, items);
      }
      return items;
    },
  };
}

/** Child nodes by (parent, label), numbered from 1 in order of creation; 0 is the root. */
class SequenceTrie {
  private parents = new Int32Array(1 << 16).fill(-1);
  private labels = new Int32Array(1 << 16);
  private children = new Int32Array(1 << 16);
  private size = 0;

  child(parent: number, label: number): number {
    const mask = this.parents.length - 1;
    let slot = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(label, 0x85ebca6b)) & mask;
    for (;;) {
      const p = this.parents[slot]!;
      if (p === -1) break;
      if (p === parent && this.labels[slot] === label) return this.children[slot]!;
      slot = (slot + 1) & mask;
    }
    this.parents[slot] = parent;
    this.labels[slot] = label;
    this.children[slot] = ++this.size;
    if (this.size * 2 > this.parents.length) this.grow();
    return this.size;
  }

  private grow(): void {
    const { parents, labels, children } = this;
    this.parents = new Int32Array(parents.length * 2).fill(-1);
    this.labels = new Int32Array(parents.length * 2);
    this.children = new Int32Array(parents.length * 2);
    const mask = this.parents.length - 1;
    for (let old = 0; old < parents.length; old++) {
      if (parents[old] === -1) continue;
      let slot = (Math.imul(parents[old]!, 0x9e3779b1) ^ Math.imul(labels[old]!, 0x85ebca6b)) & mask;
      while (this.parents[slot] !== -1) slot = (slot + 1) & mask;
      this.parents[slot] = parents[old]!;
      this.labels[slot] = labels[old]!;
      this.children[slot] = children[old]!;
    }
  }
}

/** FSRS-6 parameters fitted to `items` by fsrs-rs (21 numbers). */
export async function fitParameters(
  binding: OptimizerBinding,
  items: TrainingItem[],
): Promise<{ weights: number[]; items: number }> {
  // One relearning step (10 minutes) and short-term stability on, as the scheduler has them.
  const weights = await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  return { weights, items: items.length };
}
