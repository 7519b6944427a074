import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const EN = 'decks/hypervisors.en.yaml';
const ZH = 'decks/hypervisors.zh.yaml';
const SAMPLE = 'tests/fixtures/valid/sample.yaml';
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('quizdeck print (built binary)', { timeout: 60_000 }, () => {
  it('prints every text format to stdout, byte-identical for the same seed', () => {
    for (const format of ['html', 'md', 'txt', 'json']) {
      const a = runCli(['print', SAMPLE, '--format', format, '--seed', '9', '--versions', '2']);
      expect(a.code, a.stderr).toBe(0);
      expect(a.stderr).toBe('');
      expect(a.stdout.length).toBeGreaterThan(500);
      expect(runCli(['print', SAMPLE, '--format', format, '--seed', '9', '--versions', '2']).stdout).toBe(a.stdout);
    }
  });

  it('writes -o files, taking the format from the extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-print-'));
    for (const ext of ['html', 'md', 'txt', 'json']) {
      const file = join(dir, `sheet.${ext}`);
      const r = runCli(['print', EN, '-o', file, '--seed', '3']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`quizdeck: wrote ${file}\n`);
    }
    expect(readFileSync(join(dir, 'sheet.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(JSON.parse(readFileSync(join(dir, 'sheet.json'), 'utf8')).seed).toBe('3');
    expect(readFileSync(join(dir, 'sheet.txt'), 'utf8')).toContain('\f');
  });

  it('refuses -o with an extension that is not a format (exit 2, one sentence, no file) unless --format says which (issue 9.14)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-print-'));
    const file = join(dir, 'sheet.docx');
    const refused = runCli(['print', SAMPLE, '-o', file, '--seed', '3']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `quizdeck: -o "${file}": ".docx" is not an output format; name the file .html, .md, .txt, .json or .pdf, or choose one with --format\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
    const chosen = runCli(['print', SAMPLE, '-o', file, '--format', 'txt', '--seed', '3']);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Hypervisor basics');
  });

  it('asks every question of the bundled decks: one per card (cloze cards once, with all blanks)', () => {
    for (const deck of [EN, ZH]) {
      const json = JSON.parse(runCli(['print', deck, '--format', 'json', '--seed', '1']).stdout);
      const cards = (readFileSync(deck, 'utf8').match(/^ {2}- id: /gm) ?? []).length;
      expect(json.versions[0].questions).toHaveLength(cards);
    }
  });

  it('without --seed picks one, shows it on stderr and in the sheet, and that seed reproduces the sheet', () => {
    const r = runCli(['print', SAMPLE, '--format', 'md']);
    expect(r.code).toBe(0);
    const seed = r.stderr.match(/^quizdeck: seed (\d+) \(print again with --seed \1 for the same sheet\)\n$/)?.[1];
    expect(seed).toBeDefined();
    expect(r.stdout).toContain(`Seed ${seed}`);
    expect(runCli(['print', SAMPLE, '--format', 'md', '--seed', seed!]).stdout).toBe(r.stdout);
  });

  it('filters by tag, section and type, and -n picks that many', () => {
    const json = (args: string[]) =>
      JSON.parse(runCli(['print', EN, '--format', 'json', '--seed', '5', ...args]).stdout).versions[0].questions;
    expect(json(['--type', 'truefalse']).every((q: { type: string }) => q.type === 'truefalse')).toBe(true);
    expect(json(['--section', 'kvm', '-n', '4'])).toHaveLength(4);
    expect(json(['--tag', 'boot,history', '--type', 'choice']).length).toBeGreaterThan(0);
  });

  it('Chinese deck: lang="zh" and Chinese labels', () => {
    const html = runCli(['print', ZH, '--format', 'html', '--seed', '2', '--versions', '2']).stdout;
    expect(html).toContain('<html lang="zh">');
    expect(html).toContain('B 卷');
    expect(html).toContain('正确 / 错误');
  });

  it.each([
    [['--versions', '0'], '--versions "0" is not a whole number from 1 to 26; use e.g. --versions 2'],
    [['--paper', 'a5'], '--paper "a5" is not valid; use one of a4, letter'],
    [
      ['--type', 'essay'],
      '--type "essay" is not a card type; use one or more of basic, choice, truefalse, cloze, order',
    ],
    [['--format', 'pdf'], '--format pdf needs an output file: add -o sheet.pdf'],
    [
      ['--tag', 'nothing-has-this'],
      'no questions match --tag nothing-has-this (the decks have tags: drivers, esx, history, hyper-v, kvm, xen)',
    ],
  ])('%j exits 2 with one sentence', (args, message) => {
    const r = runCli(['print', SAMPLE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`quizdeck: ${message}\n`);
  });

  it('refuses a deck with errors (exit 2) and a file it cannot write', () => {
    const bad = runCli(['print', 'tests/fixtures/invalid/unknown-key.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^quizdeck: tests\/fixtures\/invalid\/unknown-key\.yaml:5: .+; run `quizdeck validate tests\/fixtures\/invalid\/unknown-key\.yaml` to see every problem\n$/,
    );
    const unwritable = runCli(['print', SAMPLE, '--seed', '1', '-o', 'no/such/dir/sheet.html']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe('quizdeck: cannot write no/such/dir/sheet.html: no such file or directory\n');
    noStackTrace(bad.stderr + unwritable.stderr);
  });

  it('pdf with a "browser" that exits at once: exit 1, one sentence, no profile left behind', () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('quizdeck-chrome-'));
    const r = runCli(['print', SAMPLE, '--seed', '1', '-o', join(tmpdir(), 'never.pdf'), '--browser', '/bin/false']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'quizdeck: could not start the browser /bin/false: the browser exited (code 1) before it was ready; try --format html\n',
    );
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('quizdeck-chrome-'))).toEqual(before);
  });

  it('pdf with no browser on PATH: a clear message suggesting --format html, exit 2', () => {
    const r = runCli(['print', SAMPLE, '-o', join(tmpdir(), 'never.pdf')], {
      env: { PATH: '/nonexistent', CHROME_PATH: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^quizdeck: PDF output needs Chromium or Chrome and none was found .*--format html/);
    const wrong = runCli(['print', SAMPLE, '-o', join(tmpdir(), 'never.pdf'), '--browser', '/no/such/chrome']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'quizdeck: --browser /no/such/chrome: no executable file there; give the path of Chromium or Chrome, or use --format html\n',
    );
  });
});
