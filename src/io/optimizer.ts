import type { CardHistory } from '../core/optimize/history.js';
import { UsageError } from '../errors.js';

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

/** The binding, or a one-sentence UsageError naming the platform and what to do. */
export async function loadOptimizer(load: LoadBinding = loadBindingModule): Promise<OptimizerBinding> {
  // Without its native addon the package falls back to a WASI build, and Node warns that WASI
  // is experimental even when that fails too: the sentence below is all the person needs.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(typeof warning === 'string' ? warning : warning?.message).includes('WASI')) (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const binding = await load();
    if (typeof binding.computeParameters !== 'function') throw new Error('it has no computeParameters');
    return binding;
  } catch (error) {
    // The first sentence: the package's message goes on about an npm bug and lock files.
    const reason = ((error as Error)?.message ?? String(error)).split(/\.\s|\n/)[0]!.replace(/\.$/, '');
    throw new UsageError(
      `the FSRS optimiser (${BINDING}) cannot be loaded on ${process.platform}-${process.arch} with Node ${process.versions.node} (${reason}); reinstall quizdeck with its optional dependencies (npm install --include=optional) — study keeps working with FSRS's default parameters`,
    );
  } finally {
    process.emitWarning = emitWarning;
  }
}

// fsrs-rs trains only on items of at most 64 reviews (TrainingConfig.max_seq_len) and drops
// longer ones after they have crossed into Rust; not building them saves their conversion.
const MAX_SEQUENCE = 64;

export type TrainingItem = InstanceType<OptimizerBinding['FSRSBindingItem']>;

/**
 * The binding's items for the reviews made before `before`: one per review that FSRS predicts
 * (a study day or more after the previous answer, as fsrs-rs's own Anki converter keeps them),
 * holding the item's answers up to it with `delta_t` in study days.
 */
export function trainingItems(binding: OptimizerBinding, cards: readonly CardHistory[], before: number): TrainingItem[] {
  // A review is a rating and a day count, copied into Rust when an item is built: one object
  // per distinct pair instead of one per answer (500k native objects cost seconds of GC).
  const shared = new Map<number, InstanceType<OptimizerBinding['FSRSBindingReview']>>();
  const review = (rating: number, days: number) => {
    const key = days * 4 + rating;
    let r = shared.get(key);
    if (!r) shared.set(key, (r = new binding.FSRSBindingReview(rating, days)));
    return r;
  };
  const items: TrainingItem[] = [];
  for (const card of cards) {
    const reviews = [];
    const last = Math.min(card.ratings.length, MAX_SEQUENCE);
    for (let i = 0; i < last; i++) {
      if (card.times[i]! >= before) break;
      reviews.push(review(card.ratings[i]!, card.deltaDays[i]!));
      if (i > 0 && card.deltaDays[i]! > 0) items.push(new binding.FSRSBindingItem(reviews.slice()));
    }
  }
  return items;
}

/** FSRS-6 parameters fitted to `items` by fsrs-rs (21 numbers). */
export async function fitParameters(binding: OptimizerBinding, items: TrainingItem[]): Promise<{ weights: number[]; items: number }> {
  // One relearning step (10 minutes) and short-term stability on, as the scheduler has them.
  const weights = await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1 });
  return { weights, items: items.length };
}
