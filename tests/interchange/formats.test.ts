import { describe, expect, it } from 'vitest';
import { detectImportFormat, parseExportFormat } from '../../src/core/interchange/formats.js';
import { describeLosses } from '../../src/core/interchange/losses.js';

describe('parseExportFormat', () => {
  it.each([
    ['gift', undefined, { value: 'gift' }],
    ['Moodle', undefined, { value: 'moodle-xml' }],
    [undefined, 'deck.apkg', { value: 'apkg' }],
    [undefined, 'out/cards.txt', { value: 'anki' }],
    [undefined, 'quiz.XML', { value: 'moodle-xml' }],
    [undefined, 'cards.tsv', { value: 'tsv' }],
    ['csv', 'cards.txt', { value: 'csv' }],
    ['pdf', undefined, { error: '--to must be one of anki, apkg, gift, moodle-xml, csv, tsv (got "pdf")' }],
    [undefined, undefined, { error: 'say which format with --to (anki, apkg, gift, moodle-xml, csv, tsv)' }],
    [
      undefined,
      'deck.docx',
      {
        error:
          'say which format with --to (anki, apkg, gift, moodle-xml, csv, tsv); the extension of deck.docx does not name one',
      },
    ],
  ])('--to %s -o %s', (to, output, expected) => {
    expect(parseExportFormat(to, output)).toEqual(expected);
  });
});

describe('detectImportFormat', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['a.apkg', 'PK\u0003\u0004rest', 'apkg'],
    ['a.bin', 'PK\u0003\u0004rest', 'apkg'],
    ['q.gift', 'anything', 'gift'],
    ['q.txt', '::t::Question{=a}', 'gift'],
    ['q.txt', 'Is it?{TRUE}', 'gift'],
    ['n.txt', '#separator:tab\n#html:true\na\tb\n', 'anki'],
    ['n.txt', 'a\tb\n', 'anki'],
    ['n.txt', 'a,b\n', 'csv'],
    ['c.csv', 'a\tb\n', 'csv'],
    ['c.tsv', 'a\tb\n', 'tsv'],
    ['n.txt', 'Lyon is in {{c1::France}}.\t\n', 'anki'],
  ])('%s %j -> %s', (path, text, format) => {
    expect(detectImportFormat(path, bytes(text), () => text)).toBe(format);
  });
});

describe('describeLosses', () => {
  it('gives one line per kind of loss, naming the first five cards', () => {
    const losses = [
      ...Array.from({ length: 7 }, (_, i) => ({ deckId: 'd', cardId: `c${i}`, what: 'the explanation (why)' })),
      { deckId: 'd', cardId: 'x', what: 'an order card (no GIFT question type for it)', whole: true },
    ];
    expect(describeLosses('GIFT', losses)).toEqual([
      'GIFT cannot carry the explanation (why): left out of 7 cards (d/c0, d/c1, d/c2, d/c3, d/c4 and 2 more)',
      'GIFT cannot carry an order card (no GIFT question type for it): left out of 1 card (d/x)',
    ]);
    expect(describeLosses('GIFT', [])).toEqual([]);
  });
});
