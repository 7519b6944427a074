import { analyzeAnswer, answerTokens, isNumericKey, keyLength, tokenText, type AnalyzedAnswer } from './answer-text.js';
import { similarity } from './answer-diff.js';

/**
 * The one checker of typed answers, used by `study`, `quiz` and the printed key's wording.
 * Its rules, with examples, are in README ("Typed answers"); tests/core/answer.test.ts holds
 * them as a table.
 */

export { isEnglish } from './answer-text.js';

// Punctuation and symbols around an answer ("VMkernel." or "(Dom0)") are not part of it.
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/**
 * NFKC, case folding, collapsed whitespace, surrounding punctuation trimmed: the loose form
 * deck checks compare choices and questions in. Judging a typed answer goes further: see
 * `checkAnswer`.
 */
export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').replace(EDGE_PUNCTUATION, '');
}

/** What a typed answer is judged against. */
export interface AnswerKey {
  /** The card's own answer: the one shown as the answer. */
  answer: string;
  /** Other answers accepted when typed ("also accepted"). */
  accept: readonly string[];
  /** The deck's language: leading articles are ignored only in English. */
  lang: string;
}

export type Verdict = 'correct' | 'almost' | 'wrong';

export type CheckReason =
  /** Correct: the same as the card's answer once ignored differences are set aside. */
  | 'match'
  /** Correct: the same as one of the `accept` entries. */
  | 'accepted'
  /** Correct: the same items as a list answer, in another order or with other separators. */
  | 'same-items'
  /** Almost: one or two letters off. */
  | 'typo'
  /** Wrong: part of the answer (a prefix, some of a list's items); `missing` says what is not there. */
  | 'partial'
  /** Wrong: nothing but punctuation or spaces. */
  | 'empty'
  /** Wrong: a number other than the answer's. */
  | 'number'
  | 'different';

export interface AnswerCheck {
  verdict: Verdict;
  reason: CheckReason;
  /** The candidate (the answer or an accept entry) the typed text matched or came closest to. */
  closest: string;
  /** For 'typo': how many letters are off. */
  edits?: number;
  /** For 'partial': the parts of the answer not typed, as the deck writes them. */
  missing?: string[];
}

/** Answers this much longer than any candidate are not compared letter by letter (typed text is untrusted). */
const MAX_KEY = 1000;

export function checkAnswer(typed: string, key: AnswerKey): AnswerCheck {
  // Typed text is untrusted: an answer several times longer than every candidate can be none of
  // them (nor a part of one), so a pasted page is turned down before it is read character by character.
  const longest = Math.max(key.answer.length, ...key.accept.map((a) => a.length));
  if (typed.length > Math.max(MAX_KEY, 4 * longest))
    return { verdict: 'wrong', reason: 'different', closest: key.answer };
  const given = analyzeAnswer(typed, key.lang);
  const candidates = [...new Set([key.answer, ...key.accept])].map((text) => ({
    text,
    analyzed: analyzeAnswer(text, key.lang),
  }));
  const own = candidates[0]!;
  if (given.key === '') return { verdict: 'wrong', reason: 'empty', closest: key.answer };
  for (const c of candidates) {
    if (c.analyzed.key === given.key)
      return { verdict: 'correct', reason: c === own ? 'match' : 'accepted', closest: c.text };
  }
  for (const c of candidates) {
    if (listCompare(typed, c.text, key.lang)?.same)
      return { verdict: 'correct', reason: 'same-items', closest: c.text };
  }
  if (given.key.length <= MAX_KEY) {
    let best: { text: string; edits: number } | undefined;
    for (const c of candidates) {
      const edits = nearMiss(given.key, c.analyzed.key);
      if (edits !== undefined && (best === undefined || edits < best.edits)) best = { text: c.text, edits };
    }
    if (best) return { verdict: 'almost', reason: 'typo', closest: best.text, edits: best.edits };
  }
  for (const c of candidates) {
    const missing = listCompare(typed, c.text, key.lang)?.missing ?? partOf(given, c.analyzed);
    if (missing) return { verdict: 'wrong', reason: 'partial', closest: c.text, missing };
  }
  const closest = candidates.reduce((a, b) =>
    similarity(b.analyzed.key, given.key) > similarity(a.analyzed.key, given.key) ? b : a,
  );
  const number = isNumericKey(own.analyzed.key) && isNumericKey(given.key);
  return { verdict: 'wrong', reason: number ? 'number' : 'different', closest: closest.text };
}

/**
 * Edits between two keys when they make a near miss: one edit (a letter added, dropped,
 * changed, or two swapped) in an answer of 6 or more letters and digits, two in one of 12 or
 * more. Never for a number or a short answer, and never an edit that changes a digit or a
 * Chinese character: "2003" is not "2008", and 硬件 (hardware) is not 软件 (software).
 */
export function nearMiss(typedKey: string, expectedKey: string): number | undefined {
  if (isNumericKey(expectedKey)) return undefined;
  const length = keyLength(expectedKey);
  const allowed = length >= 12 ? 2 : length >= 6 ? 1 : 0;
  if (allowed === 0) return undefined;
  const fixed = (key: string) =>
    key.replace(/[^\p{Nd}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, '');
  if (fixed(typedKey) !== fixed(expectedKey)) return undefined;
  const edits = boundedEditDistance([...typedKey], [...expectedKey], allowed);
  return edits !== undefined && edits > 0 ? edits : undefined;
}

/**
 * Optimal string alignment distance (a swap of neighbours is one edit), or undefined when it
 * exceeds `max`. Only a band of width 2·max+1 is computed: O(n·max), whatever the input.
 */
export function boundedEditDistance(a: readonly string[], b: readonly string[], max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  const INF = max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => (j <= max ? j : INF));
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = new Array<number>(b.length + 1).fill(INF);
    if (i <= max) row[0] = i;
    let best = row[0]!;
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = Math.min(d, INF);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return undefined;
    prev2 = prev;
    prev = row;
  }
  const d = prev[b.length]!;
  return d <= max ? d : undefined;
}

/**
 * The typed key is a run of whole words of the answer, but not all of it ("a framework" for
 * "A framework for paravirtualized kernels"): the words around it are missing. Linear in the
 * two keys (answers and typed text are untrusted): the typed key is looked for once in the
 * answer's key, and a place counts where it starts at a word and ends at one.
 */
function partOf(given: AnalyzedAnswer, expected: AnalyzedAnswer): string[] | undefined {
  if (given.key.length >= expected.key.length) return undefined;
  const tokens = answerTokens(expected);
  // Where each character's key begins in expected.key. The key of tokens i..j, with what stands
  // between them (the separator of "1, 2" included: "12" is no part of it), is
  // expected.key.slice(at[tokens[i].start], at[tokens[j].end]).
  const at = [0];
  for (const c of expected.chars) at.push(at.at(-1)! + c.key.length);
  const startsAt = new Map(tokens.map((t, k) => [at[t.start]!, k]));
  const endsAt = new Map(tokens.map((t, k) => [at[t.end]!, k]));
  for (const from of occurrences(given.key, expected.key)) {
    const i = startsAt.get(from);
    const j = endsAt.get(from + given.key.length);
    if (i === undefined || j === undefined) continue;
    const missing: string[] = [];
    if (i > 0) missing.push(tokenText(expected, tokens, 0, i - 1));
    if (j < tokens.length - 1) missing.push(tokenText(expected, tokens, j + 1, tokens.length - 1));
    return missing;
  }
  return undefined;
}

/** Every index where `pattern` (not empty) occurs in `text`, in order, in O(|pattern| + |text|) (Knuth–Morris–Pratt). */
function* occurrences(pattern: string, text: string): Generator<number> {
  const border = new Array<number>(pattern.length).fill(0);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = border[k - 1]!;
    if (pattern[i] === pattern[k]) k++;
    border[i] = k;
  }
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pattern[k]) k = border[k - 1]!;
    if (text[i] === pattern[k]) k++;
    if (k === pattern.length) {
      yield i - k + 1;
      k = border[k - 1]!;
    }
  }
}

// Items of a list answer: commas, semicolons and 、 (not a comma between two digits, as in
// 150,000, but one after an item ending in a digit, as in "Dom0, DomU"), "and", "&" and "+"
// between spaces, and 和 / 与 / 及 / 以及 next to a Latin word or a number (inside Chinese words
// these characters are no conjunction: 总和, 参与).
const LIST_SEPARATOR =
  /(?<!\d)[,，]|[,，](?!\d)|[;；、]|\s(?:and|&|\+)\s|(?<=[A-Za-z0-9]\s?)(?:以及|和|与|及)|(?:以及|和|与|及)(?=\s?[A-Za-z0-9])/giu;

function listItems(text: string, lang: string): { text: string; key: string }[] {
  return text
    .split(LIST_SEPARATOR)
    .map((item) => ({ text: item.trim().replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, ''), key: analyzeAnswer(item, lang).key }))
    .filter((item) => item.key !== '');
}

/**
 * A list answer ("VSC, VMBus and VSP") against a typed list: the same items in any order, or
 * some of them (which is wrong, and says which items are missing).
 */
function listCompare(typed: string, expected: string, lang: string): { same: boolean; missing?: string[] } | undefined {
  const want = listItems(expected, lang);
  if (want.length < 2) return undefined;
  const got = listItems(typed, lang);
  // How many of each item are still to be typed: one look-up an item, however long the lists.
  const left = new Map<string, number>();
  for (const w of want) left.set(w.key, (left.get(w.key) ?? 0) + 1);
  for (const item of got) {
    const count = left.get(item.key) ?? 0;
    if (count === 0) return undefined;
    left.set(item.key, count - 1);
  }
  if (got.length === want.length) return { same: true };
  if (got.length === 0) return undefined;
  // The items not typed, as the deck writes them, in the deck's order.
  const missing: string[] = [];
  for (const w of [...want].reverse()) {
    const count = left.get(w.key) ?? 0;
    if (count > 0) {
      missing.push(w.text);
      left.set(w.key, count - 1);
    }
  }
  return { same: false, missing: missing.reverse() };
}
