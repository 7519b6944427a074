import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const require = createRequire(import.meta.url);

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('quizdeck validate (built binary)', () => {
  it('exits 0 on a valid deck and says so', () => {
    const r = runCli(['validate', 'tests/fixtures/valid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 1 file checked, no problems\n');
  });

  it('exits 1 and prints FILE:LINE:COL  severity  rule  message for each problem, then a summary', () => {
    const r = runCli([
      'validate',
      'tests/fixtures/invalid/duplicate-card-id.yaml',
      'tests/fixtures/invalid/unknown-key.yaml',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'tests/fixtures/invalid/duplicate-card-id.yaml:10:9  error  duplicate-card-id  duplicate card id "one"; it is first used on line 4',
      'tests/fixtures/invalid/unknown-key.yaml:5:5  error  unknown-key  unknown key "qestion" in card "one"; did you mean "q"?',
      '✖ 2 problems (2 errors, 0 warnings) in 2 files; 2 files checked',
      '',
    ]);
  });

  it('checks every file of a directory and reports all of them', () => {
    const r = runCli(['validate', 'tests/fixtures/invalid']);
    expect(r.code).toBe(1);
    const files = new Set(
      r.stdout
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => l.split(':')[0]),
    );
    expect(files.size).toBeGreaterThanOrEqual(25);
    noStackTrace(r.stdout + r.stderr);
  });

  it('exits 0 with warnings only, and 1 with --strict', () => {
    const file = 'tests/fixtures/invalid/answer-in-question.yaml';
    expect(runCli(['validate', file]).code).toBe(0);
    expect(runCli(['validate', '--strict', file]).code).toBe(1);
    expect(runCli(['validate', '--quiet', file]).stdout).toBe('✔ 1 file checked, no problems\n');
  });

  it('--format json prints an array of {file, line, column, severity, rule, message}', () => {
    const r = runCli(['validate', '--format', 'json', 'tests/fixtures/invalid/choice-too-few.yaml']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'tests/fixtures/invalid/choice-too-few.yaml',
        line: 7,
        column: 14,
        severity: 'error',
        rule: 'choice-too-few',
        message: 'a choice card needs at least 2 choices, found 1',
      },
    ]);
  });

  it('--format github prints workflow annotations', () => {
    const r = runCli(['validate', '-f', 'github', 'tests/fixtures/invalid/choice-too-few.yaml']);
    expect(r.stdout).toBe(
      '::error file=tests/fixtures/invalid/choice-too-few.yaml,line=7,col=14,title=choice-too-few::a choice card needs at least 2 choices, found 1\n',
    );
  });

  it('exits 2 with one sentence for a path that cannot be read or a bad option', () => {
    const missing = runCli(['validate', 'no/such/deck.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('quizdeck: no/such/deck.yaml: no such file or directory\n');
    const bad = runCli(['validate', '--format', 'xml', 'tests/fixtures/valid']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/format/);
    noStackTrace(bad.stderr);
  });

  it('exits 2 for an empty directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-empty-'));
    writeFileSync(join(dir, 'notes.txt'), 'not a deck');
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no deck files/);
  });

  it('with no path, validates ./decks when it exists, else the bundled decks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-cwd-'));
    const bundled = runCli(['validate'], { cwd: dir });
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(/files? checked, no problems/);
    const local = mkdtempSync(join(tmpdir(), 'quizdeck-local-'));
    runCli(['validate'], { cwd: local });
    const decks = join(local, 'decks');
    require('node:fs').mkdirSync(decks);
    writeFileSync(join(decks, 'bad.yaml'), 'deck: x\n');
    const r = runCli(['validate'], { cwd: local });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('decks/bad.yaml:1:1  error  missing-field');
  });

  it("the README's example of the content rules gives the output the README shows (issue 11.4)", () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = readme.slice(readme.indexOf('The content rules by example'));
    const [, deck, output] = /```yaml\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(example)!;
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-readme-'));
    writeFileSync(join(dir, 'lint-examples.yaml'), deck!);
    const r = runCli(['validate', '--strict', 'lint-examples.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(output);
    for (const rule of [
      'list-split-number',
      'answer-in-question',
      'accept-repeats-answer',
      'accept-duplicate',
      'why-repeats-answer',
      'duplicate-question',
      'choice-one-wrong',
      'choice-duplicate',
    ])
      expect(output, rule).toContain(`  ${rule}  `);
  });
});

describe('quizdeck list, schema, --help, --version', () => {
  it('lists decks with counts by type, as a table and as JSON', () => {
    const table = runCli(['list', 'tests/fixtures/valid']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[1]).toMatch(
      /^sample\s+Hypervisor basics\s+en\s+4\s+1\s+1\s+1\s+1\s+0\s+virtualization/,
    );
    const json = JSON.parse(runCli(['list', '--json', 'tests/fixtures/valid']).stdout);
    expect(json[0]).toMatchObject({
      id: 'sample',
      lang: 'en',
      cards: 4,
      byType: { basic: 1, choice: 1, truefalse: 1, cloze: 1, order: 0 },
    });
  });

  it('list names decks with errors on stderr and exits 1', () => {
    const r = runCli(['list', 'tests/fixtures/valid', 'tests/fixtures/invalid/no-cards.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sample');
    expect(r.stderr).toContain('no-cards.yaml');
  });

  it('schema prints the committed JSON Schema', () => {
    const r = runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(require('node:fs').readFileSync('schema/deck.schema.json', 'utf8')),
    );
  });

  it('--version prints the package version; unknown commands exit 2', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
