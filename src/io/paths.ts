import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the review database lives: `--db FILE`, else `QUIZDECK_DB`, else
 * `$XDG_DATA_HOME/quizdeck/quizdeck.db` (XDG says to ignore a relative XDG_DATA_HOME),
 * else `~/.local/share/quizdeck/quizdeck.db`.
 */
export function resolveDbPath(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  home = homedir(),
): string {
  if (option) return resolve(cwd, option);
  if (env.QUIZDECK_DB) return resolve(cwd, env.QUIZDECK_DB);
  const xdg = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(xdg, 'quizdeck', 'quizdeck.db');
}
