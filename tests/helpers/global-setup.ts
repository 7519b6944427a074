import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One sandbox for the whole test run, set up before any test file is loaded: HOME, the XDG
 * directories, the review database and the temporary directory all point inside it, and every
 * command a test spawns inherits them. So no test can read or write the person's own
 * `~/.local/share/quizdeck/quizdeck.db` or `~/.cache` (issue 9: `npm test` failed right after
 * `npx quizdeck study`), and whatever a test leaves in its temporary directories goes with the
 * sandbox at the end.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'quizdeck-tests-'));
  const dir = (name: string) => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const saved = { ...process.env };
  Object.assign(process.env, {
    HOME: dir('home'),
    XDG_DATA_HOME: dir('home/.local/share'),
    XDG_CACHE_HOME: dir('home/.cache'),
    XDG_CONFIG_HOME: dir('home/.config'),
    XDG_STATE_HOME: dir('home/.local/state'),
    QUIZDECK_DB: join(root, 'home/.local/share/quizdeck/quizdeck.db'),
    TMPDIR: dir('tmp'),
  });
  // The person's own cache settings would send the commands' parsed-deck cache out of the
  // sandbox (QUIZDECK_CACHE_DIR=~/notes) or turn it off for the run: the cache follows
  // XDG_CACHE_HOME above unless a test chooses otherwise.
  delete process.env.QUIZDECK_CACHE_DIR;
  delete process.env.QUIZDECK_CACHE;
  return () => {
    process.env = saved;
    rmSync(root, { recursive: true, force: true });
  };
}
