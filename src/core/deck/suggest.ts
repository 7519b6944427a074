/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export function suggestWord(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(input.length / 3));
  const lower = input.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a 1 MB key is not compared letter by letter.
    if (Math.abs(input.length - candidate.length) > limit) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

// Long names people write for the short keys of the format: `qestion` is nearer to
// `question` than to any real key, and `question` means `q`.
const KEY_ALIASES: Record<string, string> = {
  question: 'q',
  answer: 'a',
  answers: 'accept',
  accepted: 'accept',
  alternatives: 'accept',
  options: 'choices',
  choice: 'choices',
  explanation: 'why',
  explain: 'why',
  reason: 'why',
  tag: 'tags',
  kind: 'type',
  cloze: 'text',
  name: 'title',
  language: 'lang',
  card: 'cards',
  reversed: 'reverse',
};

// The known keys and the aliases of them, per list of known keys (a card with 100k unknown keys asks 100k times).
const candidatesOf = new WeakMap<readonly string[], string[]>();

export function suggestKey(input: string, known: readonly string[]): string | undefined {
  let candidates = candidatesOf.get(known);
  if (!candidates) {
    const aliases = Object.keys(KEY_ALIASES).filter(
      (alias) => known.includes(KEY_ALIASES[alias]!) && !known.includes(alias),
    );
    candidates = [...known, ...aliases];
    candidatesOf.set(known, candidates);
  }
  const hit = suggestWord(input, candidates);
  return hit === undefined ? undefined : known.includes(hit) ? hit : KEY_ALIASES[hit];
}
