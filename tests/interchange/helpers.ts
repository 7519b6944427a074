import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDeck } from '../../src/core/deck/parse.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { newDeckYaml } from '../../src/core/interchange/deck-yaml.js';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/interchange');
export const SAMPLE = resolve(import.meta.dirname, '../fixtures/valid/sample.yaml');
export const EDGE = resolve(FIXTURES, 'edge.yaml');

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** A deck file parsed and checked by the project's own parser; fails the test on any error. */
export function loadDeck(path: string): Deck {
  const parsed = parseDeck(path, readFileSync(path, 'utf8'));
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.deck || errors.length)
    throw new Error(`${path}: ${errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`);
  return parsed.deck;
}

/** Imported cards written as a deck and read back by parseDeck: the result must be a valid deck. */
export function asValidDeck(cards: Card[], lang = 'en'): Deck {
  const text = newDeckYaml({ deck: 'imported', title: 'Imported', lang }, cards);
  const parsed = parseDeck('imported.yaml', text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.deck || errors.length)
    throw new Error(`not a valid deck: ${errors.map((e) => `${e.line}: ${e.message}`).join('; ')}\n${text}`);
  return parsed.deck;
}

/** A card without the parts a format cannot carry, to compare a round trip with. */
export function without(card: Card, ...keys: string[]): Card {
  const copy = { ...card } as Record<string, unknown>;
  for (const key of keys) delete copy[key];
  return copy as unknown as Card;
}
