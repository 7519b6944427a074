import { describe, expect, it } from 'vitest';
import { parseDeck, parseDeckWhole } from '../src/core/deck/parse.js';
import { markdownTable, median, syntheticDeck } from '../bench/lib.mjs';

describe('bench helpers', () => {
  it('generates a deck of N cards of all four types with no problems', () => {
    const source = syntheticDeck(400);
    const parsed = parseDeck('bench.yaml', source);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.deck?.cards).toHaveLength(400);
    const types = new Set(parsed.deck?.cards.map((c) => c.type ?? 'basic'));
    expect([...types].sort()).toEqual(['basic', 'choice', 'cloze', 'truefalse']);
    // The benchmark measures the same deck either reader would produce.
    expect(parsed).toEqual(parseDeckWhole('bench.yaml', source));
  });

  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints an aligned Markdown table', () => {
    expect(
      markdownTable(
        ['case', 'ms'],
        [
          ['a', '1.0'],
          ['longer', '22'],
        ],
      ),
    ).toBe(['| case   | ms  |', '|--------|-----|', '| a      | 1.0 |', '| longer | 22  |'].join('\n'));
  });
});
