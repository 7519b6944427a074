import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, openDatabase } from '../../src/io/db.js';
import { PARALLEL_MINIMUM_BYTES } from '../../src/io/statsFold.js';
import { runCli } from '../helpers/cli.js';
import { KEYS, runInPty, type PtySession } from '../helpers/pty.js';

// Issue 9, items 2-4: quizdeck changes only databases it can recognise as its own, finds out
// that it cannot write before the first question, and lists decks whatever the database is.
const DECK = resolve(import.meta.dirname, '../fixtures/valid/sample.yaml');
const FIRST_QUESTION = 'What is the hypervisor component of VMware ESX called?';

let dir: string;
let session: PtySession | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-db-'));
});
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = (path: string) =>
  readdirSync(dirname(path))
    .sort()
    .map((name) => [name, readFileSync(join(dirname(path), name)).toString('base64')]);

/**
 * Firefox keeps places.sqlite in WAL mode: its -wal and -shm go when Firefox closes it. `rows`
 * more places make it as big as needed.
 */
function foreignDatabase({ wal = false, rows = 0 } = {}): string {
  const path = join(dir, 'places.sqlite');
  const db = new Database(path);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org')",
  );
  const insert = db.prepare('INSERT INTO moz_places (url) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`https://example.org/${i}/${'x'.repeat(60)}`);
  })();
  db.pragma('user_version = 1');
  db.close();
  return path;
}

function study(db: string, options: { prefix?: string[] } = {}): PtySession {
  session = runInPty(['study', DECK, '--db', db], {
    cwd: dir,
    prefix: options.prefix,
    env: { QUIZDECK_DB: undefined },
  });
  return session;
}

describe("another application's database", { timeout: 30_000 }, () => {
  it.each([
    ['in rollback-journal mode', false],
    ['in WAL mode', true],
  ])(
    '%s: is refused by study and quiz with exit 2 and one sentence, and left byte-for-byte unchanged, without -wal or -shm files',
    async (_, wal) => {
      const path = foreignDatabase({ wal });
      expect(readdirSync(dir)).toEqual(['places.sqlite']);
      const before = snapshot(path);
      for (const command of ['study', 'quiz']) {
        session = runInPty([command, DECK, '--db', path], { cwd: dir, env: { QUIZDECK_DB: undefined } });
        await session.waitFor(
          `${path}: this is not a quizdeck database (it holds another application's tables); it was left untouched`,
        );
        expect((await session.exit()).exitCode).toBe(2);
        expect(session.text()).not.toContain(FIRST_QUESTION);
        expect(snapshot(path)).toEqual(before);
      }
    },
  );

  it.each([
    ['in rollback-journal mode', false],
    ['in WAL mode', true],
  ])('%s: is not used by list, which warns, lists the decks without counts, and changes nothing', (_, wal) => {
    const path = foreignDatabase({ wal });
    expect(readdirSync(dir)).toEqual(['places.sqlite']);
    const before = snapshot(path);
    const result = runCli(['list', DECK, '--db', path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `quizdeck: ${path}: this is not a quizdeck database (it holds another application's tables); it was left untouched — use another --db; study counts left out\n`,
    );
    expect(result.stdout).toContain('sample');
    expect(result.stdout).not.toContain('NEW');
    expect(snapshot(path)).toEqual(before);
  });

  it('in WAL mode and big enough for stats to start its worker thread: refused, and nothing added beside it', () => {
    const path = foreignDatabase({ wal: true, rows: 200_000 });
    expect(readdirSync(dir)).toEqual(['places.sqlite']);
    expect(statSync(path).size).toBeGreaterThanOrEqual(PARALLEL_MINIMUM_BYTES);
    const hash = () => createHash('sha256').update(readFileSync(path)).digest('hex');
    const before = hash();
    // The worker reads the file only once the main thread has opened it: before, it loaded
    // SQLite's addon first, without the URIs that read a file without -wal or -shm.
    const result = runCli(['stats', DECK, '--db', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `quizdeck: ${path}: this is not a quizdeck database (it holds another application's tables); it was left untouched — use another --db\n`,
    );
    expect(readdirSync(dir)).toEqual(['places.sqlite']);
    expect(hash()).toBe(before);
  });

  it('a database of an earlier quizdeck (our tables, no application_id) is still recognised and marked as ours', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sql);
    old.pragma('user_version = 1');
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});

describe('list with a database it cannot use', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a zero-length file', (path) => writeFileSync(path, ''), /this database is empty/],
    [
      'a text file',
      (path) => writeFileSync(path, 'not a database, just text that is long enough to fill a header page'.repeat(4)),
      /not a quizdeck database/,
    ],
    [
      'a truncated database',
      (path) => {
        const db = openDatabase(path);
        const insert = db.prepare(
          "INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days) VALUES ('sample', ?, 'x', 3, 0, 0, 0, 2, 0, 1, 5, 1)",
        );
        for (let i = 0; i < 2000; i++) insert.run(`k${i}`);
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
        db.close();
        truncateSync(path, 3 * 4096);
      },
      /damaged|missing quizdeck's tables/,
    ],
    [
      // quizdeck keeps its database in WAL mode: a read-only connection would add -wal and -shm.
      'a truncated database in WAL mode',
      (path) => {
        const db = openDatabase(path);
        const insert = db.prepare(
          "INSERT INTO reviews (deck_id, card_key, card_id, rating, reviewed_at, duration_ms, state_before, state, due, stability, difficulty, scheduled_days) VALUES ('sample', ?, 'x', 3, 0, 0, 0, 2, 0, 1, 5, 1)",
        );
        for (let i = 0; i < 2000; i++) insert.run(`k${i}`);
        db.close();
        truncateSync(path, 3 * 4096);
      },
      /damaged|missing quizdeck's tables/,
    ],
  ];
  it.each(cases)('%s: warns, lists the decks without counts, exit 0, no -wal/-shm beside it', (_, make, reason) => {
    const path = join(dir, 'q.db');
    make(path);
    expect(readdirSync(dir)).toEqual(['q.db']);
    const before = snapshot(path);
    const result = runCli(['list', DECK, '--db', path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/study counts left out\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stdout).toMatch(/^sample\s/m);
    expect(snapshot(path)).toEqual(before);
  });

  it('a directory given as --db: one sentence naming it', () => {
    const path = join(dir, 'folder.db');
    mkdirSync(path);
    const result = runCli(['list', DECK, '--db', path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `quizdeck: ${path}: cannot open the database: it is a directory, not a file; study counts left out\n`,
    );
  });
});

// Permissions do not stop root, so as root the command runs as nobody.
const asRoot = process.getuid?.() === 0;
const hasSetpriv = asRoot && spawnSync('setpriv', ['--version']).status === 0;
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

describe('a database that cannot be written', { timeout: 30_000 }, () => {
  it.skipIf(asRoot && !hasSetpriv)(
    'is refused before the first question: read-only file, read-only folder',
    async () => {
      for (const make of ['file', 'folder'] as const) {
        const folder = join(dir, make);
        mkdirSync(folder);
        const path = join(folder, 'q.db');
        openDatabase(path).close();
        // Everyone may read the way there and the file; only the write bit is taken away.
        // (up to the test run's own sandbox, which holds tmpdir(); never past it)
        for (let p = folder; p !== '/'; p = dirname(p)) {
          chmodSync(p, statSync(p).mode | 0o555);
          if (p === dirname(tmpdir())) break;
        }
        if (make === 'file') chmodSync(path, 0o444);
        else {
          chmodSync(path, 0o666);
          chmodSync(folder, 0o555);
        }
        study(path, asRoot ? { prefix: NOBODY } : {});
        await session!.waitFor(`${path}: the database cannot be written: the file or its folder is read-only`);
        expect((await session!.exit()).exitCode).toBe(2);
        expect(session!.text()).not.toContain(FIRST_QUESTION);
        chmodSync(folder, 0o755);
      }
    },
  );
});

// A disk that fills up mid-session, on a tiny tmpfs: needs root and mount (skipped elsewhere).
function mountTiny(): string | undefined {
  if (!asRoot) return undefined;
  const mount = join(dir, 'tiny');
  mkdirSync(mount);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status === 0 ? mount : undefined;
}
function fillDisk(mount: string): void {
  const chunk = Buffer.alloc(4096, 1);
  const fill = join(mount, 'filler');
  writeFileSync(fill, '');
  try {
    for (;;) writeFileSync(fill, chunk, { flag: 'a' });
  } catch {
    // ENOSPC: the disk is full now.
  }
}
const canMount = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'quizdeck-mount-'));
  try {
    if (!asRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe('a disk that fills up during a session', { timeout: 30_000 }, () => {
  let mount: string | undefined;
  afterEach(() => {
    if (mount) spawnSync('umount', ['-l', mount]);
    mount = undefined;
  });

  it.skipIf(!canMount)('study: keeps the answers before, prints the summary and one sentence, exit 2', async () => {
    mount = mountTiny()!;
    const path = join(mount, 'q.db');
    study(path);
    await session!.waitFor(FIRST_QUESTION);
    await session!.waitFor('Your answer:');
    session!.send('VMkernel', KEYS.enter);
    await session!.waitFor('Good · ');
    session!.send('3');
    await session!.waitFor('which partition owns the physical device drivers?');
    await session!.waitFor('Pick one');
    fillDisk(mount);
    session!.send('1');
    await session!.waitFor('Good · ');
    session!.send('3');
    await session!.waitFor(`${path}: the disk is full; the answer on screen was not saved (every answer before it is)`);
    expect((await session!.exit()).exitCode).toBe(2);
    expect(session!.text()).toMatch(/Cards studied:\s+1\s/);
    // Only the saved answer's card comes back (the summary said "2 learning cards" before).
    expect(session!.text()).toContain('1 learning card comes back in 10m');
    expect(session!.text()).not.toMatch(/unexpected error|at .*\.js:\d+/);
    rmSync(join(mount, 'filler'));
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(1);
    db.close();
  });

  it.skipIf(!canMount)('quiz: shows the score, then one sentence, exit 2', async () => {
    mount = mountTiny()!;
    const path = join(mount, 'q.db');
    copyFileSync(DECK, join(dir, 'deck.yaml'));
    session = runInPty(
      ['quiz', join(dir, 'deck.yaml'), '--db', path, '-n', '1', '--type', 'truefalse', '--seed', '1'],
      { cwd: dir, env: { QUIZDECK_DB: undefined } },
    );
    await session.waitFor('True or false?');
    fillDisk(mount);
    session.send(KEYS.enter);
    await session.waitFor(/Score|score/);
    await session.waitFor(`${path}: the disk is full; this attempt was not saved (its score is shown above)`);
    expect((await session.exit()).exitCode).toBe(2);
    expect(existsSync(path)).toBe(true);
  });
});
