/**
 * Checking typed answers, shared by `study` and `quiz` so both judge the same way.
 */

// Punctuation and symbols around an answer ("VMkernel." or "(Dom0)") are not part of it.
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/** NFKC, case folding, collapsed whitespace, surrounding punctuation trimmed. */
export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').replace(EDGE_PUNCTUATION, '');
}

export interface AnswerCheck {
  correct: boolean;
  /** The accepted answer closest to what was typed, for showing the difference. */
  closest: string;
}

export function checkTypedAnswer(typed: string, accepted: readonly string[]): AnswerCheck {
  const given = normalizeAnswer(typed);
  const exact = accepted.find((a) => normalizeAnswer(a) === given);
  if (exact !== undefined) return { correct: true, closest: exact };
  let closest = accepted[0] ?? '';
  let best = Infinity;
  for (const candidate of accepted) {
    const d = diffCost(given, normalizeAnswer(candidate));
    if (d < best) [closest, best] = [candidate, d];
  }
  return { correct: false, closest };
}

export type DiffPart = { kind: 'same' | 'missing' | 'extra'; text: string };

/**
 * Character diff between what was typed and what was expected (longest common subsequence),
 * compared case-insensitively: `missing` is in the expected answer only, `extra` was typed only.
 */
export function diffAnswer(typed: string, expected: string): DiffPart[] {
  const a = [...typed];
  const b = [...expected];
  const fold = (c: string) => c.normalize('NFKC').toLowerCase();
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = fold(a[i]!) === fold(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], ch: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += ch;
    else parts.push({ kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (fold(a[i]!) === fold(b[j]!)) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('extra', a[i++]!);
    else push('missing', b[j++]!);
  }
  while (i < a.length) push('extra', a[i++]!);
  while (j < b.length) push('missing', b[j++]!);
  return parts;
}

function diffCost(a: string, b: string): number {
  return diffAnswer(a, b).reduce((n, p) => n + (p.kind === 'same' ? 0 : p.text.length), 0);
}
