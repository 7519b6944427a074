/*
 * A reader for the plainest card layout, one `key: value` per line:
 *
 *   - id: card-1
 *     q: What is a hypervisor?
 *     tags: [basics, intro]
 *     answer: true
 *
 * yaml builds a syntax tree and a node per value before the value itself; on a cold start that
 * costs several times what this does, and most cards of a deck look like the above. Anything
 * outside that layout (block scalars, nested lists, numbers, escapes, comments after a value,
 * quotes that need care) returns undefined and the card is read by yaml as before. What this
 * reader accepts, yaml reads the same way and without any error or warning (see
 * tests/deck/plain-card.test.ts, which checks both on every form below).
 */

const SPACE = 32;
const DASH = 45;
const HASH = 35;
// A key yaml would resolve to something other than itself (null, a boolean), or that JS objects treat specially.
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,63}):(?: +|$)/;
// Line breaks other than "\n", controls, no-break and zero-width spaces, BOMs: all left to yaml.
const UNUSUAL = /[\u0000-\u001F\u007F-\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/;
// Indicators that make a plain scalar something else, and anything that may resolve to a number.
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9]/;
const FLOW_UNSAFE = /[[\]{}"'#:]/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const NOT_READ = Symbol('not read');

/** The card in source[start, end) (one list item, "- " at its first line), or undefined if it is not in the plain layout. */
export function readPlainCard(source: string, start: number, end: number): Record<string, unknown> | undefined {
  const card: Record<string, unknown> = {};
  let keyIndent = -1;
  let pos = start;
  while (pos < end) {
    let eol = source.indexOf('\n', pos);
    if (eol === -1 || eol > end) eol = end;
    const lineStart = pos;
    pos = eol + 1;
    let i = lineStart;
    while (i < eol && source.charCodeAt(i) === SPACE) i++;
    if (i === eol || source.charCodeAt(i) === HASH) continue;
    if (keyIndent === -1) {
      if (source.charCodeAt(i) !== DASH || source.charCodeAt(i + 1) !== SPACE) return undefined;
      i += 1;
      while (i < eol && source.charCodeAt(i) === SPACE) i++;
      keyIndent = i - lineStart;
    } else if (i - lineStart !== keyIndent) return undefined;
    const line = source.slice(i, eol);
    const match = KEY.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (SPECIAL_KEYS.has(key) || Object.prototype.hasOwnProperty.call(card, key)) return undefined;
    const value = readValue(line.slice(match[0].length));
    if (value === NOT_READ) return undefined;
    card[key] = value;
  }
  return keyIndent === -1 ? undefined : card;
}

function readValue(raw: string): unknown {
  let n = raw.length;
  while (n > 0 && raw.charCodeAt(n - 1) === SPACE) n--;
  const text = raw.slice(0, n);
  if (text === '') return null;
  if (UNUSUAL.test(text)) return NOT_READ;
  const first = text[0];
  if (first === '[') return readFlowList(text);
  if (first === '"' || first === "'") {
    // One quoted string with nothing to unescape and nothing after it.
    const close = text.indexOf(first, 1);
    if (close !== text.length - 1 || (first === '"' && text.includes('\\'))) return NOT_READ;
    return text.slice(1, -1);
  }
  return readPlain(text);
}

function readPlain(text: string): unknown {
  if (NOT_PLAIN_START.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) return NOT_READ;
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  return text;
}

function readFlowList(text: string): unknown {
  if (!text.endsWith(']')) return NOT_READ;
  const inner = text.slice(1, -1);
  if (FLOW_UNSAFE.test(inner)) return NOT_READ;
  if (inner.trim() === '') return inner === '' ? [] : NOT_READ;
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.replace(/^ +| +$/g, '');
    if (item === '') return NOT_READ;
    const value = readPlain(item);
    if (value === NOT_READ) return NOT_READ;
    items.push(value);
  }
  return items;
}
