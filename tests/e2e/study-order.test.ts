import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, runInPty, type PtySession } from '../helpers/pty.js';

// Order cards in study (issue 11.2): the steps shuffled and numbered, the order typed as digits.
const STEPS = ['BIOS', 'Xen hypervisor', 'Domain 0', 'Domain U guests'];
const DECK = `deck: boot\ntitle: Boot\ncards:\n  - id: xen-boot-order\n    type: order\n    q: Put the start of a Xen host in order.\n    steps: [${STEPS.join(', ')}]\n    why: Xen is loaded right after the BIOS.\n`;

let dir: string;
let session: PtySession | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-order-'));
  writeFileSync(join(dir, 'deck.yaml'), DECK);
});
afterEach(() => {
  session?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The numbers of the shown steps, as typed for `wanted` (steps in the order to give them). */
async function shownOrder(s: PtySession, wanted: readonly string[]): Promise<string> {
  const screen = await s.waitFor(/Order:/);
  const shown = new Map([...screen.matchAll(/^ {2}(\d)\. (.+?)\s*$/gm)].map((m) => [m[2]!, m[1]!]));
  return wanted.map((step) => shown.get(step) ?? '?').join('');
}

const start = () => runInPty(['study', join(dir, 'deck.yaml'), '--db', join(dir, 'q.db')], { env: { NO_COLOR: '1' } });

describe('study: an order card in a pseudo-terminal', { timeout: 30_000 }, () => {
  it('shows the steps shuffled and numbered, refuses a half order, checks the right one and suggests Good', async () => {
    session = start();
    await session.waitFor('Put the start of a Xen host in order.');
    const right = await shownOrder(session, STEPS);
    expect(right).not.toBe('1234'); // never shown in the right order
    session.send(right.slice(0, 3), KEYS.enter);
    await session.waitFor('Give all 4 steps (3 given)');
    session.send(`,${right[3]}`, KEYS.enter); // "3,1" style: commas are fine
    await session.waitFor('✓ Correct');
    await session.waitFor('Right order:');
    await session.waitFor('Xen is loaded right after the BIOS.');
    await session.waitFor(/❯ 3\. Good/);
    session.send('4'); // Easy: not due again today, so the session ends
    await session.waitFor(/Cards studied:\s+1/);
    expect((await session.exit()).exitCode).toBe(0);
  });

  it('marks two swapped neighbours as almost, shows which places were wrong and suggests Hard', async () => {
    session = start();
    const swapped = await shownOrder(session, ['Xen hypervisor', 'BIOS', 'Domain 0', 'Domain U guests']);
    session.send(swapped.split('').join(' '), KEYS.enter);
    await session.waitFor('≈ Almost: two neighbouring steps swapped (Hard suggested)');
    const screen = await session.waitFor(/❯ 2\. Hard/);
    expect(screen).toContain('✗ 1. BIOS (you: Xen hypervisor)');
    expect(screen).toContain('✗ 2. Xen hypervisor (you: BIOS)');
    expect(screen).toContain('✓ 3. Domain 0');
    session.send('q');
    expect((await session.exit()).exitCode).toBe(0);
  });

  it('Esc shows the right order instead', async () => {
    session = start();
    await shownOrder(session, STEPS);
    session.send(KEYS.escape);
    await session.waitFor('BIOS → Xen hypervisor → Domain 0 → Domain U guests');
    await session.waitFor('How well did you know it?');
    session.send('q');
    expect((await session.exit()).exitCode).toBe(0);
  });
});
