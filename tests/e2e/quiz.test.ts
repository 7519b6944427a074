import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEYS, runInPty, type PtySession } from '../helpers/pty.js';
import { displayWidth } from '../../src/core/text.js';

// The built binary (npm test runs tsup first) in a real pseudo-terminal. Every question says
// its own answer ("Type the word alpha"), so the test can answer right or wrong whatever order
// the seed gives.
const DECK = `deck: e2e
title: End to end
cards:
${['alpha', 'bravo', 'charlie', 'delta']
  .map(
    (w) =>
      `  - id: word-${w}\n    q: Type the word ${w}\n    a: ${w}\n    section: words\n    why: Because it says ${w}.`,
  )
  .join('\n')}
  - id: pick
    type: choice
    q: Pick the colour red
    choices: [blue, red, green]
    answer: red
    section: colours
  - id: sure
    type: truefalse
    q: This statement is true
    answer: true
    section: logic
  - id: hostile
    q: "Escape\\there and 中文问题需要正确换行显示，每一个汉字占两列宽度，一行放不下"
    a: yes
    section: words
`;

let dir: string;
let deckFile: string;
let dbFile: string;
let session: PtySession | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-e2e-quiz-'));
  deckFile = join(dir, 'e2e.yaml');
  dbFile = join(dir, 'quiz.db');
  writeFileSync(deckFile, DECK);
});
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(args: string[], cols = 100): PtySession {
  session = runInPty(['quiz', deckFile, '--db', dbFile, ...args], { cwd: dir, cols, env: { QUIZDECK_DB: undefined } });
  return session;
}

/**
 * Waits for question `n` and its prompt; returns the screen text from its header on. Reads the
 * whole output rather than `waitFor`'s unread part, since one chunk often holds the previous
 * feedback, the header and the prompt together.
 */
async function waitQuestion(s: PtySession, n: number, timeout = 10_000): Promise<string> {
  // English or Chinese screens ("Question 2/5", "第 2/5 题").
  const header = new RegExp(`(?:Question |第 )${n}/\\d+`);
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    const all = s.text();
    const at = all.search(header);
    if (at !== -1 && /\? (Answer|Choose|True or false\?|答案|选择|正确还是错误？)/.test(all.slice(at))) {
      s.mark();
      return all.slice(at);
    }
  }
  throw new Error(`question ${n} did not appear; output:\n${s.text().slice(-2000)}`);
}

/** Answers the question on screen: right, or deliberately wrong. */
function reply(s: PtySession, screen: string, right: boolean): void {
  const typed = /Type the word (\w+)/.exec(screen);
  if (typed) return s.send(right ? typed[1]! : 'wrong', KEYS.enter);
  if (screen.includes('Escape')) return s.send(right ? 'yes' : 'no', KEYS.enter);
  if (screen.includes('True or false?')) return s.send(right ? 't' : 'f');
  // A choice: press the number in front of the right (or a wrong) choice.
  const numbers = [...screen.matchAll(/(\d+)\. (blue|red|green)/g)].map((m) => ({ n: m[1]!, colour: m[2]! }));
  s.send(numbers.find((c) => (c.colour === 'red') === right)!.n);
}

async function answer(s: PtySession, n: number, right: boolean): Promise<void> {
  reply(s, await waitQuestion(s, n), right);
}

function db() {
  return new Database(dbFile, { readonly: true });
}

describe('quizdeck quiz in a terminal', () => {
  it('runs a quiz to its score and exits 1 below --pass-mark; the attempt is stored', async () => {
    const s = start(['--seed', '5', '--pass-mark', '80', '--count', '7']);
    await s.waitFor('Quiz: 7 questions from End to end, feedback at the end, pass mark 80%.');
    for (let i = 1; i <= 7; i++) await answer(s, i, i !== 3 && i !== 6);
    expect(s.text()).toContain('Question 7/7');
    // With --feedback end, rejected typed answers are reviewed first; decline each overrule.
    for (;;) {
      const seen = await s.waitFor(/\? Were you right\?|Score \d/);
      if (/Score \d/.test(seen)) break;
      s.send(KEYS.enter);
    }
    expect((await s.exit()).exitCode).toBe(1);
    const text = s.text();
    expect(text).toContain('Score 5/7 (71%)  below the pass mark of 80%');
    expect(text).toContain('The checker rejected');
    expect(text).toMatch(/SECTION\s+RIGHT\s+PERCENT/);
    expect(text).toContain('Missed (2):');
    // A tab is the one control character a valid deck may hold; it is expanded, never sent raw.
    expect(text).toContain('Escape here');
    expect(s.raw).not.toContain('Escape\there');
    const conn = db();
    expect(conn.prepare('SELECT score, total, percent, passed, seed, interrupted FROM quiz_attempts').all()).toEqual([
      { score: 5, total: 7, percent: 71, passed: 0, seed: '5', interrupted: 0 },
    ]);
    expect(conn.prepare('SELECT count(*) AS n FROM quiz_answers WHERE answered = 1').get()).toEqual({ n: 7 });
    expect(conn.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 });
    conn.close();
  }, 40_000);

  it('gives immediate feedback, takes "I was right", and exits 0 at the pass mark', async () => {
    const s = start([
      '--seed',
      '9',
      '--count',
      '3',
      '--type',
      'basic',
      '--feedback',
      'immediate',
      '--pass-mark',
      '100',
    ]);
    await answer(s, 1, false);
    await s.waitFor('Enter: next question · r: I was right');
    expect(s.text()).toContain('✗ Wrong');
    expect(s.text()).toMatch(/Expected: +\w+\s+You typed: +wrong/);
    s.send('r');
    await s.waitFor('Counted as right (overruled)');
    for (let i = 2; i <= 3; i++) await answer(s, i, true);
    expect((await s.exit()).exitCode).toBe(0);
    expect(s.text()).toContain('Score 3/3 (100%)  passed (pass mark 100%)');
    expect(s.text()).toContain('1 answer overruled as right');
    const conn = db();
    expect(conn.prepare('SELECT overruled, passed FROM quiz_attempts').get()).toEqual({ overruled: 1, passed: 1 });
    conn.close();
  }, 30_000);

  it('on Ctrl-C shows what was answered, saves the partial attempt and exits 130', async () => {
    const s = start(['--seed', '1', '--count', '5']);
    await answer(s, 1, true);
    await s.waitFor(/Question 2\/5[\s\S]*\? (Answer|Choose|True or false)/);
    s.send(KEYS.ctrlC);
    await s.waitFor('Quiz interrupted. Answered 1 of 5: 1 right (100% of those answered); score so far 1/5 (20%).');
    expect((await s.exit()).exitCode).toBe(130);
    const conn = db();
    expect(conn.prepare('SELECT interrupted, score, total FROM quiz_attempts').get()).toEqual({
      interrupted: 1,
      score: 1,
      total: 5,
    });
    conn.close();
  }, 30_000);

  it('ends the quiz when the time limit runs out', async () => {
    const s = start(['--seed', '2', '--count', '4', '--time-limit', '3s']);
    await s.waitFor('Question 1/4 · ');
    expect((await s.exit(8_000)).exitCode).toBe(0);
    // The header shows the time at the start of the question; the clock under the prompt runs.
    expect(s.text()).toContain('0:03 left');
    expect(s.text()).toContain('0:01 left');
    expect(s.text()).toContain('Time is up (0:03).');
    expect(s.text()).toContain('Score 0/4 (0%)');
    expect(s.text()).toContain('Time ran out: 4 questions unanswered, counted as wrong.');
    const conn = db();
    expect(conn.prepare('SELECT time_limit_hit, score FROM quiz_attempts').get()).toEqual({
      time_limit_hit: 1,
      score: 0,
    });
    conn.close();
  }, 30_000);

  it('wraps CJK question text to the terminal width', async () => {
    const s = start(['--type', 'basic', '--count', '5', '--seed', '3'], 40);
    for (let i = 1; i <= 5; i++) {
      const screen = await waitQuestion(s, i);
      if (screen.includes('Escape')) {
        const lines = screen.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l));
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines)
          expect(
            [...line.trimEnd()].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0),
          ).toBeLessThanOrEqual(40);
        s.send(KEYS.ctrlC);
        expect((await s.exit()).exitCode).toBe(130);
        return;
      }
      reply(s, screen, true);
    }
    throw new Error('the CJK question was not asked');
  }, 30_000);
});

// Typed answers as a student types them (issue 10): each question names what to type, so the
// order the seed gives does not matter.
const TYPED_EN = `deck: typed-en
title: Typed answers
lang: en
cards:
  - id: parent
    q: Which partition owns the drivers?
    a: The parent partition
    accept: [root partition]
  - id: io
    q: Name the Hyper-V I/O path.
    a: VSC, VMBus and VSP
  - id: kernel
    q: What is the hypervisor of ESX called?
    a: VMkernel
  - id: year
    q: When was Xen first released?
    a: 2003
  - id: sure
    type: truefalse
    q: This statement is true.
    answer: true
`;
const TYPED_EN_ANSWERS: [RegExp, string][] = [
  [/owns the drivers/, 'parent partition'], // article dropped: right
  [/I\/O path/, 'VSC and VMBus'], // part of a list: wrong
  [/hypervisor of ESX/, 'VMkernal'], // one letter off: almost
  [/Xen first released/, '2003.'], // a number, with a full stop: right
];

const TYPED_ZH = `deck: typed-zh
title: 中文题
lang: zh
cards:
  - id: boot
    q: ESX 启动时先加载什么？
    a: Linux 内核
  - id: mmu
    q: EPT 属于哪种技术？
    a: MMU 硬件辅助虚拟化
  - id: parent
    q: 哪个分区拥有驱动？
    a: 父分区
    accept: [parent partition]
`;
const TYPED_ZH_ANSWERS: [RegExp, string][] = [
  [/先加载什么/, 'Linux内核'], // spacing between Latin and Chinese ignored: right
  [/哪种技术/, 'MMU硬件辅助虚拟化'], // right
  [/拥有驱动/, 'the parent partition'], // no English articles in a Chinese deck: wrong
];

/** Answers every question on screen from a table (true/false with `t`), passing over any feedback prompt. */
async function answerAll(
  s: PtySession,
  count: number,
  answers: [RegExp, string][],
  immediate: boolean,
): Promise<string[]> {
  const screens: string[] = [];
  for (let i = 1; i <= count; i++) {
    const screen = await waitQuestion(s, i);
    screens.push(screen);
    if (screen.includes('True or false?')) s.send('t');
    else s.send(answers.find(([re]) => re.test(screen))![1], KEYS.enter);
    if (immediate && !screen.includes('True or false?')) {
      const seen = await s.waitFor(/Enter: next question|✓ Correct|counted as right/);
      if (seen.includes('Enter: next question')) s.send(KEYS.enter);
    }
  }
  return screens;
}

describe('quizdeck quiz judges typed answers as a teacher would (issue 10)', () => {
  it('English: articles and punctuation ignored, a partial list wrong, a near miss wrong and named, t for true', async () => {
    writeFileSync(deckFile, TYPED_EN);
    const s = start(['--seed', '4', '--feedback', 'immediate']);
    const screens = await answerAll(s, 5, TYPED_EN_ANSWERS, true);
    expect(screens.find((x) => x.includes('True or false?'))).toContain('t true · f false');
    expect((await s.exit()).exitCode).toBe(0);
    const text = s.text();
    expect(text).toContain('Score 3/5 (60%)');
    expect(text).toContain('✗ Incomplete: missing “VSP”');
    expect(text).toContain('≈ Almost: one letter off (counted as wrong)');
    expect(text).toMatch(/Expected: +VMkernel\s+You typed: +VMkernal/);
    expect(text).not.toContain('Expected:      root partition');
    const conn = db();
    expect(conn.prepare('SELECT card_key, given, correct FROM quiz_answers ORDER BY card_key').all()).toEqual([
      { card_key: 'io', given: 'VSC and VMBus', correct: 0 },
      { card_key: 'kernel', given: 'VMkernal', correct: 0 },
      { card_key: 'parent', given: 'parent partition', correct: 1 },
      { card_key: 'sure', given: 'True', correct: 1 },
      { card_key: 'year', given: '2003.', correct: 1 },
    ]);
    conn.close();
  }, 40_000);

  it('--lenient counts the near miss as right', async () => {
    writeFileSync(deckFile, TYPED_EN);
    const s = start(['--seed', '4', '--feedback', 'immediate', '--lenient']);
    await answerAll(s, 5, TYPED_EN_ANSWERS, true);
    expect((await s.exit()).exitCode).toBe(0);
    expect(s.text()).toContain('≈ Almost: one letter off (counted as right: lenient)');
    expect(s.text()).toContain('Score 4/5 (80%)');
    expect(s.text()).toContain('1 near miss ("almost") counted as right (lenient)');
  }, 40_000);

  it('Chinese: spacing between Chinese and Latin ignored, English articles not; the review shows the card answer and what else is accepted, in Chinese at 40 columns', async () => {
    writeFileSync(deckFile, TYPED_ZH);
    const s = start(['--seed', '4'], 40);
    await answerAll(s, 3, TYPED_ZH_ANSWERS, false);
    await s.waitFor(/你答对了吗？/);
    s.send(KEYS.enter);
    expect((await s.exit()).exitCode).toBe(0);
    const text = s.text();
    expect(text).toMatch(/测验：3 道题，来自 中文题，最后统一反馈\s*（只有 3 道题符合，少于 --count 20）。/);
    expect(text).toMatch(/章节 +答对 +百分比\s+（无章节） +2\/3 +66%/);
    expect(text).toContain('检查器判错了 1 个输入的答案');
    expect(text).toMatch(/正确答案： +父分区\s+你的输入： +the parent partition\s+也可接受： +parent partition/);
    expect(text).toContain('得分 2/3（66%）');
    expect(text).toMatch(
      /答错的题（1）：\s+1\. 哪个分区拥有驱动？\s+你的输入： the parent partition\s+正确答案： 父分区/,
    );
    expect(text).not.toMatch(/Score|Expected|You typed|Question \d/);
    // Labels padded by display width: every line of the result fits the 40 columns.
    for (const line of text.slice(text.indexOf('得分')).split(/\r?\n/))
      expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  }, 40_000);
});

describe('quizdeck quiz without a terminal', () => {
  it('exits 2 with one sentence suggesting quizdeck print', () => {
    const r = runCli(['quiz', deckFile, '--db', dbFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^quizdeck: `quizdeck quiz` is interactive and needs a terminal, but stdin is not one; [^\n]*use `quizdeck print`\n$/,
    );
  });

  it.each([
    [['--count', '0'], '--count "0" is not a positive whole number'],
    [['--time-limit', 'soon'], '--time-limit "soon" is not a duration'],
    [['--pass-mark', '120'], '--pass-mark "120" is not a percentage between 0 and 100'],
    [['--feedback', 'later'], '--feedback "later" is not a feedback mode'],
    [['--type', 'essay'], '--type "essay" is not a card type'],
    [['--section', 'nowhere'], 'no questions match --section nowhere'],
  ])('%j exits 2 with one sentence', (args, message) => {
    const r = runCli(['quiz', deckFile, '--db', dbFile, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(message);
  });
});
