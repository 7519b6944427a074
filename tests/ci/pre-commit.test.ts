import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { npmEnv } from '../helpers/npm.js';

/*
 * The hook as pre-commit itself runs it: `pre-commit try-repo` clones this checkout (with its
 * uncommitted changes), installs quizdeck into a node environment of its own (npm install,
 * npm pack, npm install -g of the tarball: minutes, as better-sqlite3 may be built from source)
 * and runs the hook on the files of a deck repository made by `quizdeck init`. pre-commit is a
 * Debian package (.ci/run installs it); tests/ci/action.test.ts runs the hook's entry directly.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

describe('.pre-commit-hooks.yaml under pre-commit', () => {
  it.skipIf(!hasPreCommit)(
    'try-repo installs quizdeck and the hook checks the deck files of a repository, failing on a broken one',
    { timeout: 20 * 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'quizdeck-pre-commit-'));
      try {
        const repo = join(dir, 'repo');
        expect(runCli(['init', repo, '--repo', 'someone/quizdeck']).code).toBe(0);
        writeFileSync(join(repo, 'decks/broken.yaml'), 'deck: broken\ntitle: Broken\ncards: []\n');
        const git = (...args: string[]) =>
          spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
        expect(git('init', '-q').status).toBe(0);
        expect(git('add', '-A').status).toBe(0);
        expect(git('commit', '-qm', 'decks').status).toBe(0);
        const env = { ...npmEnv(dir), PRE_COMMIT_HOME: join(dir, 'pre-commit'), NO_COLOR: '1' };
        // Asynchronously: a worker blocked for minutes misses vitest's own messages.
        const run = await promisify(execFile)('pre-commit', ['try-repo', ROOT, 'quizdeck-validate', '--all-files'], {
          cwd: repo,
          env,
          timeout: 19 * 60_000,
        }).then(
          () => {
            throw new Error('the hook passed on a deck with no cards');
          },
          (error: { code?: number; stdout?: string; stderr?: string }) => error,
        );
        expect(run.code, run.stderr).toBe(1);
        expect(run.stdout).toMatch(/^quizdeck validate\.+Failed$/m);
        expect(run.stdout).toContain('- hook id: quizdeck-validate');
        expect(run.stdout).toContain('decks/broken.yaml:3:8  error  no-cards');
        // The example deck and the broken one; not the workflow, the config, the schema or the README.
        expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 1 file; 2 files checked');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
