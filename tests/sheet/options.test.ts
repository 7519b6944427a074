import { describe, expect, it } from 'vitest';
import { parsePrintOptions } from '../../src/core/sheet/options.js';

describe('parsePrintOptions', () => {
  it('has defaults: txt to stdout, key at the end, one version, A4, all questions', () => {
    expect(parsePrintOptions({})).toEqual({
      value: {
        format: 'txt',
        output: undefined,
        answers: 'end',
        versions: 1,
        seed: undefined,
        count: undefined,
        filter: { tags: [], sections: [], types: [], decks: [] },
        title: undefined,
        paper: 'a4',
        date: undefined,
        browser: undefined,
      },
    });
  });

  it.each([
    [{ output: 'sheet.html' }, 'html'],
    [{ output: 'sheet.PDF' }, 'pdf'],
    [{ output: 'sheet.md' }, 'md'],
    [{ output: 'sheet.json' }, 'json'],
    [{ output: 'sheet' }, 'txt'],
    [{ output: 'sheet.pdf', format: 'html' }, 'html'],
    [{ format: 'JSON' }, 'json'],
  ])('format from %j is %s', (input, format) => {
    expect(parsePrintOptions(input)).toMatchObject({ value: { format } });
  });

  it('splits comma lists and checks card types', () => {
    expect(parsePrintOptions({ tag: ['a,b', 'c'], section: ['x'], type: ['Choice,cloze', 'choice'] })).toMatchObject({
      value: { filter: { tags: ['a', 'b', 'c'], sections: ['x'], types: ['choice', 'cloze'] } },
    });
  });

  it.each([
    [{ output: 'sheet.docx', format: 'txt' }, 'txt'],
    [{ output: 'SHEET.HTM' }, 'html'],
    [{ output: 'sheet' }, 'txt'],
    [{ output: 'notes.d/sheet' }, 'txt'],
  ])('%j prints as %s', (input, format) => {
    const parsed = parsePrintOptions(input);
    expect('value' in parsed && parsed.value.format).toBe(format);
  });

  it.each([
    [{ versions: '0' }, '--versions "0" is not a whole number from 1 to 26; use e.g. --versions 2'],
    [{ versions: '27' }, '--versions "27" is not a whole number from 1 to 26; use e.g. --versions 2'],
    [{ versions: '1.5' }, '--versions "1.5" is not a whole number from 1 to 26; use e.g. --versions 2'],
    [{ count: '0' }, '-n "0" is not a positive whole number; use e.g. -n 20'],
    [{ count: 'ten' }, '-n "ten" is not a positive whole number; use e.g. -n 20'],
    [{ paper: 'a5' }, '--paper "a5" is not valid; use one of a4, letter'],
    [{ answers: 'after' }, '--answers "after" is not valid; use one of end, inline, none, only'],
    [{ format: 'docx' }, '--format "docx" is not an output format; use one of html, md, txt, json, pdf'],
    [{ format: 'pdf' }, '--format pdf needs an output file: add -o sheet.pdf'],
    [
      { output: 'sheet.docx' },
      '-o "sheet.docx": ".docx" is not an output format; name the file .html, .md, .txt, .json or .pdf, or choose one with --format',
    ],
    [
      { output: 'out/v1.2' },
      '-o "out/v1.2": ".2" is not an output format; name the file .html, .md, .txt, .json or .pdf, or choose one with --format',
    ],
    [
      { type: ['essay'] },
      '--type "essay" is not a card type; use one or more of basic, choice, truefalse, cloze, order',
    ],
    [{ seed: ' ' }, '--seed must not be empty; use any word or number, e.g. --seed 42'],
    [{ title: '' }, '--title must not be empty'],
  ])('%j is refused with one sentence', (input, error) => {
    expect(parsePrintOptions(input)).toEqual({ error });
  });
});
