import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const FILES = [
  'decks/example.yaml',
  'schema/deck.schema.json',
  '.github/workflows/decks.yml',
  '.pre-commit-config.yaml',
  'README.md',
];

describe('quizdeck init', () => {
  it('writes a deck repository whose example deck passes validate, with the workflow, the hook and a README', () => {
    const r = runCli(['init', 'my-decks'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const f of FILES) expect(r.stdout).toContain(`created my-decks/${f}`);
    expect(r.stdout).toContain('Replace OWNER/quizdeck');
    const repo = join(dir, 'my-decks');

    // The deck: the $schema line for editors, valid for quizdeck and for the schema it names.
    const deck = readFileSync(join(repo, 'decks/example.yaml'), 'utf8');
    expect(deck.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/deck.schema.json');
    expect(runCli(['validate', '--strict'], { cwd: repo })).toMatchObject({
      code: 0,
      stdout: '✔ 1 file checked, no problems\n',
    });
    const schema = JSON.parse(readFileSync(join(repo, 'schema/deck.schema.json'), 'utf8'));
    expect(schema).toEqual(JSON.parse(runCli(['schema']).stdout));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(parse(deck)) ? [] : validate.errors).toEqual([]);
    expect(new Set(parse(deck).cards.map((c: { type?: string }) => c.type ?? 'basic'))).toEqual(
      new Set(['basic', 'choice', 'cloze', 'order', 'truefalse']),
    );

    // The workflow runs this repository's action on decks/; the hook config uses our hook id.
    const workflow = parse(readFileSync(join(repo, '.github/workflows/decks.yml'), 'utf8'));
    const steps = workflow.jobs.validate.steps;
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(steps[1]).toEqual({ uses: 'OWNER/quizdeck@main', with: { paths: 'decks' } });
    const hooks = parse(readFileSync(join(repo, '.pre-commit-config.yaml'), 'utf8'));
    expect(hooks.repos[0]).toMatchObject({ repo: 'https://github.com/OWNER/quizdeck', rev: 'main' });
    const ours = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string }[];
    expect(ours.map((h) => h.id)).toContain(hooks.repos[0].hooks[0].id);
    const files = new RegExp(hooks.repos[0].hooks[0].files);
    expect(['decks/example.yaml', 'decks/sub/x.yml'].every((f) => files.test(f))).toBe(true);
    expect(['.github/workflows/decks.yml', '.pre-commit-config.yaml', 'README.md'].some((f) => files.test(f))).toBe(
      false,
    );

    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toContain('quizdeck validate');
  });

  it('names quizdeck’s repository and ref when given', () => {
    const r = runCli(['init', '--repo', 'someone/quizdeck', '--ref', 'v0.1.0'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Replace');
    expect(parse(read('.github/workflows/decks.yml')).jobs.validate.steps[1].uses).toBe('someone/quizdeck@v0.1.0');
    expect(parse(read('.pre-commit-config.yaml')).repos[0]).toMatchObject({
      repo: 'https://github.com/someone/quizdeck',
      rev: 'v0.1.0',
    });
    expect(runCli(['init', '--repo', 'not a repo', 'x'], { cwd: dir }).code).toBe(2);
  });

  it('refuses, with one sentence and exit 2, to overwrite any file, and then writes none', () => {
    mkdirSync(join(dir, 'decks'));
    writeFileSync(join(dir, 'README.md'), 'my own readme\n');
    const r = runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'quizdeck: README.md already exists; quizdeck init never overwrites a file, so run it in a new or empty folder\n',
    );
    expect(read('README.md')).toBe('my own readme\n');
    for (const f of FILES.filter((f) => f !== 'README.md')) expect(existsSync(join(dir, f))).toBe(false);

    expect(runCli(['init', 'again'], { cwd: dir }).code).toBe(0);
    const second = runCli(['init', 'again'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr.trim().split('\n')).toEqual([
      'quizdeck: again/decks/example.yaml already exists; quizdeck init never overwrites a file, so run it in a new or empty folder',
    ]);
  });
});
