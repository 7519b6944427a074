import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, KEYS, runInPty } from '../helpers/pty.js';
import { displayWidth } from '../../src/core/text.js';

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
    await s.waitFor('Undid your answer to "What is the hypervisor component of VMware ESX called?"'); // by its question, not its id
    await s.waitFor('Your answer:');
    s.send('the VMkernel', KEYS.enter);
    await s.waitFor('✓ Correct');
    await s.waitFor('Good · 10m');
    s.send('3');
    await s.waitFor('Pick one');
    s.send(KEYS.ctrlC);
    await s.waitFor('Cards studied:  1');
    expect((await s.exit()).exitCode).toBe(130);
    expect(rows(db, 'SELECT card_key, rating, state_before, state FROM reviews')).toEqual([
      { card_key: 'esx-hypervisor-name', rating: 3, state_before: 0, state: 1 },
    ]);

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
    expect(
      rows(
        db,
        'SELECT c.review_id = (SELECT max(id) FROM reviews WHERE card_key = c.card_key) AS latest FROM card_state c',
      ),
    ).toEqual([{ latest: 1 }, { latest: 1 }]);
  });

  it('list shows the carried-over counts without creating a database', async () => {
    const dir = tmp();
    const missing = join(dir, 'none.db');
    const r = spawnSync(process.execPath, [BIN, 'list', DECK, '--db', missing], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('NEW');
    expect(() => readFileSync(missing)).toThrow();
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database '.repeat(100));
    const r2 = spawnSync(process.execPath, [BIN, 'list', DECK, '--db', bad], { encoding: 'utf8' });
    expect(r2.status).toBe(0);
    expect(r2.stdout).toContain('sample');
    expect(r2.stderr).toMatch(/not a quizdeck database.*study counts left out/);
  });

  it('tells the person when a card becomes a leech', async () => {
    const db = join(tmp(), 'q.db');
    const first = runInPty(['study', DECK, '--db', db]);
    await first.waitFor('Your answer:');
    first.send(KEYS.ctrlC);
    await first.exit();
    // A review card forgotten 7 times before, due now: one more lapse makes it a leech.
    const conn = new Database(db);
    conn
      .prepare(
        "INSERT INTO card_state VALUES ('sample', 'xen-pv-hw', 'xen-pv-hw', 2, ?, 3, 8, 5, 5, 0, 20, 7, ?, 0, 0)",
      )
      .run(Date.now() - 1000, Date.now() - 5 * 86_400_000);
    conn.close();
    const s = runInPty(['study', DECK, '--db', db, '--new', '0']);
    await s.waitFor('0 new · 0 learning · 1 due');
    await s.waitFor('True or false?');
    s.send('t');
    await s.waitFor('Again · 10m');
    s.send(KEYS.enter);
    await s.waitFor(/Leech: "xen-pv-hw" in sample has been forgotten 8 times/);
    s.send(KEYS.ctrlC);
    await s.waitFor('Leeches:        1');
    expect((await s.exit()).exitCode).toBe(130);
    expect(rows(db, "SELECT leech, lapses FROM card_state WHERE card_key = 'xen-pv-hw'")).toEqual([
      { leech: 1, lapses: 8 },
    ]);
  });

  it('keeps history across deck edits: same id same history, removed cards kept, new cards new', async () => {
    const dir = tmp();
    const deck = join(dir, 'sample.yaml');
    const db = join(dir, 'q.db');
    copyFileSync(DECK, deck);
    const s = runInPty(['study', deck, '--db', db]);
    await s.waitFor('Your answer:');
    s.send('VMkernel', KEYS.enter);
    await s.waitFor('Good · 10m');
    s.send('3');
    await s.waitFor('Pick one');
    s.send('1');
    await s.waitFor(/(Again|Good) · 10m|Again · 1m/);
    s.send('3');
    await s.waitFor('True or false?');
    s.send('q');
    await s.exit();
    const text = readFileSync(deck, 'utf8')
      .replace('What is the hypervisor component of VMware ESX called?', 'Which component of ESX is the hypervisor?')
      .replace(/ {2}- id: hyperv-parent[\s\S]*?(?= {2}- id: xen-pv-hw)/, '')
      .concat('  - id: brand-new\n    q: A new question?\n    a: Yes\n');
    writeFileSync(deck, text);
    const again = runInPty(['study', deck, '--db', db]);
    // esx is still learning (history kept); new: xen, two cloze deletions, brand-new.
    await again.waitFor('4 new · 1 learning · 0 due');
    again.send('q');
    await again.exit();
    const list = spawnSync(process.execPath, [BIN, 'list', deck, '--db', db], { encoding: 'utf8' });
    expect(list.stdout).toMatch(/NEW\s+LEARN\s+DUE/);
    expect(list.stdout).toContain('sample: 1 studied card is no longer in the deck (history kept)');
    expect(rows(db, 'SELECT count(*) AS n FROM reviews')).toEqual([{ n: 2 }]);
  });

  it.each([
    [['--new', 'lots'], /--new must be a whole number/],
    [['--retention', '1.5'], /--retention must be a number from 0.70 to 0.99/],
    [['--day-start', '24'], /--day-start must be a whole number from 0 to 23/],
  ])('refuses %j with exit 2 and one sentence', async (args, message) => {
    const s = runInPty(['study', DECK, '--db', join(tmp(), 'q.db'), ...args]);
    await s.waitFor(message);
    expect((await s.exit()).exitCode).toBe(2);
    expect(s.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses stdin that is not a terminal with exit 2, suggesting print', () => {
    const r = spawnSync(process.execPath, [BIN, 'study', DECK, '--db', join(tmp(), 'q.db')], {
      input: '',
      encoding: 'utf8',
    });
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

// libfaketime (what `faketime` preloads) sets the clock the CLI reads: FAKETIME "@<local time>"
// starts it there and lets it run. With TZ, a session runs at a given local time in a zone.
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';
const at = (tz: string, time: string) => ({ TZ: tz, LD_PRELOAD: LIBFAKETIME, FAKETIME: `@${time}` });

/** Answers the first card (VMkernel) Good, checks the interval offered, quits at the next card; the exit code. */
async function answerFirstCardGood(db: string, env: Record<string, string>, interval: string): Promise<number> {
  const s = runInPty(['study', DECK, '--db', db], { env });
  await s.waitFor('What is the hypervisor component of VMware ESX called?');
  await s.waitFor('Your answer:');
  s.send('VMkernel', KEYS.enter);
  await s.waitFor(`Good · ${interval}`);
  s.send('3');
  await s.waitFor('Pick one');
  s.send('q');
  return (await s.exit()).exitCode;
}

describe.skipIf(!existsSync(LIBFAKETIME))(
  'quizdeck study by study day, under a fake clock (issue 12.6)',
  { timeout: 30_000 },
  () => {
    it('Asia/Shanghai: Good at 07:55 and at 08:06 the same morning gives 2 days, not a day elapsed and 5', async () => {
      const db = join(tmp(), 'q.db');
      expect(await answerFirstCardGood(db, at('Asia/Shanghai', '2026-03-10 07:55:00'), '10m')).toBe(0);
      expect(await answerFirstCardGood(db, at('Asia/Shanghai', '2026-03-10 08:06:00'), '2d')).toBe(0);
      expect(
        rows(
          db,
          "SELECT elapsed_days, scheduled_days, round(stability, 1) AS s FROM card_state WHERE card_key = 'esx-hypervisor-name'",
        ),
      ).toEqual([{ elapsed_days: 0, scheduled_days: 2, s: 2.3 }]);
    });

    it('Europe/Berlin, the night the clocks go back: a card answered at 3:58 a.m. comes back at once, not dropped at 4', async () => {
      const db = join(tmp(), 'q.db');
      const s = runInPty(['study', DECK, '--db', db, '--new', '1'], {
        env: at('Europe/Berlin', '2026-10-25 03:58:00'),
      });
      await s.waitFor('Your answer:');
      s.send('VMkernel', KEYS.enter);
      await s.waitFor('Good · 10m');
      s.send('3');
      // Due at 4:08, after the study day's end: shown early (learn-ahead) instead of "Done for now".
      await s.waitFor('0 new · 1 learning · 0 due');
      await s.waitFor('What is the hypervisor component of VMware ESX called?');
      await s.waitFor('Your answer:');
      s.send(KEYS.ctrlC);
      await s.waitFor('Session summary');
      expect((await s.exit()).exitCode).toBe(130);
      expect(s.text()).not.toContain('Done for now');
    });

    it('UTC, the clock set back across midnight: the answer is applied, not "Invalid delta_t -1"', async () => {
      const db = join(tmp(), 'q.db');
      await answerFirstCardGood(db, at('UTC', '2026-03-10 00:05:00'), '10m');
      // Nine minutes earlier by the clock, the learning card (due 00:15) is within the 20 minutes shown early.
      const back = runInPty(['study', DECK, '--db', db, '--new', '0'], { env: at('UTC', '2026-03-09 23:56:00') });
      await back.waitFor('Your answer:');
      back.send('VMkernel', KEYS.enter);
      await back.waitFor('Good · ');
      back.send('3');
      await back.waitFor('Session summary');
      expect((await back.exit()).exitCode).toBe(0);
      expect(back.text()).not.toContain('unexpected error');
      // The state is the one from the answer just given, though it is dated before the first.
      expect(
        rows(
          db,
          "SELECT c.state, c.review_id = (SELECT max(id) FROM reviews) AS latest FROM card_state c WHERE card_key = 'esx-hypervisor-name'",
        ),
      ).toEqual([{ state: 2, latest: 1 }]);
    });
  },
);

describe('quizdeck study counts (issue 9.6)', { timeout: 30_000 }, () => {
  it('study 3 new cards, then --new 0 the same day: "0 new", not "-3 new", and 3 left', async () => {
    const db = join(tmp(), 'q.db');
    const s = runInPty(['study', DECK, '--db', db, '--new', '3']);
    await s.waitFor('Your answer:');
    s.send('VMkernel', KEYS.enter);
    await s.waitFor('Good · 10m');
    s.send('3');
    await s.waitFor('Pick one');
    s.send('1');
    await s.waitFor(/(Again|Good) · /);
    s.send('3');
    await s.waitFor('True or false?');
    s.send('f');
    await s.waitFor(/(Again|Good) · /);
    s.send('3');
    await s.waitFor('3 left · 0 done'); // a learning card, shown early
    s.send(KEYS.ctrlC);
    await s.exit();
    const again = runInPty(['study', DECK, '--db', db, '--new', '0']);
    await again.waitFor(/(-?\d+) new · (\d+) learning · (\d+) due/);
    await again.waitFor(/-?\d+ left · \d+ done/);
    again.send(KEYS.ctrlC);
    await again.exit();
    expect(again.text()).toContain('0 new · 3 learning · 0 due');
    expect(again.text()).toContain('3 left · 0 done');
  });
});

describe('quizdeck study speaks the deck’s language (issue 11.3)', { timeout: 30_000 }, () => {
  const ZH_DECK = `deck: zh-small
title: 中文小卡组
lang: zh
cards:
  - id: kernel
    q: ESX 的 Hypervisor 组件叫什么？
    a: VMkernel
    accept: [ESX 内核]
    why: 它在引导用的 Linux 内核之后加载，并从它手里接管硬件。
  - id: parent
    type: choice
    q: 哪个分区拥有物理设备的驱动？
    choices: [父分区, 子分区]
    answer: 父分区
`;
  /** Every line from `from` to `to` (or the end) of what was shown, at most `columns` wide. */
  const expectFits = (text: string, from: string, to: string | undefined, columns: number) => {
    const part = text.slice(text.indexOf(from), to === undefined ? undefined : text.indexOf(to, text.indexOf(from)));
    for (const line of part.split(/\r?\n/)) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
  };

  it('a Chinese deck at 40 columns: header, typed feedback, grades, choice feedback and summary in Chinese', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'zh.yaml'), ZH_DECK);
    const s = runInPty(['study', join(dir, 'zh.yaml'), '--db', join(dir, 'q.db')], { cols: 40 });
    await s.waitFor('新卡 2 · 学习中 0 · 待复习 0');
    await s.waitFor('剩余 2 张 · 已完成 0 张');
    await s.waitFor('? 你的答案：');
    s.send('VMkernal', KEYS.enter);
    await s.waitFor('≈ 接近：差一个字符（建议：困难）');
    await s.waitFor(/正确答案： +VMkernel\s+你的输入： +VMkernal\s+也可接受： +ESX 内核\s+解析：/);
    await s.waitFor('评分（Enter 接受建议）');
    await s.waitFor('3. 良好 · 10分钟');
    await s.waitFor('1 重来 · 2 困难 · 3 良好 · 4 简单');
    expectFits(s.text(), '≈ 接近', '评分', 40);
    s.send('3');
    const choices = await s.waitFor(/选择一项[\s\S]*子分区[\s\S]*u 撤销 · q 退出/);
    s.send(/(\d)\. 子分区/.exec(choices)![1]!); // the wrong one, wherever the shuffle put it
    await s.waitFor(/✗ 不对\s+你的选择： +子分区\s+答案：\s+父分区/);
    await s.waitFor('? 评分（Enter 接受建议）');
    s.send('q'); // keeps the checked (wrong) answer, graded Again as suggested
    await s.waitFor('学习小结');
    expect((await s.exit()).exitCode).toBe(0);
    const text = s.text();
    expect(text).toMatch(
      /学习小结\s+学习卡片： {2}2\s+重来： {6}1\s+正确率： {4}50%\s+用时： {6}\d+ 秒\s+明天到期： {2}\d/,
    );
    expect(text).not.toMatch(/Session summary|Expected|Grade|card \d of/);
    expectFits(text, '学习小结', undefined, 40);
  });

  it('--lang en shows English screens for the same deck', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'zh.yaml'), ZH_DECK);
    const s = runInPty(['study', join(dir, 'zh.yaml'), '--db', join(dir, 'q.db'), '--lang', 'en'], { cols: 40 });
    await s.waitFor('2 new · 0 learning · 0 due');
    await s.waitFor('Your answer:');
    s.send(KEYS.escape);
    await s.waitFor('How well did you know it?');
    s.send('q');
    await s.waitFor('Session summary');
    expect((await s.exit()).exitCode).toBe(0);
  });
});
