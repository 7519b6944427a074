import { describe, expect, it } from 'vitest';
import { renderDelimited, parseDelimited } from '../../src/core/interchange/csv.js';
import { parseRows } from '../../src/core/interchange/delimited.js';
import { asValidDeck, EDGE, fixture, loadDeck, SAMPLE } from './helpers.js';

describe('CSV/TSV export', () => {
  it('writes front, back, tags and names what it cannot carry', () => {
    const { text, losses } = renderDelimited([loadDeck(SAMPLE)], ',');
    expect(text).toBe(fixture('sample.csv'));
    expect([...new Set(losses.map((l) => l.what))]).toEqual([
      'the reverse direction (reverse: true)',
      'accepted alternative answers (accept)',
      'the explanation (why)',
      'the section',
    ]);
  });

  it('quotes separators, quotes and keeps each card on one line', () => {
    const rows = parseRows(renderDelimited([loadDeck(EDGE)], ',').text, ',');
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.fields.length === 3)).toBe(true);
    expect(rows[1]!.fields).toEqual([
      'Is <b>bold</b> & "quoted" text kept as typed?',
      'Yes, <b> stays literal',
      'html two_words',
    ]);
    expect(rows[5]!.fields[0]).toBe('Two lines: the first and the second?');
    expect(rows[4]!.fields).toEqual([
      '[colour], [...] and [colour] make white light; } and # stay plain.',
      'Red; green; blue',
      '',
    ]);
    const edge = renderDelimited([loadDeck(EDGE)], ',').losses;
    expect(edge.filter((l) => /line breaks|tags/.test(l.what))).toEqual([
      { deckId: 'edge-cases', cardId: 'html-specials', what: 'spaces in tags (written as _)' },
      { deckId: 'edge-cases', cardId: 'multiline', what: 'line breaks (written as spaces)' },
    ]);
    const tsv = renderDelimited([loadDeck(EDGE)], '\t').text;
    expect(tsv.split('\n')[2]).toBe('Which of these are prime numbers? (A. 2; B. 3; C. 4; D. 5; E. 6)\t2; 3; 5\t');
  });
});

describe('CSV/TSV import', () => {
  it('reads a Quizlet-style CSV: header skipped, quoted commas, quotes and line breaks', () => {
    const { cards, messages } = parseDelimited(fixture('quizlet.csv'), ',');
    asValidDeck(cards);
    expect(cards).toEqual([
      {
        id: 'photosynthesis',
        q: 'photosynthesis',
        a: 'the process by which plants make sugar from light, water and CO2',
      },
      { id: 'chlorophyll-a', q: 'chlorophyll, a', a: 'the main green pigment' },
      { id: 'stomata', q: 'stomata', a: 'pores on a leaf\nthrough which gas is exchanged' },
      { id: 'dark-reactions', q: '"dark" reactions', a: 'the Calvin cycle' },
    ]);
    expect(messages).toEqual(['line 6: an empty back; skipped']);
  });

  it('reads two-column TSV with a third column of tags', () => {
    const { cards } = parseDelimited(fixture('two-columns.tsv'), '\t');
    expect(cards).toEqual([
      { id: 'osmosis', q: 'osmosis', a: 'diffusion of water across a membrane', tags: ['biology', 'transport'] },
      { id: 'mitosis', q: 'mitosis', a: 'cell division giving two identical cells', tags: ['biology'] },
    ]);
  });
});

describe('CSV/TSV round trip', () => {
  it('YAML -> CSV/TSV -> YAML keeps every front, back and tag, as basic cards', () => {
    for (const separator of [',', '\t'] as const) {
      const deck = loadDeck(EDGE);
      const { text, losses } = renderDelimited([deck], separator);
      const { cards, messages } = parseDelimited(text, separator);
      expect(messages).toEqual([]);
      asValidDeck(cards);
      expect(cards).toHaveLength(deck.cards.length);
      // Each front and back as written (a line break as a space), each tag (a space inside one as _).
      const rows = parseRows(text, separator);
      expect(cards.map((c) => [(c as { q: string }).q, (c as { a: string }).a, c.tags ?? []])).toEqual(
        rows.map((r) => [r.fields[0], r.fields[1], r.fields[2] ? r.fields[2].split(' ') : []]),
      );
      const basic = deck.cards.find((c) => c.id === 'gift-specials') as { q: string; a: string };
      expect(cards[0]).toEqual({ id: 'in-gift-which-characters-are-special', q: basic.q, a: basic.a });
      expect(cards[1]!.tags).toEqual(['html', 'two_words']);
      expect(losses.every((l) => !l.whole)).toBe(true);
    }
  });
});
