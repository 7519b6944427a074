// Shared by the benches that fill a review database themselves (stats, exam): a seeded PRNG, and
// the schema made by quizdeck's own migrations.
import { createRequire } from 'node:module';
import { QUIZDECK, ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const pty = require('node-pty');
const Database = require('better-sqlite3');

/** A small seeded PRNG (mulberry32): the same database every time it is generated. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates or migrates the schema with quizdeck's own migrations: `study` in a pseudo-terminal,
 * quit at the first card. A Ctrl-C that comes before the prompt reads keys ends the process by
 * the signal, before it closes the database, and the migration's pages stay in the -wal file (a
 * migration to version 6 leaves 28 MB there, which every later read goes through); a session
 * that ends normally check-points them into the file, and so does this.
 */
export async function createSchema(deckFile, file) {
  await studyFirstCard(deckFile, file);
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function studyFirstCard(deckFile, file) {
  return new Promise((resolve, reject) => {
    const term = pty.spawn(process.execPath, [QUIZDECK, 'study', deckFile, '--db', file], {
      name: 'xterm-256color',
      cols: 100,
      rows: 30,
      cwd: ROOT,
      env: process.env,
    });
    let out = '';
    let quit = false;
    const timer = setTimeout(() => reject(new Error(`no first card: ${out.slice(-300)}`)), 60_000);
    term.onData((d) => {
      out += d;
      if (!quit && / left · \d+ done/.test(out)) {
        quit = true;
        term.write('\x03');
      }
    });
    term.onExit(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
