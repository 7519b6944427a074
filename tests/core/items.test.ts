import { describe, expect, it } from 'vitest';
import { parseCloze, renderCloze } from '../../src/core/deck/cloze.js';
import { expandCard, itemAnswerText, itemKeys } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';

const deck = { deck: 'd' };

describe('cloze', () => {
  it('parses deletions with hints', () => {
    expect(parseCloze('KVM joined Linux {{2.6.20::version}} in {{2007}}.')).toEqual([
      { kind: 'text', text: 'KVM joined Linux ' },
      { kind: 'deletion', index: 0, answer: '2.6.20', hint: 'version', offset: 17 },
      { kind: 'text', text: ' in ' },
      { kind: 'deletion', index: 1, answer: '2007', hint: undefined, offset: 40 },
      { kind: 'text', text: '.' },
    ]);
  });
  it('hides only the target deletion', () => {
    const text = 'KVM joined Linux {{2.6.20::version}} in {{2007}}.';
    expect(renderCloze(text, 0)).toBe('KVM joined Linux [version] in 2007.');
    expect(renderCloze(text, 1)).toBe('KVM joined Linux 2.6.20 in [...].');
  });
});

describe('expandCard', () => {
  it('gives a reverse basic card two items keyed on its id', () => {
    const items = expandCard(deck, {
      id: 'vmk',
      q: 'ESX hypervisor?',
      a: 'VMkernel',
      accept: ['the VMkernel'],
      reverse: true,
    });
    expect(items.map((i) => [i.key, i.prompt, itemAnswerText(i)])).toEqual([
      ['vmk', 'ESX hypervisor?', 'VMkernel'],
      ['vmk:reverse', 'VMkernel', 'ESX hypervisor?'],
    ]);
  });
  it('gives a cloze card one item per deletion', () => {
    const items = expandCard(deck, { id: 'kvm', type: 'cloze', text: '{{KVM}} is in {{Linux}}' });
    expect(items.map((i) => [i.key, i.prompt, itemAnswerText(i)])).toEqual([
      ['kvm:c1', '[...] is in Linux', 'KVM'],
      ['kvm:c2', 'KVM is in [...]', 'Linux'],
    ]);
  });
  it('lists every correct choice and states true/false', () => {
    const [choice] = expandCard(deck, {
      id: 'q',
      type: 'choice',
      q: 'Which use QEMU?',
      choices: ['Xen', 'KVM', 'ESX'],
      answer: ['Xen', 'KVM'],
    });
    expect(itemAnswerText(choice!)).toBe('Xen; KVM');
    const [tf] = expandCard(deck, { id: 't', type: 'truefalse', q: 'Xen PV needs VT-x', answer: false });
    expect(itemAnswerText(tf!)).toBe('False');
  });
});

describe('itemKeys', () => {
  it.each<[string, Card]>([
    ['basic', { id: 'a', q: 'q', a: 'a' }],
    ['reverse', { id: 'a', q: 'q', a: 'a', reverse: true }],
    ['choice', { id: 'c', type: 'choice', q: 'q', choices: ['x', 'y'], answer: 'x' }],
    ['truefalse', { id: 't', type: 'truefalse', q: 'q', answer: true }],
    ['cloze', { id: 'z', type: 'cloze', text: '{{a}} {{b::hint}} {{c}}' }],
  ])('gives the keys expandCard gives (%s)', (_, card) => {
    expect(itemKeys(card)).toEqual(expandCard(deck, card).map((i) => i.key));
  });
});
