import { createRng, shuffle, type Rng } from './random.js';
import { ENGLISH, type Messages } from './messages/index.js';

/**
 * Order cards (`type: order`): the one model of shuffling, reading and checking an order that
 * `study`, `quiz` and `print` share. Steps are shown shuffled and numbered (lettered on paper);
 * the person gives the numbers of the shown steps in the right order (`3142`).
 */

/**
 * The shown order, as indexes into the card's steps (shown step i is `steps[order[i]]`). Never
 * the right order itself, which would give the answer away: a shuffle that lands on it is
 * rotated by one, which keeps the result a function of the seed.
 */
export function shuffleStepOrder(count: number, rng: Rng): number[] {
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    rng,
  );
  return count > 1 && order.every((step, i) => step === i) ? [...order.slice(1), order[0]!] : order;
}

/** The steps shuffled by a seed string: the same seed and card always show the same order. */
export function shuffleSteps(steps: readonly string[], seed: string): ShownSteps {
  const order = shuffleStepOrder(steps.length, createRng(seed));
  return { shown: order.map((i) => steps[i]!), order };
}

export interface ShownSteps {
  /** The steps as shown, numbered 1, 2, 3... */
  shown: string[];
  /** For each shown step, its index in the right order. */
  order: number[];
}

// Separators between numbers: spaces, commas, semicolons, 、 and arrows (NFKC has made full-width ones ASCII).
const SEPARATORS = /[\s,;、>→-]+/gu;

/**
 * What was typed as an order of `count` shown steps: `3142`, `3 1 4 2`, `3,1,4,2`, `３１４２`.
 * Every number from 1 to `count` exactly once; otherwise one sentence saying what is wrong.
 */
export function parseOrderInput(
  text: string,
  count: number,
  m: Messages = ENGLISH,
): { value: number[] } | { error: string } {
  const say = m.study;
  const cleaned = text.normalize('NFKC').trim();
  if (cleaned === '') return { error: say.orderEmpty(count, orderExample(count)) };
  // One digit per step (9 steps at most), so `3142`, `3 1 4 2` and `31 42` are the same order.
  if (cleaned.replace(SEPARATORS, '').replace(/\d/g, '') !== '')
    return { error: say.orderDigitsOnly(count, orderExample(count)) };
  const numbers = [...cleaned.replace(SEPARATORS, '')];
  const values = numbers.map(Number);
  const outside = values.find((n) => n < 1 || n > count);
  if (outside !== undefined) return { error: say.orderNoStep(outside, count) };
  const repeated = values.find((n, i) => values.indexOf(n) !== i);
  if (repeated !== undefined) return { error: say.orderTwice(repeated) };
  if (values.length !== count) return { error: say.orderAll(count, values.length, orderExample(count)) };
  return { value: values.map((n) => n - 1) };
}

/** `2143`-style example for the hints: never the identity, which reads as "type 1234". */
export function orderExample(count: number): string {
  return Array.from({ length: count }, (_, i) => String(i % 2 === 0 ? Math.min(i + 2, count) : i)).join('');
}

export type OrderVerdict = 'correct' | 'almost' | 'wrong';

export interface OrderCheck {
  verdict: OrderVerdict;
  /** The steps' indexes in the right order, as the person put them. */
  given: number[];
  /** Positions (0-based) where the person's step is not the right one. */
  wrong: number[];
}

/**
 * `picked` holds shown numbers (0-based) in the order the person gave them. Right: every step in
 * its place. Almost: two neighbours swapped, the only mistake (a slip, graded Hard in study).
 */
export function checkOrder(picked: readonly number[], shown: ShownSteps): OrderCheck {
  const given = picked.map((i) => shown.order[i]!);
  const wrong = given.flatMap((step, position) => (step === position ? [] : [position]));
  const swap = wrong.length === 2 && wrong[1] === wrong[0]! + 1;
  return { verdict: wrong.length === 0 ? 'correct' : swap ? 'almost' : 'wrong', given, wrong };
}

/** One line per position of the right order, marked ✓ or ✗ with what the person put there. */
export interface OrderDiffLine {
  position: number;
  step: string;
  ok: boolean;
  /** The step the person put in this place, when it is another. */
  given?: string;
}

export function orderDiff(steps: readonly string[], check: OrderCheck): OrderDiffLine[] {
  return steps.map((step, position) => {
    const ok = check.given[position] === position;
    return ok ? { position, step, ok } : { position, step, ok, given: steps[check.given[position]!] };
  });
}

/** The right order as one line: `BIOS → hypervisor → parent partition`. */
export function stepsText(steps: readonly string[]): string {
  return steps.join(' → ');
}
