import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * One schema change. The list below is append-only: entry i brings the database to
 * version i + 1 (tracked in `PRAGMA user_version`). Never edit or reorder a shipped entry —
 * people's databases already ran it; add a new entry instead.
 */
export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'study: card_state and reviews',
    // Times are milliseconds since the Unix epoch (UTC). `card_key` is the study item key
    // (`card-id`, `card-id:reverse`, `card-id:c2`), derived from the card id only, so
    // history survives edits of a card's text; rows of removed cards are kept.
    // Burying siblings needs no column: an item is buried while another item of the same
    // card has a review since the start of the study day.
    sql: `
      CREATE TABLE card_state (
        deck_id        TEXT    NOT NULL,
        card_key       TEXT    NOT NULL,
        card_id        TEXT    NOT NULL,
        state          INTEGER NOT NULL,          -- 0 new, 1 learning, 2 review, 3 relearning
        due            INTEGER NOT NULL,
        stability      REAL    NOT NULL,
        difficulty     REAL    NOT NULL,
        elapsed_days   INTEGER NOT NULL,
        scheduled_days INTEGER NOT NULL,
        learning_steps INTEGER NOT NULL,
        reps           INTEGER NOT NULL,
        lapses         INTEGER NOT NULL,
        last_review    INTEGER,
        leech          INTEGER NOT NULL DEFAULT 0,  -- 1 once the card has lapsed 8 times
        review_id      INTEGER NOT NULL,          -- the review that produced this state
        PRIMARY KEY (deck_id, card_key)
      ) WITHOUT ROWID;
      CREATE INDEX card_state_due ON card_state (deck_id, due);

      CREATE TABLE reviews (
        id             INTEGER PRIMARY KEY,
        deck_id        TEXT    NOT NULL,
        card_key       TEXT    NOT NULL,
        card_id        TEXT    NOT NULL,
        rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4), -- 1 again, 2 hard, 3 good, 4 easy
        reviewed_at    INTEGER NOT NULL,
        duration_ms    INTEGER NOT NULL,
        state_before   INTEGER NOT NULL,
        state          INTEGER NOT NULL,
        due            INTEGER NOT NULL,
        stability      REAL    NOT NULL,
        difficulty     REAL    NOT NULL,
        scheduled_days INTEGER NOT NULL,
        previous       TEXT                       -- card_state before this answer (JSON), NULL if it was new
      );
      CREATE INDEX reviews_time ON reviews (reviewed_at);
      CREATE INDEX reviews_card ON reviews (deck_id, card_key, reviewed_at);
    `,
  },
  {
    name: 'quiz: quiz_attempts and quiz_answers',
    // Quizzes never touch the schedule: their own tables, one row per attempt (the
    // --retry-missed round is its own attempt pointing at the first) and one per question
    // asked, unanswered ones included. `decks` is the sorted deck ids joined by commas, which
    // is what "previous attempts on these decks" compares.
    sql: `
      CREATE TABLE quiz_attempts (
        id             INTEGER PRIMARY KEY,
        started_at     INTEGER NOT NULL,
        finished_at    INTEGER NOT NULL,
        decks          TEXT    NOT NULL,
        seed           TEXT    NOT NULL,
        options        TEXT    NOT NULL,          -- JSON: count, tags, sections, types, feedback, time limit, pass mark
        retry_of       INTEGER REFERENCES quiz_attempts (id),
        score          INTEGER NOT NULL,
        total          INTEGER NOT NULL,
        percent        INTEGER NOT NULL,
        passed         INTEGER,                   -- 1 or 0 against --pass-mark, NULL without one
        overruled      INTEGER NOT NULL,
        time_limit_hit INTEGER NOT NULL,
        interrupted    INTEGER NOT NULL           -- 1 if ended by Ctrl-C: a partial attempt
      );
      CREATE INDEX quiz_attempts_decks ON quiz_attempts (decks, started_at);

      CREATE TABLE quiz_answers (
        attempt_id     INTEGER NOT NULL REFERENCES quiz_attempts (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,          -- 1-based order in which it was asked
        deck_id        TEXT    NOT NULL,
        card_key       TEXT    NOT NULL,
        card_id        TEXT    NOT NULL,
        section        TEXT,
        kind           TEXT    NOT NULL,          -- choice, truefalse or typed
        answered       INTEGER NOT NULL,
        given          TEXT,                      -- NULL when not answered
        correct        INTEGER NOT NULL,          -- after overruling
        overruled      INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX quiz_answers_card ON quiz_answers (deck_id, card_key);
    `,
  },
  {
    name: 'optimize: fsrs_parameters',
    // FSRS-6 parameters fitted to the learner by `quizdeck optimize` and adopted because they
    // predicted the held-out later reviews better than the defaults. `deck_id` is a deck, or
    // '*' for those fitted on all decks together (used by decks without their own). `weights`
    // is a JSON array of 21 numbers; the four metrics are on the held-out reviews.
    sql: `
      CREATE TABLE fsrs_parameters (
        deck_id          TEXT PRIMARY KEY,
        weights          TEXT NOT NULL,
        fitted_at        INTEGER,
        reviews          INTEGER,
        log_loss         REAL,
        rmse             REAL,
        default_log_loss REAL,
        default_rmse     REAL
      );
    `,
  },
  {
    name: 'stats: a covering index of the review log',
    // What `quizdeck stats` reads of each review, in the order of saving (id) per deck: it
    // reads this index instead of the table, whose rows carry the `previous` JSON (a 500k
    // review log: 28 MB read instead of 145 MB; see io/statsStore.ts).
    sql: `
      CREATE INDEX reviews_stats ON reviews (deck_id, id, card_key, reviewed_at, rating, state_before, stability);
    `,
  },
  {
    name: 'study --cram: cram_answers',
    // Answers of cram sessions, kept apart from `reviews` so they change no schedule, no
    // statistic of true retention and no fitted parameter. `session` is when the session began.
    sql: `
      CREATE TABLE cram_answers (
        id          INTEGER PRIMARY KEY,
        session     INTEGER NOT NULL,
        deck_id     TEXT    NOT NULL,
        card_key    TEXT    NOT NULL,
        card_id     TEXT    NOT NULL,
        rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        answered_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL
      );
      CREATE INDEX cram_answers_card ON cram_answers (deck_id, card_key);
    `,
  },
  {
    name: 'stats: the review log by item',
    // What `quizdeck stats` reads of each review, item by item and in the order of saving (id)
    // within each: it folds the log grouped by item, so no item key crosses into JavaScript
    // (io/statsStore.ts). It replaces the index by deck and id of migration 4, which nothing
    // else read.
    sql: `
      CREATE INDEX reviews_item ON reviews (deck_id, card_key, id, reviewed_at, rating, state_before, stability);
      DROP INDEX reviews_stats;
    `,
  },
];

/**
 * A database quizdeck will not use, and why (one sentence, after the path): a fact for the
 * command, which chooses what to do (refuse with exit 2, or go on without it as `list` does).
 */
export class DatabaseRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DatabaseRefused';
  }
}

export interface OpenOptions {
  /** Open without creating or migrating; `null` is returned when the file does not exist. */
  readonly?: boolean;
  /**
   * With `readonly`: read the file as it is and add nothing beside it (no -wal or -shm, which a
   * read-only connection cannot remove again), for a quick look at a file that may be damaged.
   * Without locks, so only for short reads (list's counts).
   */
  untouched?: boolean;
  migrations?: readonly Migration[];
}

/**
 * `PRAGMA application_id` of every database quizdeck makes ("QDK1"): how it knows a file is its
 * own before it changes anything in it (issue 9: `--db places.sqlite` got our tables and WAL).
 */
export const APPLICATION_ID = 0x51444b31;

/** What a file at the database path is, found without writing to it. */
type Kind = 'ours' | 'empty' | 'legacy' | 'foreign';

/**
 * better-sqlite3's addon, by path: left to itself, better-sqlite3 finds it with the `bindings`
 * package, which tries a dozen candidate paths (about 5 ms of every launch) and, bundled into
 * dist/, would search from the wrong directory. Installing better-sqlite3 (a prebuilt binary
 * or a build from source) always puts the addon here.
 */
let nativeBinding: string | undefined;
const addonPath = () =>
  (nativeBinding ??= createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'));

/**
 * Opens the review database, creating it and running pending migrations unless `readonly`.
 * Refused with DatabaseRefused (the commands exit 2) and left byte-for-byte untouched: a path that is not a
 * regular file, a file that is not SQLite, another application's database (tables of its own
 * and not our application_id), one written by a newer quizdeck, and, unless `readonly`, one that
 * cannot be written (checked before the first question, not after the first answer).
 */
export function openDatabase(path: string, options: OpenOptions & { readonly: true }): Db | null;
export function openDatabase(path: string, options?: OpenOptions): Db;
export function openDatabase(path: string, options: OpenOptions = {}): Db | null {
  const migrations = options.migrations ?? MIGRATIONS;
  const size = fileSize(path);
  if (options.readonly && size === undefined) return null;
  let db: Db | undefined;
  try {
    // An existing file is looked at through a read-only connection first: a read-write one
    // could checkpoint another application's WAL into its file when closed.
    const header = size ? sqliteHeader(path) : undefined;
    const kind = size ? inspect(path, header, migrations) : 'empty';
    if (kind === 'foreign')
      throw new DatabaseRefused(
        path,
        `this is not a quizdeck database (it holds another application's tables); it was left untouched — use another --db`,
      );
    if (options.readonly) {
      if (kind === 'empty')
        throw new DatabaseRefused(path, `this database is empty (quizdeck has not written to it yet)`);
      db = options.untouched ? connectToLook(path, header) : connect(path, true);
      checkVersion(path, db, migrations);
      return db;
    }
    mkdirSync(dirname(path), { recursive: true });
    db = connect(path, false);
    checkVersion(path, db, migrations);
    requireWritable(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (kind !== 'ours') db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseRefused) throw error;
    // SQLite cannot open a read-only file in WAL mode at all, and says only "unable to open".
    const code = (error as { code?: string }).code ?? '';
    if (!options.readonly && code.startsWith('SQLITE_CANTOPEN') && !writable(path))
      throw new DatabaseRefused(path, `${describeDbError({ code: 'SQLITE_READONLY' })}`);
    throw new DatabaseRefused(path, `${describeDbError(error)}`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function connect(path: string, readonly: boolean): Db {
  const db = open(path, { readonly, fileMustExist: readonly });
  // Another session may hold the write lock for a moment; wait rather than fail.
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * better-sqlite3 reads `file:` URIs only when its addon is loaded with SQLITE_USE_URI=1 (it reads
 * the variable once, when the first database is opened); our own paths are always absolute, so
 * no path of ours is taken for a URI. Set for that moment only, so no child process inherits it.
 */
function open(filename: string, options: Database.Options): Db {
  if (nativeBinding !== undefined) return new Database(filename, { ...options, nativeBinding });
  const saved = process.env.SQLITE_USE_URI;
  process.env.SQLITE_USE_URI = '1';
  try {
    return new Database(filename, { ...options, nativeBinding: addonPath() });
  } finally {
    if (saved === undefined) delete process.env.SQLITE_USE_URI;
    else process.env.SQLITE_USE_URI = saved;
  }
}

/** The first 100 bytes of an SQLite file (its header), or undefined for anything else. */
function sqliteHeader(path: string): Buffer | undefined {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) !== 100) return undefined;
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === 'SQLite format 3\0' ? header : undefined;
}

/**
 * A read-only connection that adds nothing beside the file (it may be another application's, or
 * damaged). A read-only connection to a database in WAL mode (Firefox's places.sqlite is one)
 * creates its -wal and -shm files and, unable to check-point, leaves them behind (issue 9). With
 * no -wal file, nothing has the database open and nothing waits to be check-pointed, so the file
 * alone is the database: SQLite's `immutable` reads it without locks, -wal or -shm. With a -wal
 * file, its owner is running (or crashed) and the -wal holds part of the database: read it the
 * usual way.
 */
function connectToLook(path: string, header: Buffer | undefined): Db {
  const wal = header !== undefined && header[18] === 2;
  if (wal && !existsSync(`${path}-wal`)) {
    try {
      return open(`${pathToFileURL(path).href}?immutable=1`, { readonly: true, fileMustExist: true });
    } catch {
      // URIs turned off (SQLITE_USE_URI=0 in the environment, or the addon loaded by someone else).
    }
  }
  return connect(path, true);
}

/** The size of a regular file, `undefined` when there is none; anything else at the path is refused. */
function fileSize(path: string): number | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new DatabaseRefused(path, `${describeDbError(error)}`);
  }
  if (stat.isDirectory()) throw new DatabaseRefused(path, `cannot open the database: it is a directory, not a file`);
  if (!stat.isFile()) throw new DatabaseRefused(path, `cannot open the database: it is not a regular file`);
  return stat.size;
}

function inspect(path: string, header: Buffer | undefined, migrations: readonly Migration[]): Kind {
  // PRAGMA application_id is these four bytes of the header.
  if (header?.readUInt32BE(68) === APPLICATION_ID) return 'ours';
  const db = connectToLook(path, header);
  try {
    // The header may not say so yet: a new database's first changes can still be in its -wal.
    if ((db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID) return 'ours';
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      .pluck()
      .all() as string[];
    if (tables.length === 0 && (db.pragma('application_id', { simple: true }) as number) === 0) return 'empty';
    // Databases of quizdeck before application_id: only our tables, at one of our versions.
    const ours = new Set(
      migrations.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1]!)),
    );
    const version = db.pragma('user_version', { simple: true }) as number;
    const legacy =
      (db.pragma('application_id', { simple: true }) as number) === 0 &&
      version >= 1 &&
      tables.every((t) => ours.has(t));
    return legacy ? 'legacy' : 'foreign';
  } finally {
    db.close();
  }
}

function checkVersion(path: string, db: Db, migrations: readonly Migration[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new DatabaseRefused(
      path,
      `this database was written by a newer quizdeck (schema version ${version}, this one knows ${migrations.length}); upgrade quizdeck or use another --db`,
    );
  }
}

/**
 * SQLite opens a file it may not write read-only without saying so, and BEGIN IMMEDIATE still
 * succeeds; only a write fails. Rewriting user_version with its own value inside a transaction
 * that is rolled back finds that out before the first question and leaves nothing behind.
 */
function requireWritable(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${version}`);
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Runs the pending migrations, each in its own IMMEDIATE transaction so two sessions starting at once cannot both apply one. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  for (;;) {
    const applied = db
      .transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        const next = migrations[version];
        if (!next) return false;
        db.exec(next.sql);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return;
  }
}

export function describeDbError(error: unknown): string {
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'this file is not a quizdeck database (it is not SQLite, or it is damaged); it was left untouched — use another --db or move it away';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY'))
    return 'the database cannot be written: the file or its folder is read-only (check their permissions, or use another --db)';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM')
    return 'cannot open the database (check that the file and its folder are readable and writable)';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk could not be read or written (an I/O error)';
  if (code === 'SQLITE_BUSY') return 'the database is locked by another program for too long; try again';
  if (code === 'EISDIR') return 'cannot open the database: it is a directory, not a file';
  return (error as Error)?.message ?? String(error);
}

/** SQLite errors that mean the database could not be written or read from disk, not a bug. */
export function isDbIoError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB|BUSY)/.test(code);
}
