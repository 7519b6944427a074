import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { assembleDeck, validateCard, validateHeader } from './checks.js';
import { collectDiagnostics } from './diagnostic.js';
import { deepestNode, duplicateKeys, lazyPosition, lazyPositions, locateNode, type Position } from './locate.js';
import { readPlainCard } from './plain-card.js';
import type { Locate, ParsedDeck } from './parsed.js';
import { checkDeckCards } from './rules.js';
import type { Card } from './schema.js';

/*
 * The fast way to read a deck: the header and each card parsed as its own small YAML
 * document. One parseDocument of a whole 100k-card file holds its syntax tree and every node
 * at once (1.3 GB, and time growing faster than the file as the collector rescans the heap);
 * a card at a time, memory stays at the cards' values. Positions are exact, since each slice
 * is the file's own text at a known offset.
 *
 * It only takes files whose text it can cut safely, and hands back `undefined` the moment
 * anything about the YAML itself is off (a syntax error or duplicate key in any slice,
 * nesting too deep, anchors, tabs, CRLF, document markers, a card that is not a mapping): parse.ts then reads the file whole, so
 * every YAML error is reported exactly as before. A cut in the wrong place always shows up
 * as such an error (an unclosed quote or bracket, a stray line, a `cards` key that is not
 * empty), never as a silently different value.
 */

// Duplicate keys are found by duplicateKeys (yaml's own check is quadratic in a mapping's keys).
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true } as const;
// Anchors and aliases can cross cards; tabs, CR and BOMs change how lines are read;
// directives and document markers change what the file holds.
const NOT_SLICEABLE = /[\t\r\uFEFF&*]|^(?:---|\.\.\.|%)/m;
/** Cards whose parsed positions are kept at once. */
const LOCATED_CARDS = 8;
const SPACE = 32;
const HASH = 35;
const DASH = 45;

interface DeckSlices {
  /** Offset of the `cards:` line. */
  cardsKey: number;
  /** The lines of the cards list, [blockStart, blockEnd). */
  blockStart: number;
  blockEnd: number;
  /** Offset of each `- ` line that starts a card. */
  items: number[];
}

/** Cuts `source` into its header and its cards, or undefined if the layout is not the plain one. */
export function sliceDeck(source: string): DeckSlices | undefined {
  if (NOT_SLICEABLE.test(source)) return undefined;
  const cardsKey = source.startsWith('cards:') ? 0 : source.indexOf('\ncards:') + 1;
  if (cardsKey === 0 && !source.startsWith('cards:')) return undefined; // no `cards:` line
  if (source.indexOf('\ncards:', cardsKey) !== -1) return undefined;
  const keyEnd = source.indexOf('\n', cardsKey);
  if (keyEnd === -1 || source.slice(cardsKey + 'cards:'.length, keyEnd).trim() !== '') return undefined;

  const blockStart = keyEnd + 1;
  const items: number[] = [];
  let indent = -1;
  let lineStart = blockStart;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    let i = lineStart;
    while (i < lineEnd && source.charCodeAt(i) === SPACE) i++;
    if (i < lineEnd && source.charCodeAt(i) !== HASH) {
      const lineIndent = i - lineStart;
      const isItem = source.charCodeAt(i) === DASH && (i + 1 === lineEnd || source.charCodeAt(i + 1) === SPACE);
      if (indent === -1) {
        if (!isItem) return undefined;
        indent = lineIndent;
      }
      // A less indented line, or a non-item at the list's indent, ends the list (the header
      // parse then decides whether it is a key or a mistake).
      if (lineIndent < indent || (lineIndent === indent && !isItem)) break;
      if (lineIndent === indent) items.push(lineStart);
    }
    lineStart = lineEnd + 1;
  }
  if (items.length === 0) return undefined;
  return { cardsKey, blockStart, blockEnd: Math.min(lineStart, source.length), items };
}

/** parseDeck for files sliceDeck can cut; undefined means "read it whole instead". */
export function parseDeckSliced(file: string, source: string, maxAliasCount: number): ParsedDeck | undefined {
  const slices = sliceDeck(source);
  if (!slices) return undefined;
  const { blockStart, blockEnd, items } = slices;
  const header = parseHeader(source, slices);
  if (!header) return undefined;
  const value = header.doc.toJS({ maxAliasCount }) as Record<string, unknown>;
  if (value.cards !== null) return undefined;

  const collected = collectDiagnostics(file);
  const report = collected.report;
  const pos = lazyPositions(source);
  const removed = blockEnd - blockStart;
  const headerPos = (offset: number) => pos(offset < blockStart ? offset : offset + removed);
  const at: Locate = (path, where = 'value') => locateNode(header.node, path, where, headerPos);

  // Only a problem needs a card's position: parse its slice with yaml then, and keep the last
  // few (a card with 1,000 unknown keys was parsed 1,000 times, 12 s; a duplicate id asks for
  // its own card and the first one's in turn).
  const located = new Map<number, Locate>();
  const locateCard =
    (i: number): Locate =>
    (path, where) =>
      lazyPosition(() => {
        let locate = located.get(i);
        if (!locate) {
          const start = items[i]!;
          const card = parseCard(source, start, items[i + 1] ?? blockEnd, maxAliasCount, false);
          if (!card) throw new Error(`card at offset ${start} was read without yaml but yaml rejects it`);
          locate = cardLocate(card.node, start, pos);
          if (located.size >= LOCATED_CARDS) located.delete(located.keys().next().value!);
          located.set(i, locate);
        }
        return locate(path, where);
      });
  let ok = validateHeader(value, at, report);
  const values: unknown[] = [];
  const cards: Card[] = [];
  for (let i = 0; i < items.length; i++) {
    const start = items[i]!;
    const end = items[i + 1] ?? blockEnd;
    // A card in the plain layout is read without yaml; its positions, needed only for a
    // problem, come from yaml then. Any other card is read by yaml, positions and all.
    const plain = readPlainCard(source, start, end);
    const card = plain ? undefined : parseCard(source, start, end, maxAliasCount);
    if (!plain && !card) return undefined;
    const value = plain ?? card!.value;
    values.push(value);
    const parsed = validateCard(value, card ? cardLocate(card.node, start, pos) : locateCard(i), report);
    if (parsed) cards.push(parsed);
    else ok = false;
  }
  checkDeckCards(values, locateCard, report);

  value.cards = values;
  const deck = ok ? assembleDeck(value, cards, file) : undefined;
  const id = value.deck;
  const deckId = typeof id === 'string' ? { id, ...at(['deck']) } : undefined;
  const diagnostics = collected.finish();
  return { deck: diagnostics.some((d) => d.severity === 'error') ? undefined : deck, deckId, diagnostics };
}

/** The header with the cards list cut out, if it parses cleanly and its `cards` key is where the slicer found it, empty. */
function parseHeader(
  source: string,
  { cardsKey, blockStart, blockEnd }: DeckSlices,
): { node: YAMLMap; doc: Document } | undefined {
  const doc = parseDocument(source.slice(0, blockStart) + source.slice(blockEnd), YAML_OPTIONS);
  if (!cleanDocument(doc) || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'cards');
  if (!pair || !isScalar(pair.key) || pair.key.range?.[0] !== cardsKey) return undefined;
  return { node: doc.contents, doc };
}

/** The card's node and, unless only its positions are wanted, its value. */
function parseCard(
  source: string,
  start: number,
  end: number,
  maxAliasCount: number,
  withValue = true,
): { node: YAMLMap; value: unknown } | undefined {
  const doc = parseDocument(source.slice(start, end), YAML_OPTIONS);
  if (!cleanDocument(doc)) return undefined;
  const list = doc.contents;
  if (!isSeq(list) || list.items.length !== 1 || !isMap(list.items[0])) return undefined;
  const node = list.items[0];
  return { node, value: withValue ? node.toJS(doc, { maxAliasCount }) : undefined };
}

/** No error or warning, no repeated key, and nesting that toJS and the checks can walk. */
function cleanDocument(doc: Document): boolean {
  return (
    doc.errors.length === 0 &&
    doc.warnings.length === 0 &&
    duplicateKeys(doc.contents).length === 0 &&
    !deepestNode(doc.contents)
  );
}

function cardLocate(node: YAMLMap, start: number, pos: (offset: number) => Position): Locate {
  return (path, where = 'value') => locateNode(node, path, where, (offset) => pos(offset + start));
}
