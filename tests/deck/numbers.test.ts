import { describe, expect, it } from 'vitest';
import { parseDeck, parseDeckWhole } from '../../src/core/deck/parse.js';
import { readPlainCard } from '../../src/core/deck/plain-card.js';
import type { BasicCard, ChoiceCard } from '../../src/core/deck/schema.js';

// Answers written as YAML numbers (issue 10): read as the text of the number, by both ways a
// deck is parsed: card by card (the fast reader hands numbers to yaml) and whole.
const DECK = `deck: numbers
title: Numbers
cards:
  - id: year
    q: When was Xen first released?
    a: 2003
  - id: four
    q: How many hypervisors does the document compare?
    a: 4
    accept: [four, 4.0]
  - id: version
    q: Which Linux version merged KVM?
    a: "2.6.20"
  - id: count
    type: choice
    q: How many rings does x86 have?
    choices: [2, 3, 4]
    answer: 4
  - id: several
    type: choice
    q: Which are even?
    choices: [1, 2, 3, 4]
    answer: [2, 4]
`;

describe('numbers as answers', () => {
  it.each([
    ['card by card', parseDeck],
    ['whole', parseDeckWhole],
  ])('are valid and read as text (%s)', (_how, parse) => {
    const result = parse('numbers.yaml', DECK);
    // (4.0 is read as "4", the answer itself: accept-repeats-answer says so, as a warning)
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [year, four, version, count, several] = result.deck!.cards as [
      BasicCard,
      BasicCard,
      BasicCard,
      ChoiceCard,
      ChoiceCard,
    ];
    expect(year.a).toBe('2003');
    expect(four).toMatchObject({ a: '4', accept: ['four', '4'] });
    expect(version.a).toBe('2.6.20');
    expect(count).toMatchObject({ choices: ['2', '3', '4'], answer: '4' });
    expect(several).toMatchObject({ choices: ['1', '2', '3', '4'], answer: ['2', '4'] });
  });

  it('are left to yaml by the fast card reader, which reads them the same way', () => {
    const card = '  - id: year\n    q: When?\n    a: 2003\n';
    expect(readPlainCard(card, 0, card.length)).toBeUndefined();
    const list = '  - id: four\n    q: How many?\n    a: four\n    accept: [4, four]\n';
    expect(readPlainCard(list, 0, list.length)).toBeUndefined();
  });

  it.each([
    ['a list', '    a: [2003]\n', /`a` must be a string, got a list/],
    ['a boolean', '    a: true\n', /`a` must be a string, got boolean true/],
    ['infinity', '    a: .inf\n', /`a` must be a string, got number Infinity/],
  ])('still refuses %s as an answer', (_what, line, message) => {
    const result = parseDeck('bad.yaml', `deck: bad\ntitle: Bad\ncards:\n  - id: x\n    q: When?\n${line}`);
    expect(result.deck).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(message);
  });

  it('takes a deck-level lenient flag for quizzes', () => {
    const result = parseDeck('l.yaml', 'deck: l\ntitle: L\nlenient: true\ncards:\n  - id: x\n    q: Q?\n    a: A\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.deck!.lenient).toBe(true);
    expect(
      parseDeck('l.yaml', 'deck: l\ntitle: L\nlenient: yes please\ncards:\n  - id: x\n    q: Q?\n    a: A\n')
        .diagnostics[0]!.message,
    ).toMatch(/lenient/);
  });
});
