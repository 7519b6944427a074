import '../helpers/cache.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runQuiz, type QuizDeps } from '../../src/commands/quiz.js';
import type { Question, Response } from '../../src/core/question/model.js';
import { plainPaint } from '../../src/core/paint.js';
import { ExitError, UsageError } from '../../src/errors.js';
import { QuizInterrupted, QuizTimedOut } from '../../src/ui/quiz/prompts.js';
import type { QuizUi } from '../../src/ui/quiz/terminal.js';

const DECK = `deck: tiny
title: Tiny deck
cards:
  - id: hv
    q: What is the hypervisor of ESX?
    a: VMkernel
    section: esx
    why: The VMkernel takes over the hardware.
  - id: parent
    type: choice
    q: Which partition owns the drivers?
    choices: [Parent, Child, VMBus]
    answer: Parent
    section: hyper-v
  - id: xen-parts
    type: choice
    q: Which are Xen domains?
    choices: [Dom0, DomU, VMBus]
    answer: [Dom0, DomU]
    section: xen
  - id: pv
    type: truefalse
    q: PV guests need VT-x.
    answer: false
    section: xen
`;

/** Right answers, keyed by card id, so a script can answer right or wrong on purpose. */
const RIGHT: Record<string, Response> = {
  hv: { kind: 'typed', text: 'vmkernel' },
  parent: { kind: 'choice', selected: ['Parent'] },
  'xen-parts': { kind: 'choice', selected: ['DomU', 'Dom0'] },
  pv: { kind: 'truefalse', value: false },
};
const WRONG: Record<string, Response> = {
  hv: { kind: 'typed', text: 'VMkernal' },
  parent: { kind: 'choice', selected: ['Child'] },
  'xen-parts': { kind: 'choice', selected: ['Dom0'] },
  pv: { kind: 'truefalse', value: true },
};

type Step = 'right' | 'wrong' | 'interrupt' | 'time';

/** A person following a script: one step per question asked, in order. */
function scriptedUi(steps: Step[], choices: { overrule?: boolean } = {}) {
  const out: string[] = [];
  const asked: string[] = [];
  let expire: (() => void) | undefined;
  const ui: QuizUi = {
    width: 80,
    paint: plainPaint,
    print: (text) => void out.push(text),
    async ask(question: Question, signal?: AbortSignal) {
      const step = steps[asked.length] ?? 'right';
      asked.push(question.item.cardId);
      if (step === 'time') {
        // What the real prompt does when the time-limit timer aborts it.
        expire?.();
        if (signal?.aborted && signal.reason === 'time') throw new QuizTimedOut();
        throw new Error('timer did not abort the prompt');
      }
      if (step === 'interrupt') throw new QuizInterrupted();
      return (step === 'right' ? RIGHT : WRONG)[question.item.cardId]!;
    },
    offerOverrule: async () => Boolean(choices.overrule),
    confirmOverrule: async () => Boolean(choices.overrule),
  };
  const deps = (): QuizDeps => ({
    out: () => {},
    err: () => {},
    ui,
    clock: { now: () => 1_700_000_000_000, utcOffsetMinutes: () => 0 },
    interactive: true,
    random: () => '777',
    startTimer: (_ms, onExpire) => {
      expire = onExpire;
      return () => (expire = undefined);
    },
    onInterrupt: () => () => {},
  });
  return { deps, output: () => out.join(''), asked };
}

let dir: string;
let deck: string;
let dbFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-quiz-'));
  deck = join(dir, 'tiny.yaml');
  dbFile = join(dir, 'q.db');
  writeFileSync(deck, DECK);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rows(sql: string): Record<string, unknown>[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

async function exitCode(run: Promise<void>): Promise<number> {
  try {
    await run;
    return 0;
  } catch (error) {
    if (error instanceof ExitError) return error.exitCode;
    throw error;
  }
}

describe('runQuiz', () => {
  it('--lang zh gives Chinese screens for an English deck: intro, verdicts, score, sections, missed list; the database keeps English', async () => {
    const s = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong']);
    expect(await exitCode(runQuiz([deck], { db: dbFile, seed: 'a', feedback: 'immediate', lang: 'zh' }, s.deps))).toBe(
      0,
    );
    const text = s.output();
    expect(text).toContain('测验：4 道题，来自 Tiny deck，每题答完即反馈');
    expect(text).toMatch(/第 1\/4 题 · /);
    expect(text).toContain('选出所有正确答案（共 2 个）。');
    expect(text).toMatch(/你的答案： +正确\s+正确答案： +错误/);
    expect(text).toContain('得分 0/4（0%）');
    expect(text).toMatch(/章节 +答对 +百分比/);
    expect(text).toContain('答错的题（4）：');
    expect(text).toContain('种子 a：用 --seed a 运行');
    expect(text).not.toMatch(/Score|Expected|Your answer|Question \d/);
    expect(rows("SELECT given FROM quiz_answers WHERE card_key = 'pv'")).toEqual([{ given: 'True' }]);
  });

  it('scores a quiz, shows the table and missed answers, stores the attempt and leaves reviews alone', async () => {
    const s = scriptedUi(['wrong', 'right', 'right', 'right']);
    expect(await exitCode(runQuiz([deck], { db: dbFile, seed: 'a' }, s.deps))).toBe(0);
    const text = s.output();
    expect(text).toContain('Score 3/4 (75%)');
    expect(text).toMatch(/SECTION\s+RIGHT\s+PERCENT\n/);
    expect(text).toContain('Missed (1):');
    expect(text).toContain('Seed a: run with --seed a');
    const [attempt] = rows('SELECT * FROM quiz_attempts');
    expect(attempt).toMatchObject({
      decks: 'tiny',
      seed: 'a',
      score: 3,
      total: 4,
      percent: 75,
      passed: null,
      overruled: 0,
      time_limit_hit: 0,
      interrupted: 0,
      retry_of: null,
    });
    expect(JSON.parse(attempt!.options as string)).toMatchObject({ count: 20, feedback: 'end' });
    const answers = rows('SELECT card_key, answered, correct, overruled, given FROM quiz_answers ORDER BY position');
    expect(answers).toHaveLength(4);
    expect(answers.map((a) => a.card_key)).toEqual(s.asked);
    expect(answers[0]).toMatchObject({ answered: 1, correct: 0 });
    expect(rows('SELECT count(*) AS n FROM reviews')[0]!.n).toBe(0);
    expect(rows('SELECT count(*) AS n FROM card_state')[0]!.n).toBe(0);
  });

  it('asks the same questions in the same order for the same seed', async () => {
    const a = scriptedUi([]);
    const b = scriptedUi([]);
    const c = scriptedUi([]);
    await runQuiz([deck], { db: dbFile, seed: 'same' }, a.deps);
    await runQuiz([deck], { db: dbFile, seed: 'same' }, b.deps);
    await runQuiz([deck], { db: dbFile, count: '2' }, c.deps);
    expect(b.asked).toEqual(a.asked);
    expect(c.asked).toHaveLength(2);
    expect(c.output()).toContain('Seed 777');
  });

  it('exits 1 below --pass-mark and 0 at it', async () => {
    expect(await exitCode(runQuiz([deck], { db: dbFile, passMark: '80' }, scriptedUi(['wrong']).deps))).toBe(1);
    expect(await exitCode(runQuiz([deck], { db: dbFile, passMark: '75' }, scriptedUi(['wrong']).deps))).toBe(0);
    expect(rows('SELECT passed FROM quiz_attempts ORDER BY id').map((r) => r.passed)).toEqual([0, 1]);
  });

  it('shows earlier complete attempts on the same decks', async () => {
    await runQuiz([deck], { db: dbFile }, scriptedUi(['wrong', 'wrong']).deps);
    await exitCode(runQuiz([deck], { db: dbFile }, scriptedUi(['right', 'interrupt']).deps));
    await runQuiz([deck], { db: dbFile }, scriptedUi(['wrong']).deps);
    const last = scriptedUi([]);
    await runQuiz([deck], { db: dbFile }, last.deps);
    expect(last.output()).toContain('Previous attempts on these decks: 50%, 75%\n');
  });

  it('on Ctrl-C prints what was answered, stores the partial attempt and exits 130', async () => {
    const s = scriptedUi(['right', 'wrong', 'interrupt']);
    expect(await exitCode(runQuiz([deck], { db: dbFile, feedback: 'immediate' }, s.deps))).toBe(130);
    expect(s.output()).toContain(
      'Quiz interrupted. Answered 2 of 4: 1 right (50% of those answered); score so far 1/4 (25%).',
    );
    expect(s.output()).toContain('The partial attempt was saved.');
    expect(s.output()).not.toContain('Score ');
    expect(rows('SELECT interrupted, score, total FROM quiz_attempts')).toEqual([
      { interrupted: 1, score: 1, total: 4 },
    ]);
    expect(rows('SELECT answered FROM quiz_answers ORDER BY position').map((r) => r.answered)).toEqual([1, 1, 0, 0]);
  });

  it('ends at the time limit and counts the rest as wrong', async () => {
    const s = scriptedUi(['right', 'time']);
    expect(await exitCode(runQuiz([deck], { db: dbFile, timeLimit: '1m', passMark: '50' }, s.deps))).toBe(1);
    expect(s.output()).toContain('Time is up (1:00).');
    expect(s.output()).toContain('Score 1/4 (25%)  below the pass mark of 50%');
    expect(s.output()).toContain('Time ran out: 3 questions unanswered, counted as wrong.');
    expect(s.output()).toContain('1:00 left');
    expect(rows('SELECT time_limit_hit, interrupted, score FROM quiz_attempts')).toEqual([
      { time_limit_hit: 1, interrupted: 0, score: 1 },
    ]);
  });

  it.each(['immediate', 'end'])(
    'counts an overruled typed answer as right and says so (--feedback %s)',
    async (feedback) => {
      const s = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong'], { overrule: true });
      await runQuiz([deck], { db: dbFile, feedback, seed: 'o' }, s.deps);
      expect(s.output()).toContain('Score 1/4 (25%)');
      expect(s.output()).toContain('1 answer overruled as right ("I was right"), included in the score.');
      expect(s.output()).toContain(
        '≈ Almost: one letter off (counted as wrong)\nExpected:      VMkern[e]l\nYou typed:     VMkern(a)l\n',
      );
      expect(rows('SELECT overruled FROM quiz_attempts')).toEqual([{ overruled: 1 }]);
      expect(rows('SELECT card_key, correct, overruled, given FROM quiz_answers WHERE overruled = 1')).toEqual([
        { card_key: 'hv', correct: 1, overruled: 1, given: 'VMkernal' },
      ]);
    },
  );

  it('counts a near miss as right with --lenient, and for a deck that says lenient: true', async () => {
    // Every answer wrong: the typed one is a near miss (VMkernal), the choices plainly wrong.
    const s = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong']);
    await runQuiz([deck], { db: dbFile, seed: 'l', lenient: true }, s.deps);
    expect(s.output()).toContain('Score 1/4 (25%)');
    expect(s.output()).toContain('1 near miss ("almost") counted as right (lenient), included in the score.');
    expect(s.output()).not.toContain('The checker rejected');
    expect(rows("SELECT given, correct, overruled FROM quiz_answers WHERE card_key = 'hv'")).toEqual([
      { given: 'VMkernal', correct: 1, overruled: 0 },
    ]);
    expect(JSON.parse(rows('SELECT options FROM quiz_attempts')[0]!.options as string)).toMatchObject({
      lenient: true,
    });

    writeFileSync(deck, DECK.replace('title: Tiny deck', 'title: Tiny deck\nlenient: true'));
    const d = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong']);
    await runQuiz([deck], { db: dbFile, seed: 'l' }, d.deps);
    expect(d.output()).toContain('Score 1/4 (25%)');
    const strict = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong']);
    writeFileSync(deck, DECK);
    await runQuiz([deck], { db: dbFile, seed: 'l' }, strict.deps);
    expect(strict.output()).toContain('Score 0/4 (0%)');
  });

  it('takes numbers as answers, compared as text', async () => {
    writeFileSync(
      deck,
      `deck: nums\ntitle: Numbers\ncards:\n  - id: year\n    q: Xen released in?\n    a: 2003\n    accept: [MMIII]\n  - id: four\n    type: choice\n    q: How many hypervisors?\n    choices: [2, 3, 4]\n    answer: 4\n`,
    );
    const typed: string[] = [];
    const s = scriptedUi([]);
    const deps = () => ({
      ...s.deps(),
      ui: {
        ...s.deps().ui,
        ask: async (question: Question) => {
          typed.push(question.item.cardId);
          return question.kind === 'typed'
            ? { kind: 'typed' as const, text: '2003.' }
            : { kind: 'choice' as const, selected: ['4'] };
        },
      },
    });
    await runQuiz([deck], { db: dbFile }, deps);
    expect(typed.sort()).toEqual(['four', 'year']);
    expect(s.output()).toContain('Score 2/2 (100%)');
  });

  it('shows feedback only at the end with --feedback end', async () => {
    const s = scriptedUi(['wrong', 'wrong', 'wrong', 'wrong']);
    await runQuiz([deck], { db: dbFile, seed: 'e' }, s.deps);
    const beforeReview = s.output().split('The checker rejected')[0]!;
    expect(beforeReview).not.toContain('✗ Wrong');
    expect(beforeReview).not.toContain('Almost');
    expect(s.output()).toContain('The checker rejected 1 typed answer; overrule where you were right:');
  });

  it('--retry-missed asks the missed questions again as a separate attempt', async () => {
    const s = scriptedUi(['wrong', 'right', 'wrong', 'right', /* retry: */ 'right', 'wrong']);
    expect(await exitCode(runQuiz([deck], { db: dbFile, retryMissed: true, passMark: '60', seed: 'r' }, s.deps))).toBe(
      1,
    );
    expect(s.asked.slice(4)).toEqual([s.asked[0], s.asked[2]]);
    expect(s.output()).toContain('Retry: the 2 missed questions again (scored separately).');
    expect(s.output()).toContain('Retry Question 1/2');
    expect(s.output()).toContain('Retry score 1/2 (50%)');
    expect(rows('SELECT id, retry_of, score, total FROM quiz_attempts ORDER BY id')).toEqual([
      { id: 1, retry_of: null, score: 2, total: 4 },
      { id: 2, retry_of: 1, score: 1, total: 2 },
    ]);
  });

  it('refuses without a terminal, suggesting quizdeck print', async () => {
    const s = scriptedUi([]);
    const run = runQuiz([deck], { db: dbFile }, () => ({ ...s.deps(), interactive: false }));
    await expect(run).rejects.toThrow(UsageError);
    await expect(runQuiz([deck], { db: dbFile }, () => ({ ...s.deps(), interactive: false }))).rejects.toThrow(
      /^`quizdeck quiz` is interactive and needs a terminal, but stdin is not one; .*use `quizdeck print`$/,
    );
  });

  it.each([
    [{ count: '0' }, /^--count "0"/],
    [{ tag: ['nope'] }, /^no questions match --tag nope/],
    [{ section: ['kvm'] }, /^no questions match --section kvm \(the decks have sections: esx, hyper-v, xen\)$/],
    [{ deck: ['other'] }, /^no questions match --deck other \(the decks have decks: tiny\)$/],
  ])('refuses %j with one sentence', async (options, message) => {
    await expect(runQuiz([deck], { db: dbFile, ...options }, scriptedUi([]).deps)).rejects.toThrow(message);
  });

  it('refuses a deck with errors naming the file and line', async () => {
    writeFileSync(deck, 'deck: tiny\ntitle: T\ncards:\n  - id: x\n    q: no answer\n');
    await expect(runQuiz([deck], { db: dbFile }, scriptedUi([]).deps)).rejects.toThrow(
      /tiny\.yaml:4.*quizdeck validate/,
    );
  });
});
