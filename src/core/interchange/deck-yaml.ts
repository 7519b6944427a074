import { Document, isMap, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Card } from '../deck/schema.js';

/**
 * Imported cards as deck YAML: a new file, or merged into an existing deck through yaml's
 * Document API, so its comments, key order and formatting survive. Cards are matched by id;
 * a card that differs from the file's copy is left as the file has it (a local edit) unless
 * `force` is given.
 */
export interface DeckHeader {
  deck: string;
  title: string;
  lang: string;
  source?: string;
}

// The key order of the bundled decks.
const KEY_ORDER = [
  'id',
  'type',
  'q',
  'text',
  'a',
  'accept',
  'reverse',
  'choices',
  'answer',
  'steps',
  'section',
  'tags',
  'why',
];
const FLOW_KEYS = new Set(['accept', 'choices', 'steps', 'tags']);
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

function ordered(card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = card as unknown as Record<string, unknown>;
  for (const key of KEY_ORDER) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

function cardNode(doc: Document, card: Card): YAMLMap {
  const node = doc.createNode(ordered(card)) as YAMLMap;
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown }).value ?? pair.key);
    if (FLOW_KEYS.has(key) && isSeq(pair.value)) (pair.value as YAMLSeq).flow = true;
    if (key === 'answer' && isSeq(pair.value)) (pair.value as YAMLSeq).flow = true;
  }
  return node;
}

export function newDeckYaml(header: DeckHeader, cards: readonly Card[]): string {
  const doc = new Document({
    deck: header.deck,
    title: header.title,
    lang: header.lang,
    ...(header.source ? { source: header.source } : {}),
    cards: [],
  });
  const seq = doc.get('cards', true) as YAMLSeq;
  for (const card of cards) seq.items.push(cardNode(doc, card));
  return doc.toString(STRINGIFY);
}

export interface MergeResult {
  text: string;
  added: string[];
  updated: string[];
  /** Cards whose file copy differs from the import and was kept (no `force`). */
  kept: string[];
  unchanged: number;
}

export type MergeFailure = { error: string };

export function mergeDeckYaml(existing: string, cards: readonly Card[], force: boolean): MergeResult | MergeFailure {
  const doc = parseDocument(existing);
  if (doc.errors.length) return { error: 'it is not valid YAML' };
  const seq = isMap(doc.contents) ? doc.contents.get('cards', true) : undefined;
  if (!isSeq(seq)) return { error: 'it has no `cards:` list' };
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items)
    if (isMap(item) && typeof item.get('id') === 'string') byId.set(item.get('id') as string, item);
  const result: MergeResult = { text: '', added: [], updated: [], kept: [], unchanged: 0 };
  for (const card of cards) {
    const old = byId.get(card.id);
    if (!old) {
      seq.items.push(cardNode(doc, card));
      result.added.push(card.id);
      continue;
    }
    if (sameValue(old.toJSON(), card)) {
      result.unchanged++;
      continue;
    }
    if (!force) {
      result.kept.push(card.id);
      continue;
    }
    updateInPlace(doc, old, card);
    result.updated.push(card.id);
  }
  if (result.added.length === 0 && result.updated.length === 0) result.text = existing;
  else if (result.updated.length === 0 && appendable(doc, seq))
    result.text = appendCards(
      existing,
      seq,
      cards.filter((c) => !byId.has(c.id)),
    );
  else result.text = doc.toString(STRINGIFY);
  return result;
}

/**
 * New cards only, and `cards:` is the file's last key in block style: the cards are appended
 * as text, so the rest of the file stays byte for byte as it was (yaml would re-space comments).
 */
function appendable(doc: Document, seq: YAMLSeq): boolean {
  const root = doc.contents as YAMLMap;
  const last = root.items[root.items.length - 1];
  return (
    !seq.flow &&
    seq.items.length > 0 &&
    (last?.key as { value?: unknown } | undefined)?.value === 'cards' &&
    isMap(seq.items[0])
  );
}

function appendCards(existing: string, seq: YAMLSeq, cards: readonly Card[]): string {
  const first = (seq.items[0] as YAMLMap).range![0];
  const lineStart = existing.lastIndexOf('\n', first) + 1;
  const indent = /^[ ]*/.exec(existing.slice(lineStart))![0];
  const items = newDeckYaml({ deck: 'x', title: 'x', lang: 'x' }, cards).split('\ncards:\n')[1]!;
  // newDeckYaml indents items by two spaces; the file's own indentation replaces it.
  const lines = items.split('\n').map((line) => (line ? indent + line.slice(2) : line));
  return `${existing}${existing.endsWith('\n') ? '' : '\n'}${lines.join('\n')}`;
}

/** Changes only the keys whose values differ, so comments on the others stay where they are. */
function updateInPlace(doc: Document, old: YAMLMap, card: Card): void {
  const fresh = cardNode(doc, card);
  const wanted = new Map(fresh.items.map((p) => [String((p.key as { value?: unknown }).value), p.value as Node]));
  for (const pair of [...old.items]) {
    const key = String((pair.key as { value?: unknown }).value ?? pair.key);
    if (!wanted.has(key)) old.delete(key);
  }
  for (const [key, value] of wanted) {
    const current = old.get(key, true) as Node | undefined;
    if (current && sameValue((current as { toJSON(): unknown }).toJSON(), (value as { toJSON(): unknown }).toJSON()))
      continue;
    old.set(key, value);
  }
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // A deck may write a numeric answer as a YAML number (`a: 2003`); the import has its text.
  if (typeof a === 'number' || typeof b === 'number') return String(a) === String(b);
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}
