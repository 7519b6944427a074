import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Severity } from './diagnostic.js';
import { CARD_KEYS, CARD_TYPES, cardSchemas, deckHeaderShape, DECK_KEYS, type Card, type CardType, type Deck } from './schema.js';
import { checkCard, checkDeckCards } from './rules.js';
import { suggestKey, suggestWord } from './suggest.js';

/** Where a card sits in its file, for messages about it later (study, quiz). */
export interface ParsedDeck {
  /** Present when the file has no errors. */
  deck?: Deck;
  /** The deck id and where it is written, for the check across files. */
  deckId?: { id: string; line: number; column: number };
  diagnostics: Diagnostic[];
}

export type Locate = (path: readonly (string | number)[], at?: 'key' | 'value') => { line: number; column: number };

export interface Reporter {
  report(severity: Severity, rule: string, message: string, where: { line: number; column: number }): void;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Bounded expansion: yaml counts alias resolutions against this and throws past it.
const MAX_ALIAS_COUNT = 100;
// Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides that can
// rewrite what a terminal or reader shows.
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const YAML_RULES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};
// Problems after which the document is still the one the author meant, so schema checks go on.
const RECOVERABLE = new Set(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);

/** Parses and validates one deck file's text. Never throws on bad input. */
export function parseDeck(file: string, source: string): ParsedDeck {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const report: Reporter['report'] = (severity, rule, message, where) =>
    diagnostics.push({ file, line: where.line, column: where.column, severity, rule, message });

  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  let fatal = false;
  // A tab in the indentation confuses the parser into follow-on errors on the same line; the tab is the one to report.
  const tabLines = new Set(doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => pos(e.pos[0]).line));
  for (const error of doc.errors) {
    if (!RECOVERABLE.has(error.code)) fatal = true;
    if (error.code !== 'TAB_AS_INDENT' && tabLines.has(pos(error.pos[0]).line)) continue;
    reportYamlError(doc, error, pos, report);
  }
  if (fatal) return { diagnostics };

  const root = doc.contents;
  if (!isMap(root)) {
    const where = root?.range ? pos(root.range[0]) : { line: 1, column: 1 };
    const what = root == null ? 'empty' : isSeq(root) ? 'a list' : 'a single value';
    report('error', 'top-level-not-mapping', `the top level must be a mapping with keys deck, title and cards; this file is ${what}`, where);
    return { diagnostics };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const alias = firstAlias(source);
    report('error', 'yaml-alias-limit', `aliases expand past the limit of ${MAX_ALIAS_COUNT} nodes (a "billion laughs" bomb?); expand them by hand`, pos(alias));
    return { diagnostics };
  }

  const locate = (base: Node): Locate => (path, at = 'value') => locateNode(doc, base, path, at, pos);
  const deck = validateDeck(value as Record<string, unknown>, root, locate, report, file);
  const id = (value as Record<string, unknown>).deck;
  const deckId = typeof id === 'string' ? { id, ...locate(root)(['deck']) } : undefined;
  return { deck: diagnostics.some((d) => d.severity === 'error') ? undefined : deck, deckId, diagnostics };
}

function reportYamlError(doc: Document, error: { code: string; message: string; pos: [number, number] }, pos: (o: number) => { line: number; column: number }, report: Reporter['report']) {
  const first = error.message.split('\n')[0] ?? error.message;
  if (error.code === 'MISSING_CHAR' && /quote/.test(first)) {
    // yaml reports an unterminated string where the file ends; the author needs where it opens.
    const open = openingQuote(doc, error.pos[0]);
    if (open) {
      report('error', 'yaml-syntax', `unterminated ${open.kind} string: the quote opened here is never closed`, pos(open.offset));
      return;
    }
  }
  const rule = YAML_RULES[error.code] ?? 'yaml-syntax';
  const message =
    error.code === 'DUPLICATE_KEY' ? 'duplicate key: this key already appears earlier in the same mapping'
    : error.code === 'TAB_AS_INDENT' ? 'tab used for indentation; YAML allows only spaces'
    : error.code === 'MULTIPLE_DOCS' ? 'a deck file holds one YAML document; remove the "---" separator and move this deck to its own file'
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
      if (quoted && start <= errorOffset && errorOffset <= end + 1) found = { offset: start, kind: node.type === Scalar.QUOTE_DOUBLE ? 'double-quoted' : 'single-quoted' };
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

function locateNode(doc: Document, base: Node, path: readonly (string | number)[], at: 'key' | 'value', pos: (o: number) => { line: number; column: number }) {
  let node: unknown = base;
  let keyNode: unknown;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      keyNode = undefined;
      node = node.items[step];
    } else break;
  }
  const target = (at === 'key' && keyNode) || node;
  const range = (target as Node | undefined)?.range;
  return range ? pos(range[0]) : { line: 1, column: 1 };
}

function validateDeck(value: Record<string, unknown>, root: YAMLMap, locate: (base: Node) => Locate, report: Reporter['report'], file: string): Deck | undefined {
  const at = locate(root);
  checkKeys(value, [], DECK_KEYS, at, report, 'deck');
  let ok = true;
  for (const [key, schema] of Object.entries(deckHeaderShape)) {
    const result = (schema as z.ZodType).safeParse(value[key], { reportInput: true });
    if (!result.success) {
      ok = false;
      for (const issue of result.error.issues) reportIssue(issue, [key, ...issue.path.map(pathStep)], at, report, 'the deck');
    }
  }
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
  if (!ok) return undefined;
  const header = value as Omit<Deck, 'file' | 'cards' | 'lang'> & { lang?: string };
  return { ...header, lang: header.lang ?? 'en', cards, file } as Deck;
}

function validateCard(value: unknown, at: Locate, report: Reporter['report']): Card | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('error', 'invalid-type', `each card must be a mapping with an id and its fields, got ${describe(value)}`, at([]));
    return undefined;
  }
  const card = value as Record<string, unknown>;
  const type = card.type ?? 'basic';
  if (typeof type !== 'string' || !(CARD_TYPES as readonly string[]).includes(type)) {
    const hint = typeof type === 'string' ? suggestWord(type, CARD_TYPES) : undefined;
    report('error', 'unknown-card-type', `unknown card type ${JSON.stringify(type)}; expected one of ${CARD_TYPES.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`, at(['type']));
    return undefined;
  }
  const name = typeof card.id === 'string' ? `card "${card.id}"` : 'this card';
  const known = CARD_KEYS[type as CardType];
  let ok = checkKeys(card, [], known, at, report, name);
  // A misspelt key already says what is missing ("qestion": did you mean "q"?); don't also report `q` as missing.
  const misspelt = new Set(Object.keys(card).filter((k) => !known.includes(k)).map((k) => suggestKey(k, known)));
  const result = cardSchemas[type as CardType].safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      if (issue.code === 'invalid_type' && issue.path.length === 1 && misspelt.has(String(issue.path[0])) && card[String(issue.path[0])] === undefined) continue;
      reportIssue(issue, issue.path.map(pathStep), at, report, name);
    }
    ok = false;
  }
  ok = checkControlChars(card, at, report) && ok;
  if (!ok) return undefined;
  const parsed = result.data as Card;
  return checkCard(parsed, at, report) ? parsed : undefined;
}

/** Unknown and forbidden keys, with the nearest known key suggested. Returns false on any. */
function checkKeys(value: Record<string, unknown>, path: (string | number)[], known: readonly string[], at: Locate, report: Reporter['report'], owner: string): boolean {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    ok = false;
    if (FORBIDDEN_KEYS.has(key)) {
      report('error', 'forbidden-key', `the key "${key}" is not allowed in a deck (it could alter object prototypes)`, at([...path, key], 'key'));
      continue;
    }
    const hint = suggestKey(key, known);
    report('error', 'unknown-key', `unknown key "${key}" in ${owner}${hint ? `; did you mean "${hint}"?` : `; allowed keys: ${known.join(', ')}`}`, at([...path, key], 'key'));
  }
  return ok;
}

function checkControlChars(card: Record<string, unknown>, at: Locate, report: Reporter['report']): boolean {
  let ok = true;
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const match = CONTROL_CHAR.exec(value);
      if (match) {
        ok = false;
        const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        report('error', 'control-character', `\`${path.join('.')}\` contains the control character U+${code}, which can corrupt a terminal or hide text; remove it`, at(path));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
  };
  for (const [key, value] of Object.entries(card)) visit(value, [key]);
  return ok;
}

type Issue = z.core.$ZodIssue;

function reportIssue(issue: Issue, path: (string | number)[], at: Locate, report: Reporter['report'], owner: string) {
  const field = path.filter((p) => typeof p === 'string').at(-1) ?? '';
  const label = `\`${path.join('.')}\``;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) {
        report('error', 'missing-field', `${owner} is missing the required field \`${field}\``, at(path.slice(0, -1)));
      } else if (field === 'answer' && issue.expected === 'boolean') {
        report('error', 'truefalse-not-boolean', `\`answer\` of a truefalse card must be true or false, got ${describe(input)}`, at(path));
      } else {
        report('error', 'invalid-type', `${label} must be ${article(issue.expected)}, got ${describe(input)}`, at(path));
      }
      return;
    case 'too_small':
      if (field === 'choices') report('error', 'choice-too-few', `a choice card needs at least 2 choices, found ${Array.isArray(input) ? input.length : 0}`, at(path));
      else report('error', 'empty-value', `${label} must not be empty`, at(path));
      return;
    case 'invalid_format':
      report('error', field === 'lang' ? 'invalid-lang' : 'invalid-id', `${label} ${JSON.stringify(input)} ${issue.message}`, at(path));
      return;
    case 'invalid_union':
      report('error', 'invalid-type', `${label} must be one of the choices or a list of them, got ${describe(input)}`, at(path));
      return;
    case 'invalid_value':
      report('error', 'invalid-value', `${label} ${issue.message}`, at(path));
      return;
    default:
      report('error', 'invalid-value', `${label}: ${issue.message}`, at(path));
  }
}

function pathStep(p: PropertyKey): string | number {
  return typeof p === 'number' ? p : String(p);
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
