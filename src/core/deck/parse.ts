import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { assembleDeck, describe, validateCard, validateHeader } from './checks.js';
import { collectDiagnostics, type Diagnostic } from './diagnostic.js';
import { deepestNode, duplicateKeys, locateNode, MAX_DEPTH } from './locate.js';
import { checkDeckCards } from './rules.js';
import type { Locate, ParsedDeck, Reporter } from './parsed.js';
import type { Card, Deck } from './schema.js';
import { parseDeckSliced } from './slices.js';

export { describe } from './checks.js';

/** One file's result: the deck if it has no errors, and every problem found in it. */
export type { Locate, ParsedDeck, Reporter } from './parsed.js';

// Bounded expansion: yaml counts alias resolutions against this and throws past it.
const MAX_ALIAS_COUNT = 100;

const YAML_RULES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};
const TOO_DEEP = `nested too deeply (lists or mappings more than ${MAX_DEPTH} levels inside each other); a deck needs only a few levels`;
// yaml's own duplicate-key check compares each key with every earlier one (100k keys: hours);
// duplicateKeys does it with a Set.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true } as const;
// Problems after which the document is still the one the author meant, so schema checks go on.
const RECOVERABLE = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);

/** Parses and validates one deck file's text. Never throws on bad input. */
export function parseDeck(file: string, source: string): ParsedDeck {
  const lineEnding = loneCarriageReturn(file, source);
  if (lineEnding) return { diagnostics: [lineEnding] };
  try {
    // Card by card when the layout allows (fast, small memory); whole otherwise, and always
    // when the YAML itself has a problem, so its errors are reported from the whole file.
    return withSplitNumbers(
      parseDeckSliced(file, source, MAX_ALIAS_COUNT) ?? parseDeckWhole(file, source),
      file,
      source,
    );
  } catch (error) {
    // Nesting is bounded before any recursion of ours, but yaml recurses too, as deep as the stack allows.
    if (!(error instanceof RangeError)) throw error;
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'yaml-too-deep', message: TOO_DEEP }] };
  }
}

// A list written inline under a key whose items are answers: `accept: [a, "b"]`.
const FLOW_ANSWER_LIST = /^(\s*(?:-\s+)?(?:accept|choices|answer|steps):\s*\[)(.*)\]\s*(?:#.*)?$/;

/**
 * `accept: [fewer than 150,000 lines]` is two items to YAML, "fewer than 150" and "000 lines",
 * and both are then accepted as right answers (issue 11: the zh deck had one). The values no
 * longer show it, so the text is read: an unquoted digit, comma, three digits inside a flow list.
 */
export function splitNumbers(file: string, source: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  source.split('\n').forEach((line, i) => {
    const list = FLOW_ANSWER_LIST.exec(line);
    if (!list) return;
    const start = list[1]!.length;
    const inner = list[2]!;
    let quote = '';
    for (let k = 0; k < inner.length; k++) {
      const c = inner[k]!;
      if (quote) {
        if (c === quote && !(quote === '"' && inner[k - 1] === '\\')) quote = '';
      } else if ((c === '"' || c === "'") && /^\s*$|,\s*$/.test(inner.slice(Math.max(0, k - 2), k))) quote = c;
      else if (c === ',' && /\d/.test(inner[k - 1] ?? '') && /^\d{3}(?!\d)/.test(inner.slice(k + 1, k + 5))) {
        const number = /[\d,]*$/.exec(inner.slice(0, k))![0] + inner.slice(k, k + 4);
        const message = `YAML splits this list at the comma of ${number} (every comma separates items in [ ]); quote the item, e.g. ["… ${number} …"]`;
        found.push({ file, line: i + 1, column: start + k + 1, severity: 'error', rule: 'list-split-number', message });
      }
    }
  });
  return found;
}

function withSplitNumbers(parsed: ParsedDeck, file: string, source: string): ParsedDeck {
  if (!source.includes(',')) return parsed;
  const split = splitNumbers(file, source);
  if (split.length === 0) return parsed;
  return { ...parsed, deck: undefined, diagnostics: [...parsed.diagnostics, ...split] };
}

/** yaml reads a lone CR as a line break, but lines are counted at LF: a CR-only file would be one long line. */
function loneCarriageReturn(file: string, source: string): Diagnostic | undefined {
  const cr = /\r(?!\n)/.exec(source);
  if (!cr) return undefined;
  const before = source.slice(0, cr.index);
  const line = before.split('\n').length;
  const column = cr.index - before.lastIndexOf('\n');
  const message = 'a line ends with CR alone (old Mac line endings); save the file with LF or CRLF line endings';
  return { file, line, column, severity: 'error', rule: 'file-line-endings', message };
}

/** The whole file as one YAML document: every YAML error, reported as yaml finds it. */
export function parseDeckWhole(file: string, source: string): ParsedDeck {
  const collected = collectDiagnostics(file);
  const report = collected.report;
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
  const errors = [
    ...doc.errors,
    ...duplicateKeys(doc.contents).map((key) => ({
      code: 'DUPLICATE_KEY',
      message: '',
      pos: [key.range![0], key.range![1]] as [number, number],
    })),
  ];
  errors.sort((a, b) => a.pos[0] - b.pos[0]);
  let fatal = false;
  // A tab in the indentation confuses the parser into follow-on errors on the same line; the tab is the one to report.
  const tabLines = new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => pos(e.pos[0]).line));
  let tooDeep = false;
  for (const error of errors) {
    if (!RECOVERABLE.has(error.code)) fatal = true;
    if (error.code !== 'TAB_AS_INDENT' && tabLines.has(pos(error.pos[0]).line)) continue;
    // Running out of stack is reported once, where it happened, not for every level it unwinds.
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (tooDeep) continue;
      tooDeep = true;
    }
    reportYamlError(doc, error, pos, report);
  }
  if (fatal) return { diagnostics: collected.finish() };

  const root = doc.contents;
  if (!isMap(root)) {
    const where = root?.range ? pos(root.range[0]) : { line: 1, column: 1 };
    const what = root == null ? 'empty' : isSeq(root) ? 'a list' : 'a single value';
    report(
      'error',
      'top-level-not-mapping',
      `the top level must be a mapping with keys deck, title and cards; this file is ${what}`,
      where,
    );
    return { diagnostics: collected.finish() };
  }
  const deep = deepestNode(root);
  if (deep) {
    report('error', 'yaml-too-deep', TOO_DEEP, deep.range ? pos(deep.range[0]) : { line: 1, column: 1 });
    return { diagnostics: collected.finish() };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    const alias = firstAlias(source);
    report(
      'error',
      'yaml-alias-limit',
      `aliases expand past the limit of ${MAX_ALIAS_COUNT} nodes (a "billion laughs" bomb?); expand them by hand`,
      pos(alias),
    );
    return { diagnostics: collected.finish() };
  }

  const locate =
    (base: Node): Locate =>
    (path, at = 'value') =>
      locateNode(base, path, at, pos);
  const deck = validateDeck(value as Record<string, unknown>, root, locate, report, file);
  const id = (value as Record<string, unknown>).deck;
  const deckId = typeof id === 'string' ? { id, ...locate(root)(['deck']) } : undefined;
  const diagnostics = collected.finish();
  return { deck: diagnostics.some((d) => d.severity === 'error') ? undefined : deck, deckId, diagnostics };
}

function reportYamlError(
  doc: Document,
  error: { code: string; message: string; pos: [number, number] },
  pos: (o: number) => { line: number; column: number },
  report: Reporter['report'],
) {
  const first = error.message.split('\n')[0] ?? error.message;
  if (error.code === 'MISSING_CHAR' && /quote/.test(first)) {
    // yaml reports an unterminated string where the file ends; the author needs where it opens.
    const open = openingQuote(doc, error.pos[0]);
    if (open) {
      report(
        'error',
        'yaml-syntax',
        `unterminated ${open.kind} string: the quote opened here is never closed`,
        pos(open.offset),
      );
      return;
    }
  }
  const rule = YAML_RULES[error.code] ?? 'yaml-syntax';
  const message =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate key: this key already appears earlier in the same mapping'
      : error.code === 'TAB_AS_INDENT'
        ? 'tab used for indentation; YAML allows only spaces'
        : error.code === 'MULTIPLE_DOCS'
          ? 'a deck file holds one YAML document; remove the "---" separator and move this deck to its own file'
          : error.code === 'RESOURCE_EXHAUSTION'
            ? TOO_DEEP
            : `YAML syntax error: ${lowerFirst(first.replace(/ at line \d+, column \d+.*$/, ''))}`;
  report('error', rule, message, pos(error.pos[0]));
}

function openingQuote(doc: Document, errorOffset: number): { offset: number; kind: string } | undefined {
  let found: { offset: number; kind: string } | undefined;
  const visit = (node: unknown) => {
    if (found || node == null || typeof node !== 'object') return;
    if (isScalar(node)) {
      const [start, end] = node.range ?? [0, 0];
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && start <= errorOffset && errorOffset <= end + 1)
        found = { offset: start, kind: node.type === Scalar.QUOTE_DOUBLE ? 'double-quoted' : 'single-quoted' };
      return;
    }
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          visit(pair.key);
          visit(pair.value);
        } else visit(item);
      }
    }
  };
  visit(doc.contents);
  return found;
}

function firstAlias(source: string): number {
  const match = /(^|[\s,[{:-])\*[^\s,\]}]+/m.exec(source);
  return match ? match.index + match[1]!.length : 0;
}

function validateDeck(
  value: Record<string, unknown>,
  root: YAMLMap,
  locate: (base: Node) => Locate,
  report: Reporter['report'],
  file: string,
): Deck | undefined {
  const at = locate(root);
  let ok = validateHeader(value, at, report);
  const cardsValue = value.cards;
  const cardsNode = root.get('cards', true);
  if (cardsValue === undefined) {
    report('error', 'missing-field', 'the deck has no `cards` list; add at least one card', at([]));
    return undefined;
  }
  if (!Array.isArray(cardsValue) || !isSeq(cardsNode)) {
    report('error', 'invalid-type', `\`cards\` must be a list of cards, got ${describe(cardsValue)}`, at(['cards']));
    return undefined;
  }
  if (cardsValue.length === 0) {
    report('error', 'no-cards', 'the deck has no cards; add at least one', at(['cards']));
    return undefined;
  }
  const cards: Card[] = [];
  cardsValue.forEach((card, i) => {
    const node = cardsNode.items[i] as Node;
    const parsed = validateCard(card, locate(node), report);
    if (parsed) cards.push(parsed);
    else ok = false;
  });
  const cardLocate = (i: number) => locate(cardsNode.items[i] as Node);
  checkDeckCards(cardsValue, cardLocate, report);
  return ok ? assembleDeck(value, cards, file) : undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
