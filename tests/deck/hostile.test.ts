import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_MESSAGE_LENGTH } from '../../src/core/deck/diagnostic.js';
import { parseDeck } from '../../src/core/deck/parse.js';
import { formatGithub, formatJson, formatText, summary } from '../../src/core/deck/report.js';

/*
 * Decks written to attack the terminal or the validator (issue 9, items 7, 9 and 10): what a
 * person sees must be the problem, on its own line, with nothing the terminal would obey.
 */

const header = 'deck: hostile\ntitle: Hostile\ncards:\n';
const deck = (cards: string) => `${header}${cards}`;
// Anything a terminal acts on: C0 and C1 controls, DEL, bidi embeddings, overrides and isolates.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal escapes in validate output (item 7)', () => {
  // A key that retitles and clears the terminal, then forges a diagnostic line of another file.
  const key = '"\\e]0;pwned\\a\\e[2Jx\\nother.yaml:1:1  error  unknown-key  forged"';
  const source = deck(
    `  - id: one\n    q: Q?\n    a: A\n    ${key}: 1\n  - id: "\\e]52;c;cHduZWQ=\\a"\n    q: Other?\n    a: B\n`,
  );
  const { diagnostics } = parseDeck('deck.yaml', source);

  it('reports the key and the card id, and keeps them as data in JSON', () => {
    expect(diagnostics.map((d) => d.rule)).toEqual(['unknown-key', 'invalid-id', 'control-character']);
    const json = JSON.parse(formatJson(diagnostics)) as Array<{ message: string }>;
    expect(json[0]!.message).toContain('\\u001b]0;pwned');
    expect(json[1]!.message).toContain('\\u001b]52;c;');
  });

  it.each([
    ['text', () => formatText(diagnostics, 1)],
    ['github', () => formatGithub(diagnostics)],
  ])('%s output has no raw control character and one line per problem', (_, format) => {
    const out = format();
    expect(out).not.toMatch(RAW_CONTROL);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('other.yaml') || l.startsWith('::error file=other.yaml'))).toEqual([]);
    expect(lines.filter((l) => /unknown-key/.test(l))).toHaveLength(1);
  });

  it('neutralises file names and bidi overrides in text and github output', () => {
    const file = 'evil\u202egnp.yaml\n\u001b[31mfake.yaml';
    const { diagnostics: d } = parseDeck(file, deck('  - id: one\n    q: Q?\n'));
    for (const out of [formatText(d, 1), formatGithub(d)]) {
      expect(out).not.toMatch(RAW_CONTROL);
      expect(out).toContain('evil\\u{202e}gnp.yaml\\n^[[31mfake.yaml');
    }
  });

  it.each([
    ['title', 'title: "Bell \\a title"', 'control-character', 2],
    ['description', 'description: "rtl \\u202e text"', 'control-character', 3],
    ['source', 'source: "\\e[2J"', 'control-character', 3],
    ['tags', 'tags: [ok, "\\e]0;x\\a"]', 'control-character', 3],
    ['title of spaces', 'title: "   "', 'empty-value', 2],
  ])('refuses a deck header %s with %s', (_, field, rule, line) => {
    const lines = ['deck: hostile', 'title: Hostile', 'cards:', '  - id: one', '    q: Q?', '    a: A'];
    if (field.startsWith('title')) lines[1] = field;
    else lines.splice(2, 0, field);
    const { diagnostics: d, deck: loaded } = parseDeck('deck.yaml', lines.join('\n'));
    expect(d.map((x) => `${x.rule}@${x.line}`)).toEqual([`${rule}@${line}`]);
    expect(loaded).toBeUndefined();
  });
});

describe('many problems and long deck text (item 9)', () => {
  // Each unknown key used to re-parse its card to find its line: 1,000 keys took 36 s, so these
  // 5,000 would run for minutes (far past the test timeout). Linear now: milliseconds.
  it(`keeps ${MAX_DIAGNOSTICS_PER_FILE} problems of a card with 5,000 unknown keys and counts the rest`, () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `    extra-${i}: v\n`).join('');
    const { diagnostics } = parseDeck('many.yaml', deck(`  - id: one\n    q: Q?\n    a: A\n${keys}`));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(diagnostics[0]).toMatchObject({ line: 7, column: 5, rule: 'unknown-key' });
    expect(diagnostics.at(-2)).toMatchObject({ line: 106, rule: 'unknown-key' });
    expect(diagnostics.at(-1)).toMatchObject({ line: 107, column: 5, severity: 'error', rule: 'too-many-problems' });
    expect(diagnostics.at(-1)!.message).toBe(
      '… and 4900 more problems in this file (4900 errors, 0 warnings), not shown; fix these first',
    );
    expect(summary(diagnostics, 1)).toBe('✖ 5000 problems (5000 errors, 0 warnings) in 1 file; 1 file checked');
  });

  it('gives the same capped report when the card is read whole (anchors force it)', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `    "extra-${i}": &a${i} v\n`).join('');
    const { diagnostics } = parseDeck('many.yaml', deck(`  - id: one\n    q: Q?\n    a: A\n${keys}`));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    expect(diagnostics.at(-1)!.message).toMatch(/^… and 2900 more problems/);
  });

  it.each([
    [
      'an answer in its question',
      `  - id: one\n    q: Is it ${'w'.repeat(1 << 20)}?\n    a: ${'w'.repeat(1 << 20)}\n`,
      'answer-in-question',
    ],
    // YAML allows keys of up to 1,024 characters.
    ['an unknown key', `  - id: one\n    q: Q?\n    a: A\n    ${'k'.repeat(1000)}: 1\n`, 'unknown-key'],
    ['a bad card id', `  - id: ${'X'.repeat(100_000)}\n    q: Q?\n    a: A\n`, 'invalid-id'],
    [
      'a choice not in the list',
      `  - id: one\n    type: choice\n    q: Q?\n    choices: [a, b]\n    answer: ${'c'.repeat(100_000)}\n`,
      'choice-answer-not-in-choices',
    ],
  ])('cuts %s quoted in a message', (_, cards, rule) => {
    const { diagnostics } = parseDeck('long.yaml', deck(cards));
    expect(diagnostics.map((d) => d.rule)).toEqual([rule]);
    expect(diagnostics[0]!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(diagnostics[0]!.message).toContain('…');
  });
});

describe('smaller hostile inputs (item 10)', () => {
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  it.each([
    ['a list nested 200 deep', deck(`  - id: one\n    q: Q?\n    a: A\n    why: ${nested(200)}\n`), 'yaml-too-deep', 7],
    [
      'a list nested 20,000 deep',
      deck(`  - id: one\n    q: Q?\n    a: A\n    why: ${nested(20_000)}\n`),
      'yaml-too-deep',
      7,
    ],
    [
      'mappings nested 3,000 deep by indentation',
      deck(
        `  - id: one\n    q: Q?\n    a: A\n    why:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(6 + i)}k:`).join('\n')} x\n`,
      ),
      'yaml-too-deep',
      undefined,
    ],
    ['CR-only line endings', 'deck: cr\rtitle: CR\rcards:\r  - id: one\r    q: Q?\r    a: A\r', 'file-line-endings', 1],
    ['a question of spaces', deck('  - id: one\n    q: "   "\n    a: A\n'), 'empty-value', 5],
    [
      'an answer of a tab and an ideographic space',
      deck('  - id: one\n    q: Q?\n    a: "\\t\\u3000"\n'),
      'empty-value',
      6,
    ],
    [
      'a choice of spaces',
      deck('  - id: one\n    type: choice\n    q: Q?\n    choices: [a, " "]\n    answer: a\n'),
      'empty-value',
      7,
    ],
    ['a nested cloze deletion', deck('  - id: one\n    type: cloze\n    text: "a {{ {{x}} }} b"\n'), 'cloze-nested', 6],
  ])('%s', (_, source, rule, line) => {
    const { diagnostics, deck: loaded } = parseDeck('odd.yaml', source);
    expect(diagnostics.map((d) => d.rule)).toEqual([rule]);
    if (line !== undefined) expect(diagnostics[0]!.line).toBe(line);
    expect(diagnostics[0]!.message).not.toMatch(/call stack|empty;|this file is empty/i);
    expect(loaded).toBeUndefined();
  });

  it('says where nesting goes too deep and that it is nesting', () => {
    const { diagnostics } = parseDeck('deep.yaml', deck(`  - id: one\n    q: Q?\n    a: A\n    why: ${nested(200)}\n`));
    expect(diagnostics[0]).toMatchObject({ line: 7, column: 107 });
    expect(diagnostics[0]!.message).toMatch(/^nested too deeply/);
  });

  it('still reads decks with a little nesting and CRLF line endings', () => {
    expect(parseDeck('ok.yaml', deck('  - id: one\n    q: Q?\n    a: A\n    tags: [x, y]\n')).diagnostics).toEqual([]);
    expect(
      parseDeck('crlf.yaml', deck('  - id: one\n    q: Q?\n    a: A\n').replace(/\n/g, '\r\n')).diagnostics,
    ).toEqual([]);
  });
});
