import stringWidth from 'string-width';

/**
 * Terminal text helpers shared by every screen: control characters neutralised, display
 * width that counts CJK characters as two columns, and wrapping by that width.
 */

// C0 (but newline), DEL, C1, and the bidi embeddings, overrides and isolates (U+202E can
// show "txt.exe" as "exe.txt"): shown as visible escapes, never sent raw.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// The same, and every line break and bidi mark, for text that must stay on one line: a key or
// file name holding "\nother.yaml:1:1  error" would otherwise print a forged diagnostic line.
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * The neutraliser for text read from a file before it reaches a terminal or a CI log: control
 * characters become visible (`^[`, `\u{202e}`). Card text keeps its newlines.
 */
export function neutralizeControls(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** neutralizeControls for text printed on one line (messages, names, ids, table cells): newlines show as `\n` too. */
export function neutralizeLine(text: string): string {
  return text.replace(LINE_CONTROL, escapeControl);
}

function escapeControl(c: string): string {
  const code = c.codePointAt(0)!;
  if (code === 9) return '    ';
  if (code === 10) return '\\n';
  return code < 0x20 ? `^${String.fromCharCode(code + 64)}` : `\\u{${code.toString(16)}}`;
}

// East Asian wide characters (CJK, Hangul, full-width forms, wide emoji): lines may break
// between any two of them (CJK text has no spaces); widths themselves come from string-width.
const WIDE_CODES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
const WIDE_RANGES = WIDE_CODES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('');
// The units wrapping may break between: spaces; a run of narrow non-space characters; one wide
// character. Each takes the opening brackets before it and the closing punctuation after it,
// which must not end or start a line ("（VT-x / AMD-V）" keeps its brackets, "Domain 0，" its comma).
const OPENING = '（「『【《〈';
const CLOSING = '，。、；：！？）」』】》〉”’';
const WRAP_TOKEN = new RegExp(
  `\\s+|[${OPENING}]*[^\\s${WIDE_RANGES}]+[${CLOSING}]*|[${OPENING}]*[${WIDE_RANGES}][${CLOSING}]*`,
  'gu',
);

// Printable ASCII: one column a character, no clusters; most text, and the fast path.
const ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Columns the text occupies in a terminal (ANSI colour codes count zero), by grapheme cluster
 * with string-width: an emoji with a skin tone or a family of four is 2 columns, not 4 or 8,
 * as the hand-written table measured them (issue 12).
 */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  if (text.length > 8) return stringWidth(text);
  // Wrapping measures CJK text one character at a time, and string-width costs about 25 µs a
  // call (a 1 MB Chinese paragraph: 25 s): short strings are remembered, up to a bound, since
  // the text is untrusted.
  let width = shortWidths.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (shortWidths.size < 50_000) shortWidths.set(text, width);
  }
  return width;
}
const shortWidths = new Map<string, number>();

export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wraps plain text (no ANSI codes) to `width` columns: at spaces for Latin text, between any
 * two characters for CJK text, which has no spaces; words longer than a line are split.
 * Every character is measured once: re-measuring the rest of a long word for each line made
 * a 400 KB word take 41 s to print.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const token of paragraph.match(WRAP_TOKEN) ?? []) {
      if (/^\s/.test(token)) {
        if (lineWidth > 0 && lineWidth + 1 <= width) {
          line += ' ';
          lineWidth += 1;
        }
        continue;
      }
      const w = displayWidth(token);
      if (lineWidth + w > width && lineWidth > 0) {
        out.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      }
      if (w <= width) {
        line += token;
        lineWidth += w;
        continue;
      }
      // A word longer than a line (the line is empty here): cut between grapheme clusters, at
      // least one per line; printable ASCII is cut by length, with no segmenting at all.
      if (ASCII.test(token)) {
        let start = 0;
        for (; token.length - start > width; start += width) out.push(token.slice(start, start + width));
        line = token.slice(start);
        lineWidth = line.length;
        continue;
      }
      let start = 0;
      for (const { segment, index } of graphemes.segment(token)) {
        const cw = displayWidth(segment);
        if (lineWidth + cw > width && lineWidth > 0) {
          out.push(token.slice(start, index));
          start = index;
          lineWidth = 0;
        }
        lineWidth += cw;
      }
      line = token.slice(start);
    }
    out.push(line.trimEnd());
  }
  return out;
}
