// `quizdeck optimize --dry-run` over ~500k reviews of a simulated learner (tests/optimize/
// simulate.mjs): wall time and peak memory of the whole command, and, from its --timings, the
// binding's own time (fsrs-rs computeParameters) beside quizdeck's overhead of reading the log
// from SQLite and converting it into the binding's items. Target (issue 13): overhead ≤ 25% of
// the binding's time.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, markdownTable, OUT_DIR, peakRssMb, QUIZDECK, ROOT } from './lib.mjs';
import { insertReviews, simulateLog } from '../tests/optimize/simulate.mjs';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const Database = require('better-sqlite3');

const RUNS = 3;

/** quizdeck creates the schema (its own migrations: a study session that finds nothing to do), then the log is written directly. */
async function bigDatabase() {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, 'optimize-500k.db');
  if (existsSync(path)) return path;
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true });
  const term = pty.spawn(process.execPath, [QUIZDECK, 'study', '--new', '0', '--db', tmp], { cols: 100, rows: 30, cwd: ROOT, env: process.env });
  await new Promise((resolve) => term.onExit(resolve));
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

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const run = await peakRssMb(process.execPath, [QUIZDECK, 'optimize', '--dry-run', '--timings', '--db', db]);
  if (run.code !== 0) throw new Error(`optimize failed: ${run.stderr}`);
  const t = /read (\d+) ms, load optimiser (\d+) ms, convert (\d+) ms, fit (\d+) ms, evaluate (\d+) ms/.exec(run.stderr);
  if (!t) throw new Error(`no timings in: ${run.stderr}`);
  const [read, load, convert, fit, evaluate] = t.slice(1).map(Number);
  runs.push({ ms: run.ms, mb: run.mb, read, load, convert, fit, evaluate });
  if (i === 0) process.stdout.write(`${run.stdout}\n`);
}
const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const overhead = med('read') + med('convert');
process.stdout.write(
  markdownTable(
    ['optimize --dry-run, ' + reviews.toLocaleString('en-US') + ' reviews', `median of ${RUNS}`],
    [
      ['whole command (wall)', `${fmt.ms(med('ms'))} ms`],
      ['peak memory (RSS)', `${med('mb').toFixed(0)} MB`],
      ['binding: computeParameters (its own time)', `${fmt.ms(med('fit'))} ms`],
      ['read the log (SQLite) and group by item', `${fmt.ms(med('read'))} ms`],
      ['convert into binding items', `${fmt.ms(med('convert'))} ms`],
      ['load the native addon', `${fmt.ms(med('load'))} ms`],
      ['test fitted and default parameters (replay)', `${fmt.ms(med('evaluate'))} ms`],
      ['overhead (read + convert) / binding', `${((overhead / med('fit')) * 100).toFixed(0)}% (target ≤ 25%)`],
    ],
  ),
);
