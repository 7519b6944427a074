import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { runCli } from '../helpers/cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const script = (shell: string) => {
  const r = runCli(['completion', shell]);
  expect(r.code).toBe(0);
  return r.stdout;
};

let dir: string;
beforeAll(() => {
  // A deck folder to complete paths in: decks and folders are offered, other files are not.
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-completion-'));
  mkdirSync(join(dir, 'more decks'));
  for (const f of ['a.yaml', 'b.yml', 'notes.txt', 'more decks/c.yaml']) writeFileSync(join(dir, f), '');
  for (const shell of ['bash', 'zsh', 'fish']) writeFileSync(join(dir, `script.${shell}`), script(shell));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash offers for the words typed so far (the last one being completed), as <TAB> would. */
function bashComplete(words: string[]): string[] {
  const program = `source script.bash
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_quizdeck; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('quizdeck completion bash', () => {
  it.each([
    [['quizdeck', 'va'], ['validate']],
    [['quizdeck', 'co'], ['completion']],
    [['quizdeck', '--de'], ['--debug']],
    [['quizdeck', '--debug', 'stu'], ['study']],
    [['quizdeck', 'validate', '--fo'], ['--format']],
    [
      ['quizdeck', 'validate', '--format', ''],
      ['github', 'json', 'sarif', 'text'],
    ],
    [['quizdeck', 'validate', '-f', 's'], ['sarif']],
    [['quizdeck', 'validate', '--format', '=', 's'], ['sarif']], // --format=s: bash splits at =
    [
      ['quizdeck', 'validate', ''],
      ['a.yaml', 'b.yml', 'more decks'],
    ],
    [['quizdeck', 'study', 'more'], ['more decks']],
    [['quizdeck', 'quiz', 'more decks/'], ['more decks/c.yaml']],
    [['quizdeck', 'list', '--db', 'no'], ['notes.txt']],
    [['quizdeck', 'study', '--new', ''], []],
    [['quizdeck', 'init', ''], ['more decks']],
    [
      ['quizdeck', 'completion', ''],
      ['bash', 'fish', 'zsh'],
    ],
    [
      ['quizdeck', 'export', '--to', ''],
      ['anki', 'apkg', 'csv', 'gift', 'moodle-xml', 'tsv'],
    ],
    [['quizdeck', 'export', '--to', 'mo'], ['moodle-xml']],
    [
      ['quizdeck', 'import', '--from', ''],
      ['anki', 'apkg', 'csv', 'gift', 'tsv'],
    ],
    [['quizdeck', 'help', 'pr'], ['print']],
    [['quizdeck', 'print', '--ty'], ['--type']],
  ])('%j offers %j', (words, expected) => {
    expect(bashComplete(words)).toEqual(expected);
  });

  it('covers every command and option of the program, so the script cannot fall behind it', () => {
    const bash = script('bash');
    const program = buildProgram();
    for (const command of program.commands) {
      expect(bash).toContain(`    ${command.name()})`);
      for (const option of command.options) expect(bash).toContain((option.long ?? option.short)!);
    }
    for (const option of program.options) expect(bash).toContain((option.long ?? option.short)!);
  });
});

describe('quizdeck completion zsh and fish', () => {
  it.skipIf(!has('zsh'))('zsh parses the script, and sourcing it after compinit registers it for quizdeck', () => {
    const r = spawnSync('zsh', ['-n', 'script.zsh'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const loaded = spawnSync(
      'zsh',
      ['-f', '-c', 'autoload -U compinit; compinit -u -D; source script.zsh; print -r -- $_comps[quizdeck]'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(loaded).toMatchObject({ status: 0, stdout: '_quizdeck\n', stderr: '' });
    expect(script('zsh')).toContain("'(-f --format)--format=[output format]:format:(text json github sarif)'");
  });

  it.skipIf(!has('fish'))('fish parses the script and completes commands, option values and deck files', () => {
    expect(spawnSync('fish', ['-n', 'script.fish'], { cwd: dir }).status).toBe(0);
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source script.fish; complete -C ${JSON.stringify(line)}`], {
        cwd: dir,
        encoding: 'utf8',
      })
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort();
    expect(complete('quizdeck va')).toEqual(['validate']);
    expect(complete('quizdeck validate --format ')).toEqual(['github', 'json', 'sarif', 'text']);
    expect(complete('quizdeck validate ')).toEqual(['a.yaml', 'b.yml', 'more decks/']);
    expect(complete('quizdeck completion ')).toEqual(['bash', 'fish', 'zsh']);
  });

  it('refuses a shell it does not know with exit 2', () => {
    const r = runCli(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('powershell');
  });
});
