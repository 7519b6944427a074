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
const WIDE_RANGES = '\u{1100}-\u{115f}\u{2e80}-\u{303e}\u{3041}-\u{33ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a000}-\u{a4cf}\u{ac00}-\u{d7a3}\u{f900}-\u{faff}\u{fe30}-\u{fe4f}\u{ff00}-\u{ff60}\u{ffe0}-\u{ffe6}\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}';
const WIDE = new RegExp(`^[${WIDE_RANGES}]$`, 'u');
// Runs of narrow non-space characters, one wide character with any closing punctuation that must
// not start a line, or spaces: the units wrapping may break between.
const WRAP_TOKEN = new RegExp(`\\s+|[${WIDE_RANGES}][，。、；：！？）」』】》〉”’]*|[^\\s${WIDE_RANGES}]+`, 'gu');

function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns one character occupies: 0 for controls, combining marks and zero-width space, 2 for wide ones. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) return 0;
  // Nothing below U+1100 is wide: most text never reaches the regular expression.
  return code >= 0x1100 && isWide(ch) ? 2 : 1;
}

/** Columns the text occupies in a terminal (ANSI colour codes count zero). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += charWidth(ch);
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
      // A word longer than a line: cut between characters, at least one per line.
      for (const ch of token) {
        const cw = charWidth(ch);
        if (lineWidth + cw > width && lineWidth > 0) {
          out.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}
