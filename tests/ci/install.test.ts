import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { npmEnv } from '../helpers/npm.js';
import { KEYS, runInPty } from '../helpers/pty.js';

/*
 * The README's Install section, for real: `npm pack` of this checkout (dist/ as `npm test` built
 * it), `npm install -g` of the tarball into a temporary prefix from the npm registry, then the
 * installed `quizdeck` run from a folder that is not the repository. Slow (better-sqlite3's
 * addon is built from source when its prebuilt binary cannot be downloaded: minutes), so it is
 * one test.
 */

const ROOT = resolve(import.meta.dirname, '../..');

describe('the packed package', () => {
  it(
    'installs with npm install -g from its tarball and runs --version, validate and study from any folder',
    { timeout: 15 * 60_000 },
    async () => {
      expect(existsSync(join(ROOT, 'dist/cli.js')), 'dist/ is built (npm test builds it first)').toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'quizdeck-install-'));
      try {
        const env = npmEnv(dir);
        // --ignore-scripts: dist/ is already built, and the prepare script would rebuild it under the running tests.
        const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
          cwd: ROOT,
          env,
          encoding: 'utf8',
        })
          .trim()
          .split('\n')
          .at(-1)!;
        expect(tgz).toMatch(/^quizdeck-\d+\.\d+\.\d+.*\.tgz$/);
        const contents = execFileSync('tar', ['-tzf', join(dir, tgz)], { encoding: 'utf8' }).split('\n');
        for (const file of [
          'package/bin/quizdeck.js',
          'package/dist/cli.js',
          'package/decks/hypervisors.en.yaml',
          'package/schema/deck.schema.json',
        ])
          expect(contents).toContain(file);
        expect(contents.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);

        const prefix = join(dir, 'prefix');
        // Asynchronously: a worker blocked for minutes misses vitest's own messages.
        await promisify(execFile)('npm', ['install', '-g', '--prefix', prefix, '--loglevel=error', join(dir, tgz)], {
          cwd: dir,
          env,
          timeout: 14 * 60_000,
        });

        const quizdeck = join(prefix, 'bin/quizdeck');
        const elsewhere = join(dir, 'elsewhere');
        mkdirSync(elsewhere);
        const run = (args: string[]) =>
          spawnSync(quizdeck, args, { cwd: elsewhere, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
        const version = run(['--version']);
        expect(version.stdout.trim()).toBe(
          JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' })),
        );
        // No path and no ./decks: the decks bundled in the package.
        expect(run(['validate'])).toMatchObject({ status: 0, stdout: '✔ 2 files checked, no problems\n' });

        const db = join(dir, 'review.db');
        const study = runInPty([quizdeck, 'study', '--db', db], {
          raw: true,
          cwd: elsewhere,
          env: { QUIZDECK_CACHE_DIR: join(dir, 'cache') },
        });
        // Node runs the installed file: `raw` puts node in front of the bin's path.
        const prompt = await study.waitFor(
          /True or false\?|Press Enter to show the answer|Your answer:|Pick one|Pick all that apply/,
          30_000,
        );
        if (prompt.endsWith('True or false?')) study.send('t');
        else if (prompt.endsWith('Pick one')) study.send('1');
        else if (prompt.endsWith('Your answer:')) study.send('x', KEYS.enter);
        else if (prompt.includes('Pick all')) study.send('1', KEYS.enter);
        else study.send(KEYS.enter);
        await study.waitFor('Good ·');
        study.send('3');
        await study.waitFor(/True or false\?|Press Enter to show the answer|Your answer:|Pick one|Pick all that apply/);
        study.send('q');
        await study.waitFor('Session summary');
        expect((await study.exit()).exitCode).toBe(0);
        const conn = new Database(db, { readonly: true });
        try {
          expect(conn.prepare('SELECT rating FROM reviews').all()).toEqual([{ rating: 3 }]);
        } finally {
          conn.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
