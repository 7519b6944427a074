import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';

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
];

export interface OpenOptions {
  /** Open without creating or migrating; `null` is returned when the file does not exist. */
  readonly?: boolean;
  migrations?: readonly Migration[];
}

/**
 * Opens the review database, creating it and running pending migrations unless `readonly`.
 * A file that is not a SQLite database, cannot be read, or was written by a newer quizdeck
 * is refused with a UsageError (exit 2) and left untouched.
 */
/**
 * better-sqlite3's addon, by path: left to itself, better-sqlite3 finds it with the `bindings`
 * package, which tries a dozen candidate paths (about 5 ms of every launch) and, bundled into
 * dist/, would search from the wrong directory. Installing better-sqlite3 (a prebuilt binary
 * or a build from source) always puts the addon here.
 */
let nativeBinding: string | undefined;
const addonPath = () => (nativeBinding ??= createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'));

export function openDatabase(path: string, options: OpenOptions & { readonly: true }): Db | null;
export function openDatabase(path: string, options?: OpenOptions): Db;
export function openDatabase(path: string, options: OpenOptions = {}): Db | null {
  const migrations = options.migrations ?? MIGRATIONS;
  if (options.readonly && !existsSync(path)) return null;
  let db: Db | undefined;
  try {
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: Boolean(options.readonly), fileMustExist: Boolean(options.readonly), nativeBinding: addonPath() });
    // Another session may hold the write lock for a moment; wait rather than fail.
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new UsageError(`${path}: this database was written by a newer quizdeck (schema version ${version}, this one knows ${migrations.length}); upgrade quizdeck or use another --db`);
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations);
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: ${describeDbError(error)}`);
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
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return 'this file is not a quizdeck database (it is not SQLite, or it is damaged); it was left untouched — use another --db or move it away';
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM') return 'cannot open the database (check that the file and its directory are readable and writable)';
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) return 'the database is read-only (check its permissions)';
  if (code === 'SQLITE_BUSY') return 'the database is locked by another program for too long; try again';
  if (code === 'EISDIR') return 'is a directory, not a database file';
  return (error as Error)?.message ?? String(error);
}
