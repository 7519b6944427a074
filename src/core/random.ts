/**
 * A small seeded PRNG so that shuffles repeat exactly for the same seed: the core never calls
 * Math.random(); the io layer picks a seed and passes it in. sfc32 seeded from a cyrb128 hash
 * of the seed string (both public domain, from bryc/code "PRNGs.md"): fast, 128 bits of state,
 * and identical on every platform because it uses only 32-bit integer arithmetic.
 */

/** Returns a float in [0, 1), like Math.random(). */
export type Rng = () => number;

/** Four 32-bit words hashed from `text`, used as the generator's initial state. */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator seeded from any string (a seed, or a seed plus a purpose such as "A:order"). */
export function createRng(seed: string): Rng {
  let [a, b, c, d] = hashSeed(seed);
  const next: Rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still correlate with the seed words; discard them.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** An integer in [0, max). */
export function randomInt(rng: Rng, max: number): number {
  return Math.floor(rng() * max);
}

/** A shuffled copy (Fisher–Yates); the input is left as it was. */
export function shuffle<T>(array: readonly T[], rng: Rng): T[] {
  const out = array.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    // A temporary, not [a, b] = [b, a]: destructuring goes through the iterator protocol until
    // V8 optimizes the loop, which made shuffling 10k questions take 30 ms instead of 1.
    const swap = out[i]!;
    out[i] = out[j]!;
    out[j] = swap;
  }
  return out;
}

/** One element chosen at random; throws on an empty array, which is always a caller's bug. */
export function pick<T>(array: readonly T[], rng: Rng): T {
  if (array.length === 0) throw new RangeError('pick() from an empty array');
  return array[randomInt(rng, array.length)]!;
}

/**
 * `n` distinct elements chosen at random, kept in their original order (so a filtered deck
 * stays in deck order until it is shuffled on purpose). `n` at or above the length keeps all.
 */
export function sample<T>(array: readonly T[], n: number, rng: Rng): T[] {
  if (n >= array.length) return array.slice();
  const chosen = shuffle(
    array.map((_, i) => i),
    rng,
  )
    .slice(0, Math.max(0, n))
    .sort((x, y) => x - y);
  return chosen.map((i) => array[i]!);
}
