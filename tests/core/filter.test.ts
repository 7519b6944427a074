import { describe, expect, it } from 'vitest';
import { cardMatcher, describeNoMatch, filterItems, type DeckFilter } from '../../src/core/deck/filter.js';
import { deckItems } from '../../src/core/deck/items.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';

const deck = (id: string, cards: Card[]): Deck => ({ deck: id, title: id, lang: 'en', file: `${id}.yaml`, cards });
const items = [
  ...deckItems(
    deck('xen-notes', [
      { id: 'a', q: 'Q', a: 'A', tags: ['Boot'], section: 'Intro' },
      { id: 'b', type: 'truefalse', q: 'Q', answer: true },
    ]),
  ),
  ...deckItems(deck('kvm', [{ id: 'c', type: 'cloze', text: '{{KVM}} is in {{Linux}}', tags: ['boot'] }])),
];
const none: DeckFilter = { tags: [], sections: [], types: [] };

describe('the deck filter', () => {
  it.each([
    [{}, ['a', 'b', 'c:c1', 'c:c2']],
    [{ decks: ['kvm'] }, ['c:c1', 'c:c2']],
    [{ decks: ['XEN-NOTES', 'kvm'] }, ['a', 'b', 'c:c1', 'c:c2']],
    [{ decks: ['kvm'], tags: ['BOOT'] }, ['c:c1', 'c:c2']],
    [{ decks: ['xen-notes'], types: ['cloze'] }, []],
    [{ tags: ['boot'] }, ['a', 'c:c1', 'c:c2']],
    [{ sections: ['intro'] }, ['a']],
    [{ types: ['truefalse', 'cloze'] }, ['b', 'c:c1', 'c:c2']],
  ] as const)('%j keeps %j', (filter, keys) => {
    expect(filterItems(items, { ...none, ...filter }).map((i) => i.key)).toEqual(keys);
  });

  it('judges a card, its outline and its items alike', () => {
    const matches = cardMatcher({ ...none, tags: ['boot'], types: ['basic'] });
    expect(matches('d', { tags: ['Boot'] })).toBe(true); // a card without `type` is basic
    expect(matches('d', { tags: ['Boot'], type: 'cloze' })).toBe(false);
    expect(matches('d', {})).toBe(false);
  });

  it('names the decks there are when --deck matches none, in the screen language', () => {
    expect(describeNoMatch(items, { ...none, decks: ['hyperv'] })).toBe(
      'no questions match --deck hyperv (the decks have decks: kvm, xen-notes)',
    );
    expect(describeNoMatch(items, { ...none, decks: ['hyperv'] }, messagesFor('zh'))).toContain('卡组');
  });
});
