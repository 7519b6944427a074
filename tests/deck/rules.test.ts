import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.js';
import { readDeckBytes } from '../../src/io/deckFiles.js';
import { loadWholeDecks } from '../helpers/decks.js';

const loadDecks = (paths: string[]) => loadWholeDecks(paths, { cacheDir: null });

const invalid = (name: string) => `tests/fixtures/invalid/${name}.yaml`;

// One fixture per rule: the rule, where it points (line:column) and its severity.
const cases: Array<[fixture: string, rule: string, at: string, severity: 'error' | 'warning']> = [
  ['yaml-syntax', 'yaml-syntax', '5:8', 'error'], // where the unterminated quote opens, not where the file ends
  ['yaml-tab-indent', 'yaml-tab-indent', '5:1', 'error'],
  ['yaml-duplicate-key', 'yaml-duplicate-key', '7:5', 'error'],
  ['yaml-multiple-documents', 'yaml-multiple-documents', '7:1', 'error'],
  ['yaml-alias-limit', 'yaml-alias-limit', '4:8', 'error'],
  ['top-level-not-mapping', 'top-level-not-mapping', '1:1', 'error'],
  ['unknown-key', 'unknown-key', '5:5', 'error'],
  ['forbidden-key', 'forbidden-key', '7:5', 'error'],
  ['missing-field', 'missing-field', '4:5', 'error'],
  ['missing-cards', 'missing-field', '1:1', 'error'],
  ['no-cards', 'no-cards', '3:8', 'error'],
  ['invalid-type', 'invalid-type', '5:8', 'error'],
  ['invalid-id', 'invalid-id', '1:7', 'error'],
  ['invalid-card-id', 'invalid-id', '4:9', 'error'],
  ['invalid-lang', 'invalid-lang', '3:7', 'error'],
  ['unknown-card-type', 'unknown-card-type', '5:11', 'error'],
  ['duplicate-card-id', 'duplicate-card-id', '10:9', 'error'],
  ['choice-answer-not-in-choices', 'choice-answer-not-in-choices', '8:13', 'error'],
  ['choice-too-few', 'choice-too-few', '7:14', 'error'],
  ['choice-duplicate', 'choice-duplicate', '10:9', 'error'],
  ['truefalse-not-boolean', 'truefalse-not-boolean', '7:13', 'error'],
  ['cloze-no-deletion', 'cloze-no-deletion', '6:11', 'error'],
  ['cloze-empty-deletion', 'cloze-empty-deletion', '6:11', 'error'],
  ['control-character', 'control-character', '5:8', 'error'],
  ['answer-in-question', 'answer-in-question', '6:8', 'warning'],
  ['duplicate-question', 'duplicate-question', '8:8', 'warning'],
];

describe('validate rules', () => {
  it.each(cases)('%s reports %s at %s', async (fixture, rule, at, severity) => {
    const { diagnostics } = await loadDecks([invalid(fixture)]);
    expect(diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}/${d.severity}`)).toEqual([
      `${rule}@${at}/${severity}`,
    ]);
    expect(diagnostics[0]!.file).toBe(invalid(fixture));
    expect(diagnostics[0]!.message).not.toMatch(/\n|undefined|\[object/);
  });

  it('accepts the valid sample deck with no problem and applies defaults', async () => {
    const { decks, diagnostics } = await loadDecks(['tests/fixtures/valid']);
    expect(diagnostics).toEqual([]);
    expect(decks.map((d) => [d.deck, d.lang, d.cards.length])).toEqual([['sample', 'en', 4]]);
  });

  it('suggests the nearest known key, and does not also call the misspelt field missing', async () => {
    const [d] = (await loadDecks([invalid('unknown-key')])).diagnostics;
    expect(d!.message).toBe('unknown key "qestion" in card "one"; did you mean "q"?');
  });

  it('names the line of the first card with a duplicated id', async () => {
    expect((await loadDecks([invalid('duplicate-card-id')])).diagnostics[0]!.message).toContain('first used on line 4');
  });

  it('reports duplicate deck ids across files at the second file', async () => {
    const { diagnostics, decks } = await loadDecks(['tests/fixtures/dup-deck-ids']);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'tests/fixtures/dup-deck-ids/b.yaml:2:7 duplicate-deck-id',
    ]);
    expect(diagnostics[0]!.message).toContain('tests/fixtures/dup-deck-ids/a.yaml:2');
    expect(decks).toHaveLength(1);
  });

  it('reports every problem in a file, not only the first', async () => {
    const text = [
      'deck: many',
      'title: Many',
      'cards:',
      '  - id: a',
      '    q: First?',
      '  - id: b',
      '    type: truefalse',
      '    q: Second?',
      '    answer: maybe',
      '  - id: c',
      '    type: cloze',
      '    text: no deletion',
      '  - id: a',
      '    q: Third?',
      '    a: x',
    ].join('\n');
    const { diagnostics } = parseDeck('many.yaml', text);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '4:5 missing-field',
      '9:13 truefalse-not-boolean',
      '12:11 cloze-no-deletion',
      '13:9 duplicate-card-id',
    ]);
  });

  it('never lets __proto__ reach an object prototype', async () => {
    await loadDecks([invalid('forbidden-key')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds alias expansion in time and memory', async () => {
    const start = process.hrtime.bigint();
    const { diagnostics } = await loadDecks([invalid('yaml-alias-limit')]);
    expect(diagnostics[0]!.rule).toBe('yaml-alias-limit');
    // Not a timing assertion on speed, only that a 9^7-node expansion was never attempted.
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(10);
  });

  it.each([
    ['tests/fixtures/binary.yaml', 'file-binary', '1:10'],
    ['tests/fixtures/latin1.yaml', 'file-encoding', '1:10'],
  ])('refuses %s with %s', async (file, rule, at) => {
    const d = (await loadDecks([file])).diagnostics;
    expect(d.map((x) => `${x.rule}@${x.line}:${x.column}`)).toEqual([`${rule}@${at}`]);
  });

  it('refuses files over the size limit without reading them', async () => {
    const d = readDeckBytes('tests/fixtures/valid/sample.yaml', process.cwd(), 100);
    expect(Buffer.isBuffer(d) ? 'read' : d.rule).toBe('file-too-large');
    expect(Buffer.isBuffer(d) ? '' : d.message).toMatch(/limited to 100 bytes/);
  });

  it('throws a usage error for a path that does not exist', async () => {
    await expect(loadDecks(['tests/fixtures/nope.yaml'])).rejects.toThrow(/nope.yaml: no such file or directory/);
  });

  it('keeps the source text intact (fixtures are what the table says)', async () => {
    expect(readFileSync(invalid('yaml-tab-indent'), 'utf8')).toContain('\tq:');
  });
});
