/**
 * How an answer is read for comparison: every character as written, and what it contributes
 * to the comparison key. One definition serves the verdict (keys equal, edits between keys)
 * and the character diff (which written characters differ), so a difference that is ignored
 * for the verdict can never be highlighted. The rules are listed in README ("Typed answers").
 */

export interface AnswerChar {
  /** The character as written (one code point after NFC). */
  text: string;
  /** What it adds to the key: '' when ignored (case, width, spacing, punctuation, an article). */
  key: string;
  kind: 'word' | 'cjk' | 'space' | 'punct' | 'article';
}

export interface AnalyzedAnswer {
  chars: AnswerChar[];
  /** The comparison key: the `key`s of all characters, joined. */
  key: string;
}

// Chinese, Japanese and Korean characters: each one is a word of its own for partial answers.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const NOT_WORDISH = /[^\p{L}\p{N}\p{M}]/gu;
const DIGIT = /\p{Nd}/u;
// Punctuation that NFKC leaves alone but that has a half-width twin; and the dashes and minus
// sign, which read as "-" before a number.
const PUNCTUATION_TWINS: Readonly<Record<string, string>> = {
  '。': '.',
  '、': ',',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '〔': '(',
  '〕': ')',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '−': '-',
  '–': '-',
  '—': '-',
};
const ARTICLES = new Set(['the', 'a', 'an']);

/** Whether a deck's `lang` is English, where leading articles are ignored. */
export function isEnglish(lang: string): boolean {
  return /^en(?:-|$)/i.test(lang);
}

/** Width (NFKC), case (with ß and final sigma folded) and CJK punctuation twins, for one character. */
function fold(ch: string): string {
  const twin = PUNCTUATION_TWINS[ch];
  if (twin !== undefined) return twin;
  return ch.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}

export function analyzeAnswer(text: string, lang: string): AnalyzedAnswer {
  const chars: AnswerChar[] = [...text.normalize('NFC')].map((ch) => {
    const folded = fold(ch);
    if (folded.trim() === '') return { text: ch, key: '', kind: 'space' };
    if (WORDISH.test(folded))
      return { text: ch, key: folded.replace(NOT_WORDISH, ''), kind: CJK.test(folded) ? 'cjk' : 'word' };
    return { text: ch, key: folded, kind: 'punct' };
  });
  keepMeaningfulPunctuation(chars);
  if (isEnglish(lang)) dropLeadingArticle(chars);
  separateNumbers(chars);
  return { chars, key: chars.map((c) => c.key).join('') };
}

const isWord = (c: AnswerChar | undefined) => c !== undefined && (c.kind === 'word' || c.kind === 'cjk');
const endsWithDigit = (c: AnswerChar | undefined) => c !== undefined && c.key !== '' && DIGIT.test(c.key.at(-1)!);
const startsWithDigit = (c: AnswerChar | undefined) => c !== undefined && c.key !== '' && DIGIT.test(c.key[0]!);

/**
 * Punctuation is ignored, except where it makes a different answer: `+` and `#` ending a word
 * (C++, C#), a decimal point (3.14, 2.6.20), `%` after a number, a minus sign before one.
 */
function keepMeaningfulPunctuation(chars: AnswerChar[]): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.kind !== 'punct') continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    let keep = false;
    if (c.key === '+' || c.key === '#') {
      // The whole run of + and # is judged at once (and walked once: deck text is untrusted).
      let end = i;
      while (end + 1 < chars.length && (chars[end + 1]!.key === '+' || chars[end + 1]!.key === '#')) end++;
      if (!(isWord(prev) && !isWord(chars[end + 1]))) for (let k = i; k <= end; k++) chars[k]!.key = '';
      i = end;
      continue;
    } else if (c.key === '.') keep = endsWithDigit(prev) && startsWithDigit(next);
    else if (c.key === '%') keep = endsWithDigit(prev);
    else if (c.key === '-') keep = startsWithDigit(next) && !isWord(prev);
    if (!keep) c.key = '';
  }
}

/** "the", "a" or "an" followed by a space and more words: "The hypervisor" = "hypervisor". */
function dropLeadingArticle(chars: AnswerChar[]): void {
  let start = 0;
  while (start < chars.length && chars[start]!.key === '') start++;
  let end = start;
  while (end < chars.length && chars[end]!.kind === 'word') end++;
  const word = chars
    .slice(start, end)
    .map((c) => c.key)
    .join('');
  if (!ARTICLES.has(word) || chars[end]?.kind !== 'space') return;
  if (!chars.slice(end).some((c) => c.key !== '')) return;
  for (let i = start; i < end; i++) chars[i] = { ...chars[i]!, key: '', kind: 'article' };
}

/**
 * Spacing is ignored ("Dom 0" = "Dom0", "Linux 内核" = "Linux内核"), but not between two
 * numbers: "1 2" is not "12". There the first ignored character keeps a space in the key. A
 * thousands separator (150,000) is no such gap.
 */
function separateNumbers(chars: AnswerChar[]): void {
  for (let i = 1; i < chars.length; i++) {
    if (chars[i]!.key !== '' || !endsWithDigit(chars[i - 1])) continue;
    let j = i;
    while (j < chars.length && chars[j]!.key === '') j++;
    if (!startsWithDigit(chars[j])) continue;
    const grouping =
      j === i + 1 &&
      chars[i]!.text.normalize('NFKC') === ',' &&
      /^\d{3}(?!\d)/.test(
        chars
          .slice(j, j + 4)
          .map((c) => c.key)
          .join(''),
      );
    if (!grouping) chars[i] = { ...chars[i]!, key: ' ' };
    i = j;
  }
}

/** A run of characters that forms one word of the answer (each CJK character is one). */
export interface AnswerToken {
  start: number;
  end: number;
  key: string;
}

/** The answer's words, for telling which part of an answer is missing. */
export function answerTokens(answer: AnalyzedAnswer): AnswerToken[] {
  const tokens: AnswerToken[] = [];
  let current: AnswerToken | undefined;
  answer.chars.forEach((c, i) => {
    const joins = c.key !== '' && c.key !== ' ' && c.kind !== 'cjk';
    if (c.kind === 'cjk') {
      current = undefined;
      tokens.push({ start: i, end: i + 1, key: c.key });
    } else if (!joins) current = undefined;
    else if (current) {
      current.end = i + 1;
      current.key += c.key;
    } else tokens.push((current = { start: i, end: i + 1, key: c.key }));
  });
  return tokens;
}

/** The written text of tokens [from, to], with what stands between them. */
export function tokenText(answer: AnalyzedAnswer, tokens: readonly AnswerToken[], from: number, to: number): string {
  return answer.chars
    .slice(tokens[from]!.start, tokens[to]!.end)
    .map((c) => c.text)
    .join('');
}

/** Letters and digits in the key: the length the near-miss thresholds count. */
export function keyLength(key: string): number {
  return [...key].filter((ch) => WORDISH.test(ch)).length;
}

/** A key that is a number (digits, a decimal point, a sign, %): never a near miss. */
export function isNumericKey(key: string): boolean {
  return key !== '' && !/\p{L}/u.test(key);
}
