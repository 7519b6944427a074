// `quizdeck stats` beside `quizdeck list` on the same 20k-card deck and the same database of
// 500k reviews (each review with the card's state before it, as study writes them) and 300 quiz
// attempts, in one run. Target (issue 13): stats ≤ 2× list.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compare, fmt, markdownTable, OUT_DIR, QUIZDECK, ROOT, writeSyntheticDeck } from './lib.mjs';
import { createSchema, prng } from './schema.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const CARDS = 20_000;
const REVIEWS = 500_000;
const RUNS = 7;
const DAY = 86_400_000;
const TARGET = 2;
const TASKSET = '/usr/bin/taskset';

/**
 * Three quarters of the items studied, ~27 reviews each over the past year, outcomes drawn at
 * the forgetting curve's probability; a lapse is followed by a relearning step 10 minutes later.
 * Saved in time order, as sessions save them, each with the card's state before it.
 */
function fillReviews(db, now) {
  const random = prng(13);
  const deck = `bench-${CARDS}`;
  const items = [];
  for (let i = 0; i < CARDS; i++) {
    if (i % 4 === 3) items.push([`card-${i}`, `card-${i}:c1`], [`card-${i}`, `card-${i}:c2`]);
    else items.push([`card-${i}`, `card-${i}`]);
  }
  const studied = items.filter((_, i) => i % 4 !== 0);
  const events = [];
  studied.forEach((_, n) => {
    // 5% more than needed: the latest are cut off below, so the log ends at REVIEWS reviews.
    const quota = Math.round((1.05 * REVIEWS) / studied.length);
    let t = now - 360 * DAY + Math.floor(random() * 200 * DAY);
    let s = 0;
    let state = 0;
    let reps = 0;
    let lapses = 0;
    let last = null;
    for (let r = 0; r < quota && t < now - DAY; r++) {
      const before = state;
      let rating;
      if (before === 0 || before === 3) rating = 3;
      else rating = random() < (1 + (19 / 81) * ((t - last) / DAY / s)) ** -0.5 ? 3 : 1;
      if (before === 0) s = 2.3;
      else if (before === 2 && rating === 1) {
        s = Math.max(0.5, s * 0.4);
        lapses++;
      } else if (before === 2) s *= 1.15;
      state = before === 2 && rating === 1 ? 3 : 2;
      reps++;
      const scheduled = state === 3 ? 0 : Math.max(1, Math.round(s));
      const due = state === 3 ? t + 10 * 60_000 : t + scheduled * DAY;
      events.push({ t, item: n, rating, before, state, due, s, scheduled, reps, lapses });
      last = t;
      t = due + (state === 3 ? 0 : Math.floor(random() * 3 * 3_600_000));
    }
  });
  events.sort((a, b) => a.t - b.t);
  events.length = Math.min(events.length, REVIEWS);
  const insertReview = db.prepare(
    'INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days, previous) VALUES (?, ?, ?, ?, ?, 4000, ?, ?, ?, ?, 5, ?, ?)',
  );
  const insertState = db.prepare(
    'INSERT INTO card_state (deck_id, card_key, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id) VALUES (?, ?, ?, ?, ?, ?, 5, 0, ?, 0, ?, ?, ?, ?, ?)',
  );
  const latest = new Map();
  const stateOf = (e, id) => ({
    state: e.state,
    due: e.due,
    stability: e.s,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: e.scheduled,
    learning_steps: 0,
    reps: e.reps,
    lapses: e.lapses,
    last_review: e.t,
    leech: e.lapses >= 8 ? 1 : 0,
    review_id: id,
  });
  events.forEach((e, i) => {
    const [card, key] = studied[e.item];
    const prev = latest.get(e.item);
    insertReview.run(
      deck,
      key,
      card,
      e.rating,
      e.t,
      e.before,
      e.state,
      e.due,
      e.s,
      e.scheduled,
      prev ? JSON.stringify(stateOf(prev.e, prev.id)) : null,
    );
    latest.set(e.item, { e, id: i + 1 });
  });
  for (const [item, { e, id }] of latest) {
    const [card, key] = studied[item];
    insertState.run(
      deck,
      key,
      card,
      e.state,
      e.due,
      e.s,
      e.scheduled,
      e.reps,
      e.lapses,
      e.t,
      e.lapses >= 8 ? 1 : 0,
      id,
    );
  }
  return events.length;
}

function fillQuizzes(db, now) {
  const random = prng(14);
  const attempt = db.prepare(
    "INSERT INTO quiz_attempts (started_at, finished_at, decks, seed, options, score, total, percent, passed, overruled, time_limit_hit, interrupted) VALUES (?, ?, ?, 's', '{}', ?, 20, ?, NULL, 0, 0, 0)",
  );
  const answer = db.prepare(
    "INSERT INTO quiz_answers (attempt_id, position, deck_id, card_key, card_id, section, kind, answered, given, correct, overruled) VALUES (?, ?, ?, ?, ?, ?, 'typed', 1, 'x', ?, 0)",
  );
  for (let a = 0; a < 300; a++) {
    const at = now - (300 - a) * DAY;
    const cards = Array.from({ length: 20 }, () => Math.floor(random() * CARDS) & ~3);
    const right = cards.map(() => random() < 0.5 + a / 1000);
    const score = right.filter(Boolean).length;
    const { lastInsertRowid } = attempt.run(at, at + 600_000, `bench-${CARDS}`, score, score * 5);
    cards.forEach((c, i) =>
      answer.run(
        lastInsertRowid,
        i + 1,
        `bench-${CARDS}`,
        `card-${c}`,
        `card-${c}`,
        `part-${c % 13}`,
        right[i] ? 1 : 0,
      ),
    );
  }
}

async function bigDatabase(deckFile) {
  mkdirSync(OUT_DIR, { recursive: true });
  const template = join(OUT_DIR, `stats-${CARDS}-${REVIEWS / 1000}k.db`);
  if (existsSync(template)) return template;
  const tmp = `${template}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  await createSchema(deckFile, tmp);
  const db = new Database(tmp);
  const now = Date.now();
  let total = 0;
  db.transaction(() => {
    total = fillReviews(db, now);
    fillQuizzes(db, now);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  process.stderr.write(`bench: generated ${template} (${total} reviews)\n`);
  copyFileSync(tmp, template);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  return template;
}

const deckFile = writeSyntheticDeck(CARDS);
const template = await bigDatabase(deckFile);
const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bench-'));
const db = join(dir, 'q.db');
copyFileSync(template, db);
// Brought to this build's schema (a template from an older build lacks the `reviews_item`
// index), as anyone's database is by their next study session.
await createSchema(deckFile, db);
try {
  const results = await compare(
    [
      { name: 'list', command: process.execPath, args: [QUIZDECK, 'list', deckFile, '--db', db] },
      { name: 'stats', command: process.execPath, args: [QUIZDECK, 'stats', deckFile, '--db', db] },
      { name: 'stats --json', command: process.execPath, args: [QUIZDECK, 'stats', deckFile, '--db', db, '--json'] },
      // On one CPU (Node sees one core): the whole log folded on one thread. For information.
      ...(existsSync(TASKSET)
        ? [
            {
              name: 'stats on one CPU',
              command: TASKSET,
              args: ['-c', '0', process.execPath, QUIZDECK, 'stats', deckFile, '--db', db],
            },
          ]
        : []),
    ],
    { runs: RUNS },
  );
  const list = results.get('list');
  const rows = ['stats', 'stats --json'].map((name) => {
    const r = results.get(name);
    const ratio = r.medianMs / list.medianMs;
    return [
      `${name}: ${CARDS / 1000}k cards, ${REVIEWS / 1000}k reviews`,
      fmt.ms(r.medianMs),
      fmt.ms(list.medianMs),
      fmt.ratio(ratio),
      `${fmt.mb(r.rssMb)} / ${fmt.mb(list.rssMb)}`,
      `≤ ${TARGET}× list`,
      fmt.pass(ratio <= TARGET),
    ];
  });
  const single = results.get('stats on one CPU');
  if (single)
    rows.push([
      `stats on one CPU (taskset -c 0: no worker thread)`,
      fmt.ms(single.medianMs),
      fmt.ms(list.medianMs),
      fmt.ratio(single.medianMs / list.medianMs),
      `${fmt.mb(single.rssMb)} / ${fmt.mb(list.rssMb)}`,
      'none',
      '',
    ]);
  console.log(`stats beside list (median of ${RUNS} runs, interleaved; same deck, same database)\n`);
  console.log(
    markdownTable(['case', 'stats ms', 'list ms', 'ratio', 'peak RSS MB (stats / list)', 'target', 'result'], rows),
  );
  // CPU time (user + system, the least of RUNS) as well: on a busy machine wall times mostly
  // measure the wait for a core, and the ratio of wall times swings either way.
  const cpu = (args) => {
    let best = Infinity;
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync('/usr/bin/time', ['-f', '__CPU__%U %S', process.execPath, QUIZDECK, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const m = /__CPU__([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
      if (m) best = Math.min(best, (Number(m[1]) + Number(m[2])) * 1000);
    }
    return best;
  };
  if (existsSync('/usr/bin/time')) {
    const listCpu = cpu(['list', deckFile, '--db', db]);
    const statsCpu = cpu(['stats', deckFile, '--db', db]);
    console.log(
      `\nCPU time (user + system, least of ${RUNS} runs): stats ${fmt.ms(statsCpu)} ms, list ${fmt.ms(listCpu)} ms, ${fmt.ratio(statsCpu / listCpu)}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
    );
    // A database from before migration 6 (no `reviews_item` index: SQLite sorts the log) until
    // study or quiz next opens it. For information; no target.
    const old = join(dir, 'old.db');
    copyFileSync(db, old);
    const handle = new Database(old);
    handle.exec('DROP INDEX IF EXISTS reviews_item');
    handle.close();
    const oldCpu = cpu(['stats', deckFile, '--db', old]);
    console.log(
      `stats on a database without the reviews_item index (before migration 6): ${fmt.ms(oldCpu)} ms of CPU, ${fmt.ratio(oldCpu / listCpu)} list`,
    );
  }
  if (rows.some((r) => r.at(-1) === 'FAIL')) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
