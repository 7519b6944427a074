// `quizdeck optimize --dry-run` over ~500k reviews of a simulated learner (tests/optimize/
// simulate.mjs): wall time and peak memory of the whole command, and, from its --timings, the
// binding's own time (fsrs-rs computeParameters) beside quizdeck's overhead of reading the log
// from SQLite and converting it into the binding's items. Target (issue 13): overhead ≤ 25% of
// the binding's time. The binding fits on threads of its own, and optimize reads and converts
// the next deck meanwhile: the overhead a person waits for is the time before the last fit
// ended in which no fit ran (`waited`); the CPU time of all reading and converting is shown too. Also the time of the suggested retention's simulation (its work does
// not grow with the deck: src/core/optimize/simulate.ts samples the items).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, markdownTable, OUT_DIR, peakRssMb, QUIZDECK, ROOT } from './lib.mjs';
import { insertReviews, simulateLog } from '../tests/optimize/simulate.mjs';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const Database = require('better-sqlite3');

const RUNS = 5;

/** quizdeck's own migrations bring `path` to this build's schema: a study session that finds nothing to do. */
async function migrate(path) {
  const term = pty.spawn(process.execPath, [QUIZDECK, 'study', '--new', '0', '--db', path], {
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: process.env,
  });
  await new Promise((resolve) => term.onExit(resolve));
}

/**
 * quizdeck creates the schema, then the log is written directly. A template from an older
 * build is brought to this one's schema (the `reviews_item` index the read uses), as anyone's
 * database is by their next study session or `optimize` without --dry-run.
 */
async function bigDatabase() {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, 'optimize-500k.db');
  if (existsSync(path)) {
    await migrate(path);
    return path;
  }
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true });
  await migrate(tmp);
  const db = new Database(tmp);
  // Two decks, as a learner has them; 540 days with 45 new items a day in each.
  insertReviews(db, simulateLog({ decks: ['networking', 'hypervisors'], days: 540, newPerDay: 45, seed: 2026 }));
  db.close();
  renameSync(tmp, path);
  return path;
}

const db = await bigDatabase();
const conn = new Database(db, { readonly: true });
const reviews = conn.prepare('SELECT count(*) FROM reviews').pluck().get();
conn.close();

const STEPS = ['read', 'load', 'convert', 'fit', 'evaluate', 'simulate'];
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const run = await peakRssMb(process.execPath, [QUIZDECK, 'optimize', '--dry-run', '--timings', '--db', db]);
  if (run.code !== 0) throw new Error(`optimize failed: ${run.stderr}`);
  const result = { ms: run.ms, mb: run.mb };
  for (const step of STEPS) {
    const m = new RegExp(`${step} (\\d+) ms \\(cpu (\\d+) ms\\)`).exec(run.stderr);
    if (!m) throw new Error(`no ${step} timing in: ${run.stderr}`);
    result[step] = Number(m[1]);
    result[`${step}Cpu`] = Number(m[2]);
  }
  const waited = /waited (\d+) ms/.exec(run.stderr);
  if (!waited) throw new Error(`no waited timing in: ${run.stderr}`);
  result.waited = Number(waited[1]);
  runs.push(result);
  if (i === 0) process.stdout.write(`${run.stdout}\n`);
}
const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const ms = (key) => `${fmt.ms(med(key))} ms`;
const share = (a, b) => `${((a / b) * 100).toFixed(0)}%`;
const label = {
  fit: 'binding: computeParameters (its own time)',
  read: 'read the log (SQLite) and count study days',
  convert: "convert into the binding's items",
  load: 'load the native addon',
  evaluate: 'test fitted and default parameters (replay)',
  simulate: 'suggest a retention (simulator, all groups; target < 2 s each)',
};
process.stdout.write(
  markdownTable(
    [`optimize --dry-run, ${reviews.toLocaleString('en-US')} reviews (median of ${RUNS})`, 'wall', 'CPU (own threads)'],
    [
      ['whole command', ms('ms'), ''],
      ['peak memory (RSS)', `${med('mb').toFixed(0)} MB`, ''],
      ...['fit', 'read', 'convert', 'load', 'evaluate', 'simulate'].map((step) => [
        label[step],
        ms(step),
        ms(`${step}Cpu`),
      ]),
      ['read and convert while no fit ran (waited for)', ms('waited'), ''],
      [
        'overhead: waited for / binding, wall (target ≤ 25%); all of read + convert / binding, CPU',
        share(med('waited'), med('fit')),
        share(med('readCpu') + med('convertCpu'), med('fitCpu')),
      ],
    ],
  ) + '\n',
);
const overhead = med('waited') / med('fit');
process.stdout.write(
  `\noverhead waited for: ${share(med('waited'), med('fit'))} of the binding's time (target ≤ 25%): ${overhead <= 0.25 ? 'pass' : 'FAIL'}\n`,
);
if (overhead > 0.25) process.exitCode = 1;
