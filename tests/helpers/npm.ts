import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** npm's environment for a test that installs packages: its cache in the test's folder; Node's own headers for node-gyp when they are installed beside it. */
export function npmEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  // Building better-sqlite3 from source needs Node's headers; node-gyp downloads them unless
  // told where they are. Machines that reach only the npm registry set nodedir in ~/.npmrc,
  // which the sandboxed HOME of the tests hides, so it is passed the same way here.
  const nodeDir = dirname(dirname(realpathSync(process.execPath)));
  if (!env.npm_config_nodedir && existsSync(join(nodeDir, 'include/node/common.gypi')))
    env.npm_config_nodedir = nodeDir;
  return env;
}
