import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/*
 * Hostile deck directories through the built binary (issue 9, items 7 to 9): nothing hangs,
 * nothing the terminal would obey is printed, every other file is still checked. Each command
 * gets a HOME, database and cache of its own inside this test's directory, deleted at the end.
 */

const root = mkdtempSync(join(tmpdir(), 'quizdeck-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const home = join(root, 'home');
mkdirSync(home);
const env = {
  HOME: home,
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local/share'),
  QUIZDECK_DB: join(home, 'quizdeck.db'),
  QUIZDECK_CACHE_DIR: join(home, 'cache'),
};
const run = (args: string[]) => runCli(args, { cwd: root, env });

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const good = 'deck: good\ntitle: "Good\\nsecond line"\ncards:\n  - id: one\n    q: Q?\n    a: A\n';
// Retitles the terminal, clears it, then forges a problem line of another file.
const forged =
  'deck: bad\ntitle: Bad\ncards:\n  - id: one\n    q: Q?\n    a: A\n    "\\e]0;pwned\\a\\e[2J\\nother.yaml:1:1  error  unknown-key  forged": 1\n';

const decks = join(root, 'decks');
mkdirSync(decks);
writeFileSync(join(decks, 'a-good.yaml'), good);
writeFileSync(join(decks, 'b-bad.yaml'), forged);
writeFileSync(join(decks, 'c-evil\u001b]0;x\u0007\nfake.yaml:9:9  error.yaml'), 'deck: [\n');
execFileSync('mkfifo', [join(decks, 'd-pipe.yaml')]);
symlinkSync('/dev/urandom', join(decks, 'e-random.yaml'));
symlinkSync(join(decks, 'f-loop.yaml'), join(decks, 'f-loop.yaml'));
writeFileSync(join(decks, 'g-last.yaml'), good.replace('deck: good', 'deck: last'));

describe('validate on a directory of hostile files', () => {
  it('checks every file, names the ones that are not regular files, and exits 2', () => {
    const r = run(['validate', 'decks']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    [
      'decks/b-bad.yaml:7:5  error  unknown-key  ',
      'decks/c-evil^[]0;x^G\\nfake.yaml:9:9  error.yaml:2:1  error  yaml-syntax  ',
      'decks/d-pipe.yaml:1:1  error  file-not-regular  ',
      'decks/e-random.yaml:1:1  error  file-not-regular  ',
      'decks/f-loop.yaml:1:1  error  file-unreadable  ',
      '✖ 5 problems (5 errors, 0 warnings) in 5 files; 7 files checked',
    ].forEach((start, i) => expect(lines[i]!.startsWith(start)).toBe(true));
    expect(r.stdout).toContain(
      'unknown key "\\u001b]0;pwned\\u0007\\u001b[2J\\nother.yaml:1:1  error  unknown-key  forged" in card "one"',
    );
    expect(r.stdout).toContain('not a regular file (a named pipe)');
    expect(r.stdout).toContain('too many levels of symbolic links');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).not.toMatch(/ELOOP|\n\s+at /);
  });

  it('keeps github annotations to one line each, with nothing raw in them', () => {
    const r = run(['validate', '--format', 'github', 'decks']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .every((l) => l.startsWith('::error file=decks/')),
    ).toBe(true);
  });

  it('keeps file names as data in JSON, and quotes deck text in messages as JSON strings', () => {
    const r = run(['validate', '--format', 'json', 'decks']);
    expect(r.code).toBe(2);
    const problems = JSON.parse(r.stdout) as Array<{ file: string; message: string }>;
    expect(problems.map((p) => p.file)).toContain('decks/c-evil\u001b]0;x\u0007\nfake.yaml:9:9  error.yaml');
    expect(problems[0]!.message).toMatch(
      /^unknown key "\\u001b\]0;pwned\\u0007\\u001b\[2J\\nother.yaml:1:1 {2}error {2}unknown-key {2}forged" in card "one"; allowed keys: /,
    );
  });
});

describe('list on a directory of hostile files', () => {
  // Not the symlink loop: tests/io/decks.test.ts loads one beside good decks through the cache.
  const listed = join(root, 'listed');
  mkdirSync(listed);
  writeFileSync(join(listed, 'a-good.yaml'), good);
  execFileSync('mkfifo', [join(listed, 'd-pipe.yaml')]);
  symlinkSync('/dev/urandom', join(listed, 'e-random.yaml'));
  writeFileSync(join(listed, 'g-last.yaml'), good.replace('deck: good', 'deck: last'));

  it('lists the good decks without hanging on the pipe or reading the device, one line per deck', () => {
    const r = run(['list', 'listed']);
    expect(r.code).toBe(1);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^good\s+Good\\nsecond line\s+en\s+1/);
    expect(rows[2]).toMatch(/^last\s/);
    expect(r.stderr).toContain('d-pipe.yaml, listed/e-random.yaml');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('long words and many keys', () => {
  // Re-measuring the rest of a word for each line took 41 s for 400 KB; this 600 KB word took
  // about 90 s, past runCli's 60 s limit (and its output stays under spawnSync's 1 MB buffer).
  it('prints a card with a 600 KB word as text', () => {
    writeFileSync(
      join(root, 'word.yaml'),
      `deck: word\ntitle: Word\ncards:\n  - id: one\n    q: Spell ${'x'.repeat(600_000)}?\n    a: yes\n`,
    );
    const r = run(['print', '--format', 'txt', '--seed', '1', 'word.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${'x'.repeat(60)}\n`);
  });

  it('reports a card with 20,000 unknown keys as 100 problems and a count of the rest', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `    extra-${i}: v\n`).join('');
    writeFileSync(
      join(root, 'keys.yaml'),
      `deck: keys\ntitle: Keys\ncards:\n  - id: one\n    q: Q?\n    a: A\n${keys}`,
    );
    const r = run(['validate', 'keys.yaml']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(102);
    expect(lines.at(-2)).toBe(
      'keys.yaml:107:5  error  too-many-problems  … and 19900 more problems in this file (19900 errors, 0 warnings), not shown; fix these first',
    );
    expect(lines.at(-1)).toBe('✖ 20000 problems (20000 errors, 0 warnings) in 1 file; 1 file checked');
  });
});
