import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, runInPty, type PtySession } from '../helpers/pty.js';

// study --typed (issue 12.3: renamed from --type, which quiz and print use to filter card types).
const DECK =
  'deck: typed\ntitle: Typed\ncards:\n  - id: one\n    q: Which component of ESX is the hypervisor?\n    a: VMkernel\n';

let dir: string;
let session: PtySession | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-typed-'));
  writeFileSync(join(dir, 'deck.yaml'), DECK);
});
afterEach(() => {
  session?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('study --typed', { timeout: 30_000 }, () => {
  it.each([
    ['--typed', false],
    ['--type', true],
  ])('%s: a basic card without accept is typed and checked', async (flag, noted) => {
    session = runInPty(['study', join(dir, 'deck.yaml'), flag, '--db', join(dir, 'q.db')], { env: { NO_COLOR: '1' } });
    await session.waitFor('Which component of ESX is the hypervisor?');
    await session.waitFor('Your answer:');
    session.send('the vmkernel', KEYS.enter);
    await session.waitFor(/Correct/);
    await session.waitFor('Easy');
    session.send('4'); // Easy: not due again today, so the session ends
    await session.waitFor(/Cards studied:\s+1/);
    expect((await session.exit()).exitCode).toBe(0);
    expect(session.text().includes('study --type is now --typed')).toBe(noted);
    // The answer line has a neutral mark; only the verdict says right or wrong.
    expect(session.text()).toMatch(/› Your answer: the vmkernel/);
    expect(session.text()).not.toContain('✔');
  });

  it('q at the grade prompt after a checked answer keeps the answer, graded as suggested', async () => {
    const db = join(dir, 'q.db');
    session = runInPty(['study', join(dir, 'deck.yaml'), '--typed', '--db', db], { env: { NO_COLOR: '1' } });
    await session.waitFor('Your answer:');
    session.send('VMkernel', KEYS.enter);
    await session.waitFor('Good');
    session.send('q');
    await session.waitFor(/Cards studied:\s+1/);
    expect((await session.exit()).exitCode).toBe(0);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare('SELECT rating FROM reviews').pluck().all()).toEqual([3]);
    conn.close();
  });

  it('without it, Enter shows the answer', async () => {
    session = runInPty(['study', join(dir, 'deck.yaml'), '--db', join(dir, 'q.db')], { env: { NO_COLOR: '1' } });
    await session.waitFor('Which component of ESX is the hypervisor?');
    await session.waitFor(/Enter/);
    expect(session.text()).not.toContain('Your answer:');
    session.send('q');
    await session.exit();
  });
});
