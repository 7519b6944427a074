import { homedir, tmpdir } from 'node:os';
import { dirname, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { deckCacheDir } from '../src/io/deckCache.js';
import { resolveDbPath } from '../src/io/paths.js';

// Issue 9.11: tests never read or write the person's HOME, database or cache.
const inside = (root: string, path: string) => !relative(root, path).startsWith('..');

describe('the test sandbox (tests/helpers/global-setup.ts)', () => {
  const root = dirname(tmpdir());
  it('puts HOME, the XDG directories, the database and TMPDIR in one directory of this run', () => {
    expect(root).toMatch(/quizdeck-tests-/);
    for (const path of [
      homedir(),
      process.env.XDG_DATA_HOME!,
      process.env.XDG_CACHE_HOME!,
      process.env.XDG_CONFIG_HOME!,
      process.env.QUIZDECK_DB!,
    ])
      expect(inside(root, path)).toBe(true);
  });

  it("puts the commands' database and parsed-deck cache in it, whatever the person's own settings were", () => {
    // Run with QUIZDECK_CACHE_DIR or QUIZDECK_DB set in the shell, these still hold.
    for (const path of [resolveDbPath(undefined), deckCacheDir()]) {
      expect(path).toBeDefined();
      expect(inside(root, path!)).toBe(true);
    }
  });

  it('is what a spawned command sees', () => {
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        'const os = require("os"); console.log(JSON.stringify([os.homedir(), os.tmpdir(), process.env.QUIZDECK_DB]))',
      ],
      { encoding: 'utf8' },
    );
    for (const path of JSON.parse(child.stdout) as string[]) expect(inside(root, path)).toBe(true);
  });
});
