import { analyzeAnswer, type AnalyzedAnswer } from './answer-text.js';

/**
 * The character difference between a typed answer and the expected one, for feedback. It is
 * computed on the comparison keys (answer-text.ts) and mapped back to the written characters,
 * so what the checker ignores (case, width, spacing, punctuation, a leading article) is never
 * highlighted; and it is only offered when the two are close, since the difference of two
 * unrelated strings is noise ("a paravifrtualization intmeworface").
 */

/** Closer than this (2·common / total length of the keys) and the difference is worth showing. */
export const DIFF_SIMILARITY = 0.6;
/**
 * Longest key compared letter by letter. The common-subsequence table is n·m cells; typed text
 * is untrusted, so a pasted novel must not cost seconds. Answers are a few words.
 */
export const MAX_DIFF_LENGTH = 300;

export type DiffKind = 'same' | 'ignored' | 'changed';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

export interface AnswerDiff {
  /** The typed text: `changed` is typed but not in the answer. */
  typed: DiffSegment[];
  /** The expected text: `changed` is in the answer but was not typed. */
  expected: DiffSegment[];
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return row[b.length]!;
}

/** 2·(common subsequence) / (sum of lengths), from 0 (nothing shared) to 1; 0 past MAX_DIFF_LENGTH. */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 && y.length === 0) return 1;
  if (x.length > MAX_DIFF_LENGTH || y.length > MAX_DIFF_LENGTH) return 0;
  return (2 * lcsLength(x, y)) / (x.length + y.length);
}

/** The difference to show, or undefined when the answers are not close enough (or too long) for one to help. */
export function diffAnswer(typed: string, expected: string, lang: string): AnswerDiff | undefined {
  // Keys are never longer than the text (but for ß and ligatures, 2–3×), so longer text cannot pass the cap.
  if (typed.length > 3 * MAX_DIFF_LENGTH || expected.length > 3 * MAX_DIFF_LENGTH) return undefined;
  const a = analyzeAnswer(typed, lang);
  const b = analyzeAnswer(expected, lang);
  if (similarity(a.key, b.key) < DIFF_SIMILARITY) return undefined;
  const [ka, kb] = [keyChars(a), keyChars(b)];
  // The common-subsequence table, backwards, so the walk below goes forwards.
  const n = ka.length;
  const m = kb.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = ka[i]!.ch === kb[j]!.ch ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const changedA = new Set<number>();
  const changedB = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i]!.ch === kb[j]!.ch) {
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) changedA.add(ka[i++]!.owner);
    else changedB.add(kb[j++]!.owner);
  }
  return { typed: segments(a, changedA), expected: segments(b, changedB) };
}

/** Each character of the key with the written character it comes from. */
function keyChars(answer: AnalyzedAnswer): { ch: string; owner: number }[] {
  return answer.chars.flatMap((c, owner) => [...c.key].map((ch) => ({ ch, owner })));
}

function segments(answer: AnalyzedAnswer, changed: ReadonlySet<number>): DiffSegment[] {
  const out: DiffSegment[] = [];
  answer.chars.forEach((c, index) => {
    const kind: DiffKind = changed.has(index) ? 'changed' : c.key === '' ? 'ignored' : 'same';
    const last = out.at(-1);
    if (last?.kind === kind) last.text += c.text;
    else out.push({ kind, text: c.text });
  });
  return out;
}
