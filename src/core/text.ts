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

// East Asian wide characters (CJK, Hangul, full-width forms, wide emoji): two columns each.
const WIDE_CODES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];
const WIDE_RANGES = WIDE_CODES.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('');
// Runs of narrow non-space characters, one wide character with any closing punctuation that must
// not start a line, or spaces: the units wrapping may break between.
const WRAP_TOKEN = new RegExp(`\\s+|[${WIDE_RANGES}][，。、；：！？）」』】》〉”’]*|[^\\s${WIDE_RANGES}]+`, 'gu');

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns one code point occupies: 0 for controls, combining marks and zero-width space, 2 for wide ones. */
function codeWidth(code: number): number {
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) return 0;
  if (code < 0x1100) return 1;
  for (const [from, to] of WIDE_CODES) {
    if (code < from) return 1;
    if (code <= to) return 2;
  }
  return 1;
}

/** Columns the text occupies in a terminal (ANSI colour codes count zero). */
export function displayWidth(text: string): number {
  const plain = text.replace(ANSI, '');
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += codeWidth(code);
  }
  return width;
}

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
      // A word longer than a line (the line is empty here): cut between characters, at least one per line.
      let start = 0;
      for (let i = 0; i < token.length; i++) {
        const code = token.codePointAt(i)!;
        const cw = codeWidth(code);
        if (lineWidth + cw > width && lineWidth > 0) {
          out.push(token.slice(start, i));
          start = i;
          lineWidth = 0;
        }
        lineWidth += cw;
        if (code > 0xffff) i++;
      }
      line = token.slice(start);
    }
    out.push(line.trimEnd());
  }
  return out;
}
