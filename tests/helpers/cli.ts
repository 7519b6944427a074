import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { TEST_CACHE_DIR } from './cache.js';

export const BIN = resolve(import.meta.dirname, '../../bin/quizdeck.js');

/** Runs the built binary (npm test builds dist/ first) without a terminal, like a CI job. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    input?: string;
    /** A command that runs node, e.g. `['taskset', '-c', '0']`. */
    through?: string[];
  } = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    QUIZDECK_CACHE_DIR: TEST_CACHE_DIR,
    ...options.env,
  };
  // `undefined` removes a variable, e.g. FORCE_COLOR, which any value (even '') would set.
  for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
  const [command, ...before] = [...(options.through ?? []), process.execPath];
  const result = spawnSync(command!, [...before, BIN, ...args], {
    cwd: options.cwd ?? resolve(import.meta.dirname, '../..'),
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
