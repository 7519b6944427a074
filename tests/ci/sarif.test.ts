import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/deck/diagnostic.js';
import { artifactLocation, formatSarif } from '../../src/core/deck/sarif.js';
import { runCli } from '../helpers/cli.js';

/*
 * The SARIF 2.1.0 schema (OASIS, revision rtm.5) as the npm package @microsoft/jest-sarif ships
 * it (lib/schemas/sarif-2.1.0-rtm.5.json), copied here so the test needs no network. It is
 * draft-04 JSON Schema; Ajv 8 reads it once its draft-04 `id` and `$schema` are dropped, which
 * changes no constraint.
 */
const schemaText = readFileSync(resolve(import.meta.dirname, 'fixtures/sarif-2.1.0-rtm.5.json'), 'utf8');
const { $schema: _draft, id: _id, ...sarifSchema } = JSON.parse(schemaText) as Record<string, unknown>;
// unicodeRegExp off: the schema's `language` pattern has a stray `]`, valid only without the u flag.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
const validateSarif = ajv.compile(sarifSchema);

const expectValidSarif = (text: string) => {
  const log = JSON.parse(text);
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
  return log;
};

const diagnostic = (
  file: string,
  line: number,
  column: number,
  severity: 'error' | 'warning',
  rule: string,
  message: string,
): Diagnostic => ({ file, line, column, severity, rule, message });

describe('formatSarif', () => {
  it('gives one rule per rule name, results with level, message and file/line/column, valid against the SARIF 2.1.0 schema', () => {
    const log = expectValidSarif(
      formatSarif(
        [
          diagnostic(
            'decks/a.yaml',
            4,
            9,
            'error',
            'duplicate-card-id',
            'duplicate card id "one"; it is first used on line 2',
          ),
          diagnostic('decks/a.yaml', 9, 5, 'warning', 'answer-in-question', 'the answer "x" appears verbatim'),
          diagnostic('decks/b.yaml', 1, 1, 'error', 'duplicate-card-id', 'again'),
        ],
        { name: 'quizdeck', version: '1.2.3' },
      ),
    );
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'quizdeck', version: '1.2.3' });
    expect(
      run.tool.driver.rules.map((r: { id: string; defaultConfiguration: { level: string } }) => [
        r.id,
        r.defaultConfiguration.level,
      ]),
    ).toEqual([
      ['duplicate-card-id', 'error'],
      ['answer-in-question', 'warning'],
    ]);
    expect(run.results[1]).toEqual({
      ruleId: 'answer-in-question',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'the answer "x" appears verbatim' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'decks/a.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 9, startColumn: 5 },
          },
        },
      ],
    });
    expect(run.results[2].ruleIndex).toBe(0);
  });

  it('is a valid log with no results when there are no problems', () => {
    const log = expectValidSarif(formatSarif([], { name: 'quizdeck', version: '0.1.0' }));
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    // The schema check itself has teeth: a level SARIF does not have, a result without a message.
    expect(
      validateSarif({
        ...log,
        runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: { text: 'm' } }] }],
      }),
    ).toBe(false);
    expect(validateSarif({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x' }] }] })).toBe(false);
  });

  it('keeps deck text in messages from carrying terminal escapes or line breaks', () => {
    const log = expectValidSarif(
      formatSarif([diagnostic('d.yaml', 1, 1, 'error', 'unknown-key', 'unknown key "\u001b[2J\nx\u202e"')], {
        name: 'quizdeck',
        version: '0',
      }),
    );
    expect(log.runs[0].results[0].message.text).toBe('unknown key "^[[2J\\nx\\u{202e}"');
  });

  it.each([
    ['decks/a.yaml', { uri: 'decks/a.yaml', uriBaseId: '%SRCROOT%' }],
    ['./decks/a.yaml', { uri: 'decks/a.yaml', uriBaseId: '%SRCROOT%' }],
    ['decks\\win.yaml', { uri: 'decks/win.yaml', uriBaseId: '%SRCROOT%' }],
    ['my decks/#1?.yaml', { uri: 'my%20decks/%231%3F.yaml', uriBaseId: '%SRCROOT%' }],
    ['../shared/x.yml', { uri: '../shared/x.yml', uriBaseId: '%SRCROOT%' }],
    ['/home/me/decks/a.yaml', { uri: 'file:///home/me/decks/a.yaml' }],
    ['C:\\decks\\a b.yaml', { uri: 'file:///C:/decks/a%20b.yaml' }],
    ['数据/卡片.yaml', { uri: '%E6%95%B0%E6%8D%AE/%E5%8D%A1%E7%89%87.yaml', uriBaseId: '%SRCROOT%' }],
  ])('artifactLocation(%j)', (file, expected) => {
    expect(artifactLocation(file)).toEqual(expected);
  });
});

describe('quizdeck validate --format sarif (built binary)', () => {
  it('prints a valid SARIF log of the problems and keeps the exit codes of the other formats', () => {
    const r = runCli([
      'validate',
      '--format',
      'sarif',
      'tests/fixtures/invalid/duplicate-card-id.yaml',
      'tests/fixtures/invalid/answer-in-question.yaml',
    ]);
    expect(r.code).toBe(1);
    const log = expectValidSarif(r.stdout);
    const results = log.runs[0].results.map(
      (x: {
        ruleId: string;
        level: string;
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[];
      }) => [
        x.ruleId,
        x.level,
        x.locations[0]!.physicalLocation.artifactLocation.uri,
        x.locations[0]!.physicalLocation.region,
      ],
    );
    expect(results).toContainEqual([
      'duplicate-card-id',
      'error',
      'tests/fixtures/invalid/duplicate-card-id.yaml',
      { startLine: 10, startColumn: 9 },
    ]);
    expect(results.some(([rule, level]: string[]) => rule === 'answer-in-question' && level === 'warning')).toBe(true);
    expect(runCli(['validate', '-f', 'sarif', 'tests/fixtures/valid']).code).toBe(0);
    expectValidSarif(runCli(['validate', '-f', 'sarif', 'tests/fixtures/valid']).stdout);
  });
});
