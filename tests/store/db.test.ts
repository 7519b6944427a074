import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRefused, MIGRATIONS, openDatabase } from '../../src/io/db.js';
import { resolveDbPath } from '../../src/io/paths.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'quizdeck-db-'));

describe('openDatabase', () => {
  it('creates the file, runs every migration and uses WAL', () => {
    const path = join(tmp(), 'sub', 'q.db');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['card_state', 'reviews']));
    db.close();
  });

  it('applies only the migrations appended since the last open', () => {
    const path = join(tmp(), 'q.db');
    openDatabase(path, { migrations: [{ name: 'a', sql: 'CREATE TABLE a (x)' }] }).close();
    const db = openDatabase(path, {
      migrations: [
        { name: 'a', sql: 'CREATE TABLE a (x)' },
        { name: 'b', sql: 'CREATE TABLE b (y)' },
      ],
    });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('returns null read-only for a missing file and does not create it', () => {
    const path = join(tmp(), 'none.db');
    expect(openDatabase(path, { readonly: true })).toBeNull();
    expect(() => readFileSync(path)).toThrow();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(tmp(), 'bad.db');
    writeFileSync(path, 'hello, this is not a database at all, just some text to fill the header page');
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseRefused);
    expect(() => openDatabase(path)).toThrow(/not a quizdeck database/);
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a database from a newer quizdeck', () => {
    const path = join(tmp(), 'new.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer quizdeck/);
    expect(() => openDatabase(path, { readonly: true })).toThrow(/newer quizdeck/);
  });

  it('refuses a path it cannot open as a file (a directory) with one sentence, and as root too', () => {
    const path = join(tmp(), 'folder.db');
    mkdirSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseRefused);
    expect(() => openDatabase(path)).toThrow(/folder\.db: cannot open the database/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file with one sentence', () => {
    const path = join(tmp(), 'locked.db');
    openDatabase(path).close();
    chmodSync(path, 0o000);
    expect(() => openDatabase(path)).toThrow(/cannot open the database/);
  });
});

describe('resolveDbPath', () => {
  const cases: [string | undefined, Record<string, string>, string][] = [
    ['my.db', { QUIZDECK_DB: '/x/env.db' }, '/work/my.db'],
    [undefined, { QUIZDECK_DB: '/x/env.db' }, '/x/env.db'],
    [undefined, { XDG_DATA_HOME: '/data' }, '/data/quizdeck/quizdeck.db'],
    [undefined, { XDG_DATA_HOME: 'relative' }, '/home/u/.local/share/quizdeck/quizdeck.db'],
    [undefined, {}, '/home/u/.local/share/quizdeck/quizdeck.db'],
  ];
  it.each(cases)('--db %s with %o → %s', (option, env, expected) => {
    expect(resolveDbPath(option, env, '/work', '/home/u')).toBe(expected);
  });
});
