// `npm run bench [-- FILTER]`: runs every bench/*.bench.mjs (or those whose name contains
// FILTER) one after another as child processes, so no bench warms the JIT or heap of the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const filter = process.argv[2] ?? '';
const dir = join(ROOT, 'bench');
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.mjs') && name.includes(filter))
  .sort();

if (benches.length === 0) {
  process.stderr.write(`bench: no bench/*.bench.mjs matches "${filter}"\n`);
  process.exit(2);
}

// The benches' own parsed-deck cache: another checkout or build of quizdeck using the person's
// cache prunes this build's entries, which made every launch a cold one.
const env = {
  ...process.env,
  QUIZDECK_CACHE_DIR: process.env.QUIZDECK_CACHE_DIR ?? join(ROOT, 'bench', 'out', 'cache'),
};

const failed = [];
for (const name of benches) {
  process.stdout.write(`\n## ${name.replace(/\.bench\.mjs$/, '')}\n\n`);
  const started = Date.now();
  const { status, signal } = spawnSync(process.execPath, [join(dir, name)], { cwd: ROOT, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) failed.push(`${name} (${signal ?? `exit ${status}`})`);
  process.stdout.write(`\n(${name}: ${seconds} s${status === 0 ? '' : `, ${signal ?? `exit ${status}`}`})\n`);
}

if (failed.length > 0) {
  process.stderr.write(`\nbench: ${failed.length} of ${benches.length} failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
