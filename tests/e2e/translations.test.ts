import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Issue 11.3: one language at a time. Run from a folder without ./decks, so the bundled decks are the default.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-lang-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NO_LOCALE = { LANGUAGE: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const sheet = (args: string[], env: Record<string, string | undefined>) => {
  const result = runCli(['print', '--format', 'json', '--seed', '1', ...args], {
    cwd: dir,
    env: { ...NO_LOCALE, ...env },
  });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { title: string; versions: { questions: unknown[] }[] };
};

describe('with no path, one deck of each translation group', () => {
  it('in the language of LANG, --lang first, English without either; naming both files still uses both', () => {
    const en = sheet([], { LANG: 'en_US.UTF-8' });
    expect(en.title).toMatch(/^Hypervisors: /);
    expect(sheet([], {}).title).toBe(en.title);
    const zh = sheet([], { LANG: 'zh_CN.UTF-8' });
    expect(zh.title).toMatch(/^Hypervisor：/);
    expect(zh.versions[0]!.questions).toHaveLength(en.versions[0]!.questions.length);
    expect(sheet(['--lang', 'zh'], { LANG: 'en_US.UTF-8' }).title).toBe(zh.title);
    expect(sheet(['--lang', 'en'], { LC_ALL: 'zh_CN.UTF-8' }).title).toBe(en.title);
    const decks = resolve(import.meta.dirname, '../../decks');
    const both = sheet([join(decks, 'hypervisors.en.yaml'), join(decks, 'hypervisors.zh.yaml')], {
      LANG: 'en_US.UTF-8',
    });
    expect(both.versions[0]!.questions.length).toBe(2 * en.versions[0]!.questions.length);
  });

  it('list shows every deck, what each translates, and which one the other commands use', () => {
    const result = runCli(['list'], { cwd: dir, env: { ...NO_LOCALE, LANG: 'zh_CN.UTF-8' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^DECK\s+TITLE\s+LANG\s+TRANSLATES\s/);
    expect(result.stdout).toMatch(/^hypervisors-zh\s.*\szh\s+hypervisors\s/m);
    expect(result.stdout).toContain('use one deck of each translation group: hypervisors-zh (zh)');
  });
});

describe('validate checks a translation against its original', () => {
  it('another type, other correct choices and a missing card, with file:line:column', () => {
    writeFileSync(
      join(dir, 'en.yaml'),
      'deck: hv\ntitle: HV\ncards:\n  - id: a\n    q: Q?\n    a: A\n  - id: b\n    type: choice\n    q: Which?\n    choices: [x, y]\n    answer: x\n  - id: c\n    q: Third?\n    a: Yes\n',
    );
    writeFileSync(
      join(dir, 'zh.yaml'),
      'deck: hv-zh\ntranslates: hv\ntitle: 汉\nlang: zh\ncards:\n  - id: a\n    type: truefalse\n    q: 问?\n    answer: true\n  - id: b\n    type: choice\n    q: 哪个?\n    choices: [甲, 乙]\n    answer: 乙\n',
    );
    const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as { diagnostics?: unknown[] } | unknown[] as unknown;
    const list = (Array.isArray(found) ? found : (found as { diagnostics: unknown[] }).diagnostics) as {
      file: string;
      line: number;
      column: number;
      rule: string;
      severity: string;
    }[];
    expect(list.map((d) => [d.file.endsWith('zh.yaml'), d.line, d.column, d.severity, d.rule])).toEqual([
      [true, 2, 1, 'warning', 'translation-missing-card'],
      [true, 6, 5, 'error', 'translation-mismatch'],
      [true, 10, 5, 'error', 'translation-mismatch'],
    ]);
    expect(runCli(['validate', join(dir, 'zh.yaml')], { cwd: dir }).code).toBe(0);
  });
});
