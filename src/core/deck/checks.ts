import type { z } from 'zod';
import { quoteText } from './diagnostic.js';
import type { Locate, Reporter } from './parsed.js';
import { checkCard } from './rules.js';
import {
  CARD_KEYS,
  CARD_TYPES,
  cardSchemas,
  deckHeaderShape,
  DECK_KEYS,
  type Card,
  type CardType,
  type Deck,
} from './schema.js';
import { suggestKey, suggestWord } from './suggest.js';

/*
 * Checks of deck values already read from YAML, shared by both ways parse.ts reads a deck
 * file: each problem is reported at its place in the file through `at`.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides that can
// rewrite what a terminal or reader shows.
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The deck's own keys and fields (not its cards). Returns false on any error in the fields. */
export function validateHeader(value: Record<string, unknown>, at: Locate, report: Reporter['report']): boolean {
  checkKeys(value, [], DECK_KEYS, at, report, 'deck');
  // The header's text is shown in lists, headers and sheets as card text is.
  const { cards: _, ...header } = value;
  let ok = checkStrings(header, at, report);
  for (const [key, schema] of Object.entries(deckHeaderShape)) {
    const result = (schema as z.ZodType).safeParse(value[key], { reportInput: true });
    if (!result.success) {
      ok = false;
      for (const issue of result.error.issues)
        reportIssue(issue, [key, ...issue.path.map(pathStep)], at, report, 'the deck');
    }
  }
  return ok;
}

/** The loaded deck, from its header values and its valid cards. */
export function assembleDeck(value: Record<string, unknown>, cards: Card[], file: string): Deck {
  const header = value as Omit<Deck, 'file' | 'cards' | 'lang'> & { lang?: string };
  return { ...header, lang: header.lang ?? 'en', cards, file } as Deck;
}

export function validateCard(value: unknown, at: Locate, report: Reporter['report']): Card | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report(
      'error',
      'invalid-type',
      `each card must be a mapping with an id and its fields, got ${describe(value)}`,
      at([]),
    );
    return undefined;
  }
  const card = value as Record<string, unknown>;
  const type = card.type ?? 'basic';
  if (typeof type !== 'string' || !(CARD_TYPES as readonly string[]).includes(type)) {
    const hint = typeof type === 'string' ? suggestWord(type, CARD_TYPES) : undefined;
    report(
      'error',
      'unknown-card-type',
      `unknown card type ${typeof type === 'string' ? quoteText(type) : JSON.stringify(type)}; expected one of ${CARD_TYPES.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      at(['type']),
    );
    return undefined;
  }
  const name = typeof card.id === 'string' ? `card ${quoteText(card.id)}` : 'this card';
  const known = CARD_KEYS[type as CardType];
  // A misspelt key already says what is missing ("qestion": did you mean "q"?); don't also report `q` as missing.
  const misspelt = new Set<string>();
  let ok = checkKeys(card, [], known, at, report, name, misspelt);
  const result = cardSchemas[type as CardType].safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') continue;
      if (
        issue.code === 'invalid_type' &&
        issue.path.length === 1 &&
        misspelt.has(String(issue.path[0])) &&
        card[String(issue.path[0])] === undefined
      )
        continue;
      reportIssue(issue, issue.path.map(pathStep), at, report, name);
    }
    ok = false;
  }
  ok = checkStrings(card, at, report) && ok;
  if (!ok) return undefined;
  const parsed = result.data as Card;
  return checkCard(parsed, at, report) ? parsed : undefined;
}

/** Unknown and forbidden keys, with the nearest known key suggested (and added to `hints`). Returns false on any. */
function checkKeys(
  value: Record<string, unknown>,
  path: (string | number)[],
  known: readonly string[],
  at: Locate,
  report: Reporter['report'],
  owner: string,
  hints?: Set<string>,
): boolean {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    ok = false;
    if (FORBIDDEN_KEYS.has(key)) {
      report(
        'error',
        'forbidden-key',
        `the key "${key}" is not allowed in a deck (it could alter object prototypes)`,
        at([...path, key], 'key'),
      );
      continue;
    }
    const hint = suggestKey(key, known);
    if (hint) hints?.add(hint);
    report(
      'error',
      'unknown-key',
      `unknown key ${quoteText(key)} in ${owner}${hint ? `; did you mean "${hint}"?` : `; allowed keys: ${known.join(', ')}`}`,
      at([...path, key], 'key'),
    );
  }
  return ok;
}

/**
 * Text that is there but shows nothing or something else: only whitespace (a question of
 * spaces passes "must not be empty"), or control characters. Returns false on any.
 */
function checkStrings(fields: Record<string, unknown>, at: Locate, report: Reporter['report']): boolean {
  let ok = true;
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const label = `\`${path.map((p) => (typeof p === 'string' ? cutKey(p) : p)).join('.')}\``;
      const match = CONTROL_CHAR.exec(value);
      if (match) {
        ok = false;
        const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        report(
          'error',
          'control-character',
          `${label} contains the control character U+${code}, which can corrupt a terminal or hide text; remove it`,
          at(path),
        );
      } else if (value !== '' && value.trim() === '' && !FORMATTED_KEYS.has(String(path[0]))) {
        ok = false;
        report('error', 'empty-value', `${label} is only whitespace; write the text or remove the field`, at(path));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
  };
  for (const [key, value] of Object.entries(fields)) visit(value, [key]);
  return ok;
}

// Fields whose own format check already rejects whitespace.
const FORMATTED_KEYS = new Set(['deck', 'id', 'lang', 'type']);

/** A key as part of a field path in a message: unknown keys can be long. */
function cutKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
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
        report(
          'error',
          'truefalse-not-boolean',
          `\`answer\` of a truefalse card must be true or false, got ${describe(input)}`,
          at(path),
        );
      } else {
        report(
          'error',
          'invalid-type',
          `${label} must be ${article(issue.expected)}, got ${describe(input)}`,
          at(path),
        );
      }
      return;
    case 'too_small':
      if (field === 'choices')
        report(
          'error',
          'choice-too-few',
          `a choice card needs at least 2 choices, found ${Array.isArray(input) ? input.length : 0}`,
          at(path),
        );
      else if (field === 'steps')
        report(
          'error',
          'order-too-few',
          `an order card needs at least 2 steps, found ${Array.isArray(input) ? input.length : 0}`,
          at(path),
        );
      else report('error', 'empty-value', `${label} must not be empty`, at(path));
      return;
    case 'too_big':
      // Typed as one digit per step (`3142`), so 9 at most.
      if (field === 'steps')
        report(
          'error',
          'order-too-many',
          `an order card has at most ${issue.maximum} steps (one digit each when typed), found ${Array.isArray(input) ? input.length : 0}; split it into two cards`,
          at(path),
        );
      else report('error', 'invalid-value', `${label}: ${issue.message}`, at(path));
      return;
    case 'invalid_format':
      report(
        'error',
        field === 'lang' ? 'invalid-lang' : 'invalid-id',
        `${label} ${typeof input === 'string' ? quoteText(input) : JSON.stringify(input)} ${issue.message}`,
        at(path),
      );
      return;
    case 'invalid_union':
      report(
        'error',
        'invalid-type',
        `${label} must be one of the choices or a list of them, got ${describe(input)}`,
        at(path),
      );
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
  if (typeof value === 'string') return `the string ${quoteText(value, 40)}`;
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  return type === 'array'
    ? 'a list'
    : type === 'object'
      ? 'a mapping'
      : /^[aeiou]/.test(type)
        ? `an ${type}`
        : `a ${type}`;
}
