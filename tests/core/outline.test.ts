import { describe, expect, it } from 'vitest';
import { cardMatcher } from '../../src/core/deck/filter.js';
import { deckItems } from '../../src/core/deck/items.js';
import { itemRefs, outlineOf, resolveItem } from '../../src/core/deck/outline.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';

const cards: Card[] = [
  { id: 'plain', q: 'Q1', a: 'A1', tags: ['xen'] },
  { id: 'both-ways', q: 'Q2', a: 'A2', reverse: true, section: 'Intro' },
  { id: 'gaps', type: 'cloze', text: '{{Xen}} runs {{dom0::a domain}} first.', tags: ['xen', 'boot'] },
  { id: 'pick', type: 'choice', q: 'Which?', choices: ['x', 'y'], answer: 'y' },
] as Card[];
const deck = { deck: 'd', title: 'D', lang: 'en', file: 'd.yaml', cards } as Deck;
const cardAt = (i: number) => cards[i]!;

describe('deck outlines and item references', () => {
  it('outline each card by id, type, item keys, section and tags, without its text', () => {
    const outline = outlineOf(deck);
    expect(outline.deck).toEqual({ deck: 'd', title: 'D', lang: 'en', file: 'd.yaml' });
    expect(outline.cards).toEqual([
      { id: 'plain', type: 'basic', keys: ['plain'], section: undefined, tags: ['xen'] },
      { id: 'both-ways', type: 'basic', keys: ['both-ways', 'both-ways:reverse'], section: 'Intro', tags: [] },
      { id: 'gaps', type: 'cloze', keys: ['gaps:c1', 'gaps:c2'], section: undefined, tags: ['xen', 'boot'] },
      { id: 'pick', type: 'choice', keys: ['pick'], section: undefined, tags: [] },
    ]);
  });

  it('refer to every item of every card, in deck order, and resolve with their card to the items the deck expands to', () => {
    const outlines = [outlineOf(deck)];
    const refs = itemRefs(outlines, new Map());
    expect(refs.map((r) => r.key)).toEqual(['plain', 'both-ways', 'both-ways:reverse', 'gaps:c1', 'gaps:c2', 'pick']);
    expect(refs.map((r) => resolveItem(outlines, r, cardAt(r.card)))).toEqual(deckItems(deck));
  });

  it('refuse to resolve a reference with another card than its own', () => {
    const outlines = [outlineOf(deck)];
    const [ref] = itemRefs(outlines, new Map());
    expect(() => resolveItem(outlines, ref!, cardAt(1))).toThrow('card 0 of deck d is both-ways, not plain');
  });

  it('skip a card only when all of its items are to be skipped', () => {
    const outlines = [outlineOf(deck)];
    const skip = new Map([['d', new Set(['plain', 'gaps:c1', 'both-ways', 'both-ways:reverse'])]]);
    expect(itemRefs(outlines, skip).map((r) => r.key)).toEqual(['gaps:c1', 'gaps:c2', 'pick']);
    expect(itemRefs(outlines, new Map([['other', new Set(['plain'])]])).map((r) => r.key)).toHaveLength(6);
  });

  it('leave out the cards a filter refuses, from their outlines alone', () => {
    const outlines = [outlineOf(deck)];
    expect(
      itemRefs(outlines, new Map(), cardMatcher({ tags: ['XEN'], sections: [], types: [] })).map((r) => r.key),
    ).toEqual(['plain', 'gaps:c1', 'gaps:c2']);
    expect(
      itemRefs(outlines, new Map(), cardMatcher({ tags: [], sections: ['intro'], types: [] })).map((r) => r.key),
    ).toEqual(['both-ways', 'both-ways:reverse']);
    expect(
      itemRefs(outlines, new Map(), cardMatcher({ tags: [], sections: [], types: ['choice', 'cloze'] })).map(
        (r) => r.key,
      ),
    ).toEqual(['gaps:c1', 'gaps:c2', 'pick']);
    expect(itemRefs(outlines, new Map(), cardMatcher({ tags: [], sections: [], types: [], decks: ['other'] }))).toEqual(
      [],
    );
  });
});
