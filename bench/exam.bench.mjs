// `quizdeck stats --exam` (the exam plan, issue 13) beside plain `quizdeck stats` on the same
// deck of 20k items and the same database, in one run: the difference is the plan (reading
// every item's memory and planning it day by day). A 60-day plan, and a 600-day one to show
// the cost grows with the reviews planned, not with items × days.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compare, fmt, markdownTable, OUT_DIR, QUIZDECK, ROOT, writeSyntheticDeck } from './lib.mjs';
import { createSchema, prng } from './schema.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

// 16k cards: every fourth is a cloze of two deletions, so 20k items.
const CARDS = 16_000;
const RUNS = 7;
const DAY = 86_400_000;
// The plan may at most double stats' CPU time on this database (one review an item: stats is at
// its cheapest here; over the 500k reviews of stats.bench.mjs the plan is a small part). Measured
// 1.55× (820 / 530 ms) on two loaded cores; the plan itself is ~100 ms of that, the rest reading
// 20k memories, garbage collection and the JIT.
const TARGET = 2;

/**
 * Four items in five studied, with stabilities from a day to a year (log-uniform), last reviewed
 * up to one stability ago and due one stability after it (90% retention), one review row each;
 * a few in relearning. The rest are new.
 */
function fillStates(db, now) {
  const random = prng(21);
  const deck = `bench-${CARDS}`;
  const insertState = db.prepare(
    'INSERT INTO card_state (deck_id, card_key, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, 0, ?)',
  );
  const insertReview = db.prepare(
    'INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days, previous) VALUES (?, ?, ?, 3, ?, 4000, 2, ?, ?, ?, ?, ?, NULL)',
  );
  let items = 0;
  for (let i = 0; i < CARDS; i++) {
    const keys = i % 4 === 3 ? [`card-${i}:c1`, `card-${i}:c2`] : [`card-${i}`];
    for (const key of keys) {
      items++;
      if (random() < 0.2) continue;
      const s = Math.exp(random() * Math.log(365));
      const last = now - Math.floor(random() * s * 1.1 * DAY);
      const relearning = random() < 0.02;
      const due = relearning ? last + 600_000 : last + Math.max(1, Math.round(s)) * DAY;
      const d = 2 + random() * 7;
      const { lastInsertRowid } = insertReview.run(
        deck,
        key,
        `card-${i}`,
        last,
        relearning ? 3 : 2,
        due,
        s,
        d,
        Math.round(s),
      );
      insertState.run(
        deck,
        key,
        `card-${i}`,
        relearning ? 3 : 2,
        due,
        s,
        d,
        Math.round(s),
        3 + Math.floor(random() * 8),
        relearning ? 1 : 0,
        last,
        lastInsertRowid,
      );
    }
  }
  return items;
}

async function database(deckFile) {
  mkdirSync(OUT_DIR, { recursive: true });
  const template = join(OUT_DIR, `exam-${CARDS}.db`);
  if (existsSync(template)) return template;
  const tmp = `${template}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  await createSchema(deckFile, tmp);
  const db = new Database(tmp);
  let items = 0;
  db.transaction(() => (items = fillStates(db, Date.now())))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  process.stderr.write(`bench: generated ${template} (${items} items)\n`);
  copyFileSync(tmp, template);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  return template;
}

/** The local date `days` study days from today (4 a.m. day start, this machine's zone). */
function dateIn(days) {
  const now = new Date(Date.now() - 4 * 3_600_000);
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days)).toISOString().slice(0, 10);
}

const deckFile = writeSyntheticDeck(CARDS);
const template = await database(deckFile);
const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bench-'));
const db = join(dir, 'q.db');
copyFileSync(template, db);
try {
  const base = [QUIZDECK, 'stats', deckFile, '--db', db];
  const results = await compare(
    [
      { name: 'stats', command: process.execPath, args: base },
      { name: 'stats --exam (60 days)', command: process.execPath, args: [...base, '--exam', dateIn(60)] },
      { name: 'stats --exam (600 days)', command: process.execPath, args: [...base, '--exam', dateIn(600)] },
      {
        name: 'stats --exam (60 days) --json',
        command: process.execPath,
        args: [...base, '--exam', dateIn(60), '--json'],
      },
    ],
    { runs: RUNS },
  );
  const stats = results.get('stats');
  // CPU time (user + system, the least of RUNS runs) as well, and the target on it: on a busy
  // machine wall times mostly measure the wait for a core (see stats.bench.mjs).
  const cpu = (args) => {
    let best = Infinity;
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync('/usr/bin/time', ['-f', '__CPU__%U %S', process.execPath, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const m = /__CPU__([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
      if (m) best = Math.min(best, (Number(m[1]) + Number(m[2])) * 1000);
    }
    return best;
  };
  const hasTime = existsSync('/usr/bin/time');
  const statsCpu = hasTime ? cpu(base) : NaN;
  const cases = [
    ['stats --exam (60 days)', [...base, '--exam', dateIn(60)]],
    ['stats --exam (600 days)', [...base, '--exam', dateIn(600)]],
    ['stats --exam (60 days) --json', [...base, '--exam', dateIn(60), '--json']],
  ];
  const rows = cases.map(([name, args]) => {
    const r = results.get(name);
    const checked = name === 'stats --exam (60 days)';
    const examCpu = hasTime ? cpu(args) : NaN;
    const ratio = hasTime ? examCpu / statsCpu : r.medianMs / stats.medianMs;
    return [
      `${name}: 20k items`,
      fmt.ms(r.medianMs),
      fmt.ms(stats.medianMs),
      hasTime ? `${fmt.ms(examCpu)} / ${fmt.ms(statsCpu)} (+${fmt.ms(examCpu - statsCpu)})` : '—',
      fmt.ratio(ratio),
      `${fmt.mb(r.rssMb)} / ${fmt.mb(stats.rssMb)}`,
      checked ? `≤ ${TARGET}× stats` : '—',
      checked ? fmt.pass(ratio <= TARGET) : '—',
    ];
  });
  console.log(
    `stats --exam beside stats (wall: median of ${RUNS} runs, interleaved; CPU: least of ${RUNS}; same deck, same database)\n`,
  );
  console.log(
    markdownTable(
      [
        'case',
        'wall ms',
        'stats wall ms',
        'CPU ms (exam / stats)',
        `ratio (${hasTime ? 'CPU' : 'wall'})`,
        'peak RSS MB (exam / stats)',
        'target',
        'result',
      ],
      rows,
    ),
  );
  console.log(`\nload average ${loadavg()[0].toFixed(1)}`);
  if (rows.some((r) => r.at(-1) === 'FAIL')) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
