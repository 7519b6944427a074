import { describe, expect, it } from 'vitest';
import { deckItems } from '../../src/core/deck/items.js';
import { itemRefs, outlineOf, resolveItem } from '../../src/core/deck/outline.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';

const cards: Card[] = [
  { id: 'plain', q: 'Q1', a: 'A1' },
  { id: 'both-ways', q: 'Q2', a: 'A2', reverse: true },
  { id: 'gaps', type: 'cloze', text: '{{Xen}} runs {{dom0::a domain}} first.' },
  { id: 'pick', type: 'choice', q: 'Which?', choices: ['x', 'y'], answer: 'y' },
] as Card[];
const deck = { deck: 'd', title: 'D', lang: 'en', file: 'd.yaml', cards } as Deck;

describe('deck outlines and item references', () => {
  it('refer to every item of every card, in deck order, and resolve to the items the deck expands to', () => {
    const outlines = [outlineOf(deck)];
    const refs = itemRefs(outlines, new Map());
    expect(refs.map((r) => r.key)).toEqual(['plain', 'both-ways', 'both-ways:reverse', 'gaps:c1', 'gaps:c2', 'pick']);
    expect(refs.map((r) => resolveItem(outlines, r))).toEqual(deckItems(deck));
  });

  it('skip a card only when all of its items are to be skipped', () => {
    const outlines = [outlineOf(deck)];
    const skip = new Map([['d', new Set(['plain', 'gaps:c1', 'both-ways', 'both-ways:reverse'])]]);
    expect(itemRefs(outlines, skip).map((r) => r.key)).toEqual(['gaps:c1', 'gaps:c2', 'pick']);
    expect(itemRefs(outlines, new Map([['other', new Set(['plain'])]])).map((r) => r.key)).toHaveLength(6);
  });
});
