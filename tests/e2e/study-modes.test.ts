import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KEYS, runInPty } from '../helpers/pty.js';

// study --tag/--section/--deck, --cram and --exam on the built binary (`npx tsup` first; npm test does).
const DECK = 'tests/fixtures/valid/sample.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'quizdeck-e2e-modes-'));
const count = (db: string, sql: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).pluck().get() as number;
  } finally {
    conn.close();
  }
};

/** A study that refuses to start, in a terminal: its exit code and what it printed. */
async function refusal(args: string[]): Promise<{ code: number; text: string }> {
  const s = runInPty(['study', DECK, '--db', join(tmp(), 'q.db'), ...args], { env: { NO_COLOR: '1' } });
  const { exitCode } = await s.exit();
  return { code: exitCode, text: s.text() };
}

describe('study filters', { timeout: 30_000 }, () => {
  it('--tag and --section hold only the matching cards, whatever their case', async () => {
    const db = join(tmp(), 'q.db');
    const s = runInPty(['study', DECK, '--db', db, '--tag', 'XEN']);
    await s.waitFor('1 new · 0 learning · 0 due');
    await s.waitFor('Xen paravirtualized guests require hardware-assisted CPU virtualization.');
    s.send('q');
    await s.exit();
    const k = runInPty(['study', DECK, '--db', db, '--section', 'kvm,xen']);
    await k.waitFor('3 new · 0 learning · 0 due'); // two cloze deletions and the true/false card
    k.send('q');
    await k.exit();
  });

  it('a filter that matches nothing: exit 2 and one sentence naming what exists', async () => {
    const r = await refusal(['--tag', 'nope']);
    expect(r.code).toBe(2);
    expect(r.text.trim().split('\n')).toHaveLength(1);
    expect(r.text).toContain('--tag nope');
    expect(r.text).toMatch(/drivers, esx, history, hyper-v, kvm, xen/);
  });
});

describe('study --cram', { timeout: 30_000 }, () => {
  it('asks every item now and stores the answers apart: no review, no schedule', async () => {
    const db = join(tmp(), 'q.db');
    const s = runInPty(['study', DECK, '--db', db, '--cram', '--tag', 'xen']);
    await s.waitFor('True or false?');
    s.send('t'); // wrong
    await s.waitFor('Again · again soon');
    await s.waitFor('Good · done');
    s.send(KEYS.enter); // Again, as suggested
    await s.waitFor('True or false?'); // the only card, back
    s.send('f');
    await s.waitFor('Good · done');
    s.send('3');
    await s.waitFor('Cram session: your study schedule was not changed');
    expect((await s.exit()).exitCode).toBe(0);
    expect(s.text()).not.toContain('Due tomorrow');
    expect(count(db, 'SELECT count(*) FROM cram_answers')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM reviews')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM card_state')).toBe(0);
  });
});

describe('study --exam', { timeout: 30_000 }, () => {
  // The date `days` after today's study day in TZ=UTC, which starts at 4 a.m.: from midnight to
  // 4 a.m. it is still yesterday's (counting from the calendar date gave 11 days left then).
  const inDays = (days: number) => new Date(Date.now() - 4 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

  it('says what today holds of the plan above the first card, and takes its new-card share', async () => {
    const db = join(tmp(), 'q.db');
    const exam = inDays(10);
    const s = runInPty(['study', DECK, '--db', db, '--exam', exam], { env: { TZ: 'UTC' } });
    await s.waitFor('1 new · 0 learning · 0 due'); // 6 new items over 9 or 10 days: one today, not --new's 20
    await s.waitFor(
      new RegExp(`Exam on ${exam} \\((9|10) study days left\\): today 1 new, 0 reviews pulled forward\\.`),
    );
    await s.waitFor('Your answer:');
    s.send(KEYS.ctrlC);
    expect((await s.exit()).exitCode).toBe(130);
  });

  it('refuses a date in the past, and --exam with --cram (exit 2, one sentence)', async () => {
    const past = await refusal(['--exam', '2001-02-03']);
    expect(past.code).toBe(2);
    expect(past.text).toMatch(/2001-02-03/);
    const both = await refusal(['--exam', inDays(5), '--cram']);
    expect(both.code).toBe(2);
    expect(both.text).toContain('--cram and --exam cannot be combined');
  });
});

describe('study redraws on a terminal resize', { timeout: 30_000 }, () => {
  it('the card at the new width above the waiting prompt, at the answer and at the grade', async () => {
    const s = runInPty(['study', DECK, '--db', join(tmp(), 'q.db')], { cols: 100 });
    await s.waitFor('What is the hypervisor component of VMware ESX called?');
    await s.waitFor('Your answer:');
    s.pty.resize(40, 30);
    // Wrapped at 40 columns now: the question on two lines, the prompt under it.
    await s.waitFor(/What is the hypervisor component of\s*\n\s*VMware ESX called\?\s*\n\s*\n\? Your answer:/);
    s.send('VMkernel', KEYS.enter);
    await s.waitFor('Good · 10m');
    s.pty.resize(70, 30);
    await s.waitFor(/What is the hypervisor component of VMware ESX called\?\s*\n\s*\n✓ Correct[\s\S]*\? Grade/);
    s.send(KEYS.ctrlC);
    expect((await s.exit()).exitCode).toBe(130);
  });
});
