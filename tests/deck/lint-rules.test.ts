import { describe, expect, it } from 'vitest';
import { parseDeck, splitNumbers } from '../../src/core/deck/parse.js';

// Issue 11.4: rules that would have caught the defects found in the bundled decks.
const deck = (cards: string) => `deck: d\ntitle: D\ncards:\n${cards}`;
const found = (text: string) =>
  parseDeck('d.yaml', text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

describe('lint rules for card content', () => {
  it.each([
    [
      'a list item YAML split at a thousands separator',
      '  - id: a\n    q: How big?\n    a: Small\n    accept: [fewer than 150,000 lines, tiny]\n',
      ['7:28 error list-split-number'],
    ],
    [
      'the same split in choices, with 1,000,000 (two commas)',
      '  - id: a\n    type: choice\n    q: How many?\n    choices: [1,000,000, none]\n    answer: none\n',
      ['7:16 error list-split-number', '7:20 error list-split-number', '7:21 error choice-duplicate'],
    ],
    [
      'a quoted item is not split',
      '  - id: a\n    q: How big?\n    a: Small\n    accept: ["fewer than 150,000 lines", \'1,000\']\n',
      [],
    ],
    [
      'an item list with a comma and a space is two items, as meant',
      '  - id: a\n    q: Which?\n    a: Xen\n    accept: [5, 000]\n',
      [],
    ],
    [
      'an accept entry equal to the answer',
      '  - id: a\n    q: Which hypervisor?\n    a: The VMkernel\n    accept: [the vmkernel.]\n',
      ['7:14 warning accept-repeats-answer'],
    ],
    [
      'a repeated accept entry',
      '  - id: a\n    q: Which hypervisor?\n    a: VMkernel\n    accept: [vmk, VMK, kernel]\n',
      ['7:19 warning accept-duplicate'],
    ],
    [
      'a multi-select with one wrong choice',
      '  - id: a\n    type: choice\n    q: Which run on x86?\n    choices: [ESX, Xen, KVM, Hyper-V]\n    answer: [ESX, Xen, KVM]\n',
      ['8:13 warning choice-one-wrong'],
    ],
    [
      'a multi-select with two wrong choices is fine',
      '  - id: a\n    type: choice\n    q: Which run on x86?\n    choices: [ESX, Xen, KVM, Hyper-V, VMBus]\n    answer: [ESX, Xen, KVM]\n',
      [],
    ],
    [
      'a why that only repeats the answer',
      '  - id: a\n    q: Which hypervisor?\n    a: VMkernel\n    why: The VMkernel.\n',
      ['7:10 warning why-repeats-answer'],
    ],
    [
      'a why that explains',
      '  - id: a\n    q: Which hypervisor?\n    a: VMkernel\n    why: ESX boots Linux first, which then loads the VMkernel.\n',
      [],
    ],
    [
      'a choice why that only names the right choice',
      '  - id: a\n    type: choice\n    q: Which one?\n    choices: [Parent partition, Child partition]\n    answer: Parent partition\n    why: parent partition\n',
      ['9:10 warning why-repeats-answer'],
    ],
  ])('%s', (_, cards, expected) => {
    expect(found(deck(cards)).sort()).toEqual([...expected].sort());
  });

  it('a split list makes the deck unusable, as any error does', () => {
    expect(
      parseDeck('d.yaml', deck('  - id: a\n    q: How big?\n    a: Small\n    accept: [150,000]\n')).deck,
    ).toBeUndefined();
  });

  it('reads the text once: 100k lines of lists in linear time', () => {
    const line = '    accept: [a, "b, c", 1,2]\n';
    expect(splitNumbers('d.yaml', line.repeat(100_000))).toEqual([]);
  });
});
