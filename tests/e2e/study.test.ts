import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, KEYS, runInPty } from '../helpers/pty.js';

// Runs the built binary: `npx tsup` first (npm test does).
const DECK = 'tests/fixtures/valid/sample.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'quizdeck-e2e-'));
const rows = (db: string, sql: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all();
  } finally {
    conn.close();
  }
};

describe('quizdeck study in a pseudo-terminal', { timeout: 30_000 }, () => {
  it('answers cards, exits 130 on Ctrl-C with a summary, and carries the state to the next session', async () => {
    const db = join(tmp(), 'q.db');
    const s = runInPty(['study', DECK, '--db', db]);
    await s.waitFor('What is the hypervisor component of VMware ESX called?');
    await s.waitFor('Your answer:');
    s.send('VMkernal', KEYS.enter);
    await s.waitFor(/Expected:\s+VMkernel/);
    await s.waitFor('Again · 1m');
    s.send(KEYS.enter); // accepts the suggested Again
    await s.waitFor('which partition owns the physical device drivers?');
    await s.waitFor('Pick one');
    s.send('u'); // undo the first answer: it comes back
    await s.waitFor('Undid your answer');
    await s.waitFor('Your answer:');
    s.send('the VMkernel', KEYS.enter);
    await s.waitFor('✓ Correct');
    await s.waitFor('Good · 10m');
    s.send('3');
    await s.waitFor('Pick one');
    s.send(KEYS.ctrlC);
    await s.waitFor('Cards studied:  1');
    expect((await s.exit()).exitCode).toBe(130);
    expect(rows(db, 'SELECT card_key, rating, state_before, state FROM reviews')).toEqual([{ card_key: 'esx-hypervisor-name', rating: 3, state_before: 0, state: 1 }]);

    const again = runInPty(['study', DECK, '--db', db]);
    // The reverse is buried for today: 4 new (choice, true/false, two cloze deletions) and 1 learning.
    await again.waitFor('4 new · 1 learning · 0 due');
    await again.waitFor('Pick one');
    again.send('q');
    await again.waitFor('Session summary');
    expect((await again.exit()).exitCode).toBe(0);
  });

  it('loses no answered card when killed with SIGKILL', async () => {
    const db = join(tmp(), 'q.db');
    const s = runInPty(['study', DECK, '--db', db]);
    await s.waitFor('Your answer:');
    s.send('VMkernel', KEYS.enter);
    await s.waitFor('Good · 10m');
    s.send(KEYS.enter);
    await s.waitFor('Pick one');
    s.send('1');
    await s.waitFor('Again · 1m');
    s.send('1');
    await s.waitFor('True or false?');
    s.kill('SIGKILL');
    await s.exit();
    expect(rows(db, 'SELECT count(*) AS n FROM reviews')).toEqual([{ n: 2 }]);
    expect(rows(db, 'SELECT count(*) AS n FROM card_state')).toEqual([{ n: 2 }]);
  });

  it('two sessions on one database at once both save every answer', async () => {
    const db = join(tmp(), 'q.db');
    const one = runInPty(['study', DECK, '--db', db]);
    await one.waitFor('Your answer:');
    const two = runInPty(['study', DECK, '--db', db]);
    await two.waitFor('Your answer:');
    for (const s of [one, two]) {
      s.send('VMkernel', KEYS.enter);
      await s.waitFor('Good · 10m');
      s.send('3');
      await s.waitFor('Pick one');
    }
    one.send('2');
    await one.waitFor('Again · 1m');
    one.send('1');
    await one.waitFor('True or false?');
    for (const s of [one, two]) s.send('q');
    expect((await one.exit()).exitCode).toBe(0);
    expect((await two.exit()).exitCode).toBe(0);
    expect(rows(db, 'SELECT card_key, rating FROM reviews ORDER BY id')).toEqual([
      { card_key: 'esx-hypervisor-name', rating: 3 },
      { card_key: 'esx-hypervisor-name', rating: 3 },
      { card_key: 'hyperv-parent', rating: 1 },
    ]);
    // The card's state comes from the latest of its two reviews.
    expect(rows(db, "SELECT c.review_id = (SELECT max(id) FROM reviews WHERE card_key = c.card_key) AS latest FROM card_state c")).toEqual([{ latest: 1 }, { latest: 1 }]);
  });

  it('list shows the carried-over counts without creating a database', async () => {
    const dir = tmp();
    const missing = join(dir, 'none.db');
    const r = spawnSync(process.execPath, [BIN, 'list', DECK, '--db', missing], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('NEW');
    expect(() => readFileSync(missing)).toThrow();
  });

  it('refuses stdin that is not a terminal with exit 2, suggesting print', () => {
    const r = spawnSync(process.execPath, [BIN, 'study', DECK, '--db', join(tmp(), 'q.db')], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal.*quizdeck print/);
  });

  it('refuses a corrupt database with exit 2 and leaves it untouched', async () => {
    const db = join(tmp(), 'bad.db');
    writeFileSync(db, 'not a database '.repeat(100));
    const s = runInPty(['study', DECK, '--db', db]);
    await s.waitFor('not a quizdeck database');
    expect((await s.exit()).exitCode).toBe(2);
    expect(readFileSync(db, 'utf8')).toBe('not a database '.repeat(100));
  });

  it('refuses a database written by a newer quizdeck', async () => {
    const db = join(tmp(), 'new.db');
    const conn = new Database(db);
    conn.pragma('user_version = 999');
    conn.close();
    const s = runInPty(['study', DECK, '--db', db]);
    await s.waitFor('newer quizdeck');
    expect((await s.exit()).exitCode).toBe(2);
  });
});
