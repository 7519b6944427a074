// `quizdeck study` in a pseudo-terminal: launch to first card on screen (bundled decks with an
// empty database; a 20k-card deck with 500k reviews in the database) and answer-to-next-card
// latency, beside `node -e 0` run the same way in the same run.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, markdownTable, median, OUT_DIR, QUIZDECK, ROOT, runOnce, writeSyntheticDeck } from './lib.mjs';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const Database = require('better-sqlite3');

const RUNS = 7;
const ANSWERS = 15;
const DAY = 86_400_000;
const stripAnsi = (s) => s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[@-Z\\-_]/g, '');

/** Spawns in a pty; resolves with ms from spawn until `pattern` is on screen (or the process exits). */
function launch(args, { env = {} } = {}) {
  const start = process.hrtime.bigint();
  const term = pty.spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = '';
  const waiters = [];
  term.onData((d) => {
    out += d;
    for (const w of [...waiters]) w();
  });
  const exited = new Promise((resolve) => term.onExit(resolve));
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
  const waitFor = (pattern, from = 0, timeout = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(stripAnsi(out.slice(from)));
        if (!m) return false;
        waiters.splice(waiters.indexOf(check), 1);
        clearTimeout(timer);
        resolve({ ms: elapsed(), text: stripAnsi(out.slice(from)) });
        return true;
      };
      const timer = setTimeout(
        () => reject(new Error(`timeout waiting for ${pattern}: ${stripAnsi(out).slice(-500)}`)),
        timeout,
      );
      waiters.push(check);
      check();
    });
  return { term, exited, elapsed, waitFor, length: () => out.length };
}

async function nodeBaseline() {
  const s = launch(['-e', '0']);
  await s.exited;
  return s.elapsed();
}

const FIRST_CARD = /\d+ left · 0 done[\s\S]*(Your answer:|Press Enter|Pick (one|all)|True or false\?)/;
const NEXT_CARD = /\d+ left · \d+ done[\s\S]*(Your answer:|Press Enter|Pick (one|all)|True or false\?)/;

async function timeToFirstCard(args) {
  const s = launch([QUIZDECK, 'study', ...args], { until: FIRST_CARD });
  const { ms } = await s.waitFor(FIRST_CARD);
  s.term.kill('SIGKILL');
  await s.exited;
  return ms;
}

/** Answers `ANSWERS` cards; for each, ms from the grade key to the next card on screen. */
async function answerLatencies(args) {
  const s = launch([QUIZDECK, 'study', ...args]);
  let { text } = await s.waitFor(FIRST_CARD);
  const latencies = [];
  for (let n = 1; n <= ANSWERS; n++) {
    let from = s.length();
    if (/Your answer:\s*$/m.test(text) || text.trimEnd().endsWith('show the answer (then u undo, q quit)'))
      s.term.write('x\r');
    else if (/Press Enter to show the answer/.test(text)) s.term.write('\r');
    else if (/Pick all/.test(text)) s.term.write('1\r');
    else if (/Pick one/.test(text)) s.term.write('1');
    else s.term.write('t');
    await s.waitFor(/Again · /, from);
    from = s.length();
    const sent = s.elapsed();
    s.term.write('3');
    // The next card: a new header after the grade prompt.
    ({ text } = await s.waitFor(NEXT_CARD, from));
    latencies.push(s.elapsed() - sent);
  }
  s.term.kill('SIGKILL');
  await s.exited;
  return latencies;
}

/** A database with the deck's items studied and 500k reviews over the past year. */
function bigDatabase(deckFile, cards) {
  mkdirSync(OUT_DIR, { recursive: true });
  const template = join(OUT_DIR, `study-${cards}-500k.db`);
  if (existsSync(template)) return template;
  // Let quizdeck create the schema (its own migrations), then fill it directly.
  const tmp = `${template}.tmp`;
  rmSync(tmp, { force: true });
  const q = launch([QUIZDECK, 'study', deckFile, '--db', tmp]);
  return q.waitFor(FIRST_CARD).then(async () => {
    q.term.write('\x03');
    await q.exited;
    const db = new Database(tmp);
    const now = Date.now();
    const keys = [];
    for (let i = 0; i < cards; i++) {
      if (i % 4 === 3) keys.push([`card-${i}`, `card-${i}:c1`], [`card-${i}`, `card-${i}:c2`]);
      else keys.push([`card-${i}`, `card-${i}`]);
    }
    const deck = `bench-${cards}`;
    const insertReview = db.prepare(
      'INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days, previous) VALUES (?, ?, ?, ?, ?, 4000, 2, 2, ?, 20, 5, 20, NULL)',
    );
    const insertState = db.prepare(
      'INSERT INTO card_state (deck_id, card_key, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review, leech, review_id) VALUES (?, ?, ?, 2, ?, ?, 5, 20, 20, 0, 30, 1, ?, 0, ?)',
    );
    db.transaction(() => {
      for (let r = 0; r < 500_000; r++) {
        const [card, key] = keys[r % keys.length];
        insertReview.run(
          deck,
          key,
          card,
          1 + (r % 4),
          now - 2 * DAY - ((r * 7919) % (365 * DAY)),
          now + ((r % 60) - 20) * DAY,
        );
      }
      // Three quarters of the items studied; a spread of due dates, some overdue.
      keys.forEach(([card, key], i) => {
        if (i % 4 !== 0)
          insertState.run(deck, key, card, now + ((i % 90) - 30) * DAY, 5 + (i % 50), now - 20 * DAY, i + 1);
      });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copyFileSync(tmp, template);
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
    return template;
  });
}

// Every copy's folder is removed when the bench ends, however it ends (they were left in /tmp).
const copies = [];
process.on('exit', () => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshCopy(template) {
  const dir = mkdtempSync(join(tmpdir(), 'quizdeck-bench-'));
  copies.push(dir);
  const db = join(dir, 'q.db');
  if (template) copyFileSync(template, db);
  return db;
}

const CARDS = 20_000;
const deckFile = writeSyntheticDeck(CARDS);
const template = await bigDatabase(deckFile, CARDS);

const base = [];
const small = [];
const big = [];
// Reading and validating the decks is shared with every command: `list` shows what of the
// launch time is deck loading, and what is study's own (database, queue, first screen).
const listSmall = [];
const listBig = [];
const noDb = { ...process.env, QUIZDECK_DB: join(tmpdir(), 'quizdeck-bench-none.db') };
for (let i = 0; i < RUNS; i++) {
  base.push(await nodeBaseline());
  small.push(await timeToFirstCard(['--db', freshCopy(null)]));
  big.push(await timeToFirstCard([deckFile, '--db', freshCopy(template)]));
  listSmall.push((await runOnce(process.execPath, [QUIZDECK, 'list'], { env: noDb })).ms);
  listBig.push((await runOnce(process.execPath, [QUIZDECK, 'list', deckFile], { env: noDb })).ms);
}
const latencies = [
  ...(await answerLatencies(['--db', freshCopy(null)])),
  ...(await answerLatencies([deckFile, '--db', freshCopy(template)])),
];

const baseMs = median(base);
const row = (name, ms, target) => [
  name,
  fmt.ms(ms),
  fmt.ms(baseMs),
  fmt.ratio(ms / baseMs),
  `≤ ${target} ms`,
  fmt.pass(ms <= target),
];
const rows = [
  row('launch → first card: bundled decks, empty database', median(small), 300),
  row(`launch → first card: ${CARDS / 1000}k cards, 500k reviews`, median(big), 600),
  [
    '(reference) quizdeck list: bundled decks',
    fmt.ms(median(listSmall)),
    fmt.ms(baseMs),
    fmt.ratio(median(listSmall) / baseMs),
    '—',
    '—',
  ],
  [
    `(reference) quizdeck list: ${CARDS / 1000}k cards`,
    fmt.ms(median(listBig)),
    fmt.ms(baseMs),
    fmt.ratio(median(listBig) / baseMs),
    '—',
    '—',
  ],
  [
    `answer → next card (median of ${latencies.length}; p90 ${fmt.ms(latencies.sort((a, b) => a - b)[Math.floor(latencies.length * 0.9)])} ms)`,
    fmt.ms(median(latencies)),
    '—',
    '—',
    '≤ 50 ms',
    fmt.pass(median(latencies) <= 50),
  ],
];
console.log(`study (pseudo-terminal, median of ${RUNS} runs; node -e 0 spawned the same way)\n`);
console.log(markdownTable(['case', 'quizdeck ms', 'node -e 0 ms', 'ratio', 'target', 'result'], rows));
if (rows.some((r) => r.at(-1) === 'FAIL')) process.exitCode = 1;
