import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { runInPty } from '../helpers/pty.js';

// Issue 9, items 7, 12 and 13: how the program behaves as a command, whatever the decks hold.
const SGR = /\u001b\[\d+(;\d+)*m/;
const BAD_DECK = 'tests/fixtures/invalid/duplicate-card-id.yaml';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with stdout a pipe whose reader is gone before the program writes a byte. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed pipe', () => {
  it.each([[['print', 'decks', '--versions', '2', '--seed', '1']], [['--help']], [['list']], [['validate', 'decks']]])(
    'quizdeck %j | (reader gone): exit 0, nothing on stderr',
    async (args) => {
      expect(await withClosedStdout(args)).toEqual({ code: 0, stderr: '' });
    },
  );
});

describe('colour', () => {
  const plainEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined };
  it('in a terminal: coloured by default; none with NO_COLOR=1 or --no-color; --color beats NO_COLOR', async () => {
    const run = async (args: string[], env: Record<string, string | undefined>) => {
      const s = runInPty(['validate', BAD_DECK, ...args], { env: { ...plainEnv, ...env } });
      await s.exit();
      return s.raw;
    };
    expect(await run([], {})).toMatch(SGR);
    expect(await run([], { NO_COLOR: '1' })).not.toMatch(SGR);
    expect(await run(['--no-color'], {})).not.toMatch(SGR);
    expect(await run([], { FORCE_COLOR: '0' })).not.toMatch(SGR);
    expect(await run(['--color'], { NO_COLOR: '1' })).toMatch(SGR);
  });

  it('in a pipe: plain by default, coloured with --color or FORCE_COLOR', () => {
    expect(runCli(['validate', BAD_DECK], { env: plainEnv }).stdout).not.toMatch(SGR);
    expect(runCli(['validate', BAD_DECK, '--color'], { env: plainEnv }).stdout).toMatch(SGR);
    expect(runCli(['validate', BAD_DECK], { env: { ...plainEnv, FORCE_COLOR: '1' } }).stdout).toMatch(SGR);
    expect(runCli(['--no-color', 'list']).code).toBe(0);
  });
});

describe('terminal escapes from files never reach the terminal in refusals', () => {
  it('a file name and a card id with escapes, a newline and U+202E: one neutralised line', async () => {
    const name = 'evil\u001b]0;pwned\u0007\u202e.yaml';
    const id = 'x\u001b]52;c;cHduZWQ=\u0007\nother.yaml:1:1  error forged';
    writeFileSync(
      join(dir, name),
      `deck: evil\ntitle: Evil\ncards:\n  - id: ${JSON.stringify(id)}\n    q: Q?\n    a: A\n`,
    );
    const check = (command: string, code: number | null, output: string, stderr: string) => {
      expect(code, command).toBe(command === 'list' ? 1 : 2); // list lists what it can and exits 1
      expect(output, command).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
      expect(stderr.trimEnd().split('\n'), command).toHaveLength(1);
      expect(stderr, command).toContain('evil^[]0;pwned^G\\u{202e}.yaml');
    };
    for (const command of ['print', 'list']) {
      const result = runCli([command, join(dir, name)]);
      check(command, result.code, result.stdout + result.stderr, result.stderr);
    }
    for (const command of ['study', 'quiz']) {
      const s = runInPty([command, join(dir, name), '--db', join(dir, 'q.db')], { env: { NO_COLOR: '1' } });
      const { exitCode } = await s.exit();
      check(command, exitCode, s.raw, s.raw.replace(/\r\n/g, '\n'));
    }
  });
});
