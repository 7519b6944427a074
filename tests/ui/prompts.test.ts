import { stripVTControlCharacters } from 'node:util';
import { render } from '@inquirer/testing';
import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { ExitError, UsageError } from '../../src/errors.js';
import { checkAnswer } from '../../src/core/answer.js';
import { messagesFor } from '../../src/core/messages/index.js';
import { terminalPaint } from '../../src/ui/paint.js';
import { formatTypedAnswer } from '../../src/core/question/feedback.js';
import { displayWidth } from '../../src/core/text.js';
import {
  choicePrompt,
  keyPrompt,
  numberKeys,
  orderPrompt,
  trueFalsePrompt,
  typedPrompt,
} from '../../src/ui/prompts/index.js';
import { requireTerminal, withInterrupt } from '../../src/commands/shared/terminal.js';
import { formatCardText, progressBar } from '../../src/ui/terminal.js';
import { wrapKeys } from '../../src/ui/prompts/theme.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const zh = messagesFor('zh');

/** A prompt that is not an @inquirer view itself (it composes one), rendered with render()'s streams as its context. */
async function renderComposed<T>(run: (context: object) => Promise<T>) {
  const rendered = await render(((_: unknown, context: object) => run(context)) as never, {} as never);
  return { ...rendered, answer: rendered.answer as Promise<T> };
}

describe('typedPrompt', () => {
  it('returns the typed text on Enter; an empty Enter is refused with a word', async () => {
    const { answer, events, getScreen } = await render(typedPrompt, {
      message: 'Answer:',
      hint: 'Esc shows the answer',
    });
    expect(getScreen()).toContain('Esc shows the answer');
    events.keypress('enter');
    expect(getScreen()).toContain('Type an answer (a guess is fine), then Enter.');
    events.type('VMkernal');
    expect(getScreen()).toContain('VMkernal');
    expect(getScreen()).not.toContain('Type an answer');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', text: 'VMkernal' });
    // A neutral mark on the answer line, never inquirer's green check (issue 12).
    expect(strip(getScreen())).toBe('› Answer: VMkernal');
  });

  it('gives up on Esc only when told to', async () => {
    const skipping = await render(typedPrompt, { message: 'Answer:', escape: true });
    skipping.events.keypress('escape');
    await expect(skipping.answer).resolves.toEqual({ action: 'skip' });
    const quiz = await render(typedPrompt, { message: 'Answer:' });
    quiz.events.keypress('escape');
    quiz.events.type('x');
    quiz.events.keypress('enter');
    await expect(quiz.answer).resolves.toEqual({ action: 'answer', text: 'x' });
  });

  it('keeps a line the validator refuses, with the reason', async () => {
    const { answer, events, getScreen } = await render(typedPrompt, {
      message: 'Order',
      validate: (v: string) => (v === 'ok' ? undefined : 'not ok'),
    });
    events.type('no');
    events.keypress('enter');
    expect(getScreen()).toContain('not ok');
    expect(getScreen()).toContain('Order no');
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.type('ok');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', text: 'ok' });
  });

  it('shows control characters from typed text harmlessly', async () => {
    const { events, getScreen } = await render(typedPrompt, { message: 'Answer:' });
    events.type('a\u0007b');
    expect(getScreen()).not.toContain('\u0007');
  });

  it("shows the time left before its keys, from the clock it is given, in the screen's language", async () => {
    const { getScreen } = await render(typedPrompt, {
      message: 'Answer',
      hint: 'Enter: submit',
      deadline: 100_000,
      now: () => 10_000,
    });
    expect(getScreen()).toContain('1:30 left  Enter: submit');
    const chinese = await render(typedPrompt, { message: '答案', deadline: 100_000, now: () => 50_000, messages: zh });
    expect(chinese.getScreen()).toContain('剩余 0:50');
    const untimed = await render(typedPrompt, { message: 'Answer', hint: 'Enter: submit' });
    expect(untimed.getScreen()).not.toContain('left');
  });
});

describe('keyPrompt', () => {
  it.each([
    ['enter', 'reveal'],
    ['u', 'undo'],
    ['q', 'quit'],
  ])('%s → %s, other keys ignored', async (key, action) => {
    const { answer, events } = await render(keyPrompt, {
      message: 'Enter shows the answer',
      keys: { enter: 'reveal', u: 'undo', q: 'quit' },
    });
    events.keypress('x');
    events.keypress(key);
    await expect(answer).resolves.toBe(action);
  });

  it('? shows every key in place of the keys line, and hides it again (key and choice prompts)', async () => {
    const key = await render(keyPrompt, {
      message: 'Press Enter',
      keys: { enter: 'reveal' },
      hint: 'Enter show · ? keys',
      help: 'Keys:\n  Enter  show',
    });
    expect(strip(key.getScreen())).toContain('Enter show · ? keys');
    key.events.type('?');
    expect(strip(key.getScreen())).toContain('Keys:\n  Enter  show');
    expect(strip(key.getScreen())).not.toContain('Enter show · ? keys');
    key.events.type('?');
    expect(strip(key.getScreen())).toContain('Enter show · ? keys');
    key.events.keypress('enter');
    await expect(key.answer).resolves.toBe('reveal');
    const choice = await render(choicePrompt, {
      message: 'Pick one',
      choices: ['a', 'b'],
      hint: 'hint · ? keys',
      help: 'all the keys',
    });
    choice.events.type('?');
    expect(strip(choice.getScreen())).toContain('all the keys');
    choice.events.keypress('2');
    await expect(choice.answer).resolves.toEqual({ action: 'choose', indexes: [1] });
    // Without help, ? is just another key.
    const plain = await render(choicePrompt, { message: 'Pick one', choices: ['a', 'b'], hint: 'hint' });
    plain.events.type('?');
    expect(strip(plain.getScreen())).toContain('hint');
  });

  it('echoes the chosen action when asked to, and leaves no line otherwise', async () => {
    const echoed = await render(keyPrompt, {
      message: 'Continue?',
      keys: { enter: 'next', r: 'overrule' },
      echo: { next: 'next', overrule: 'I was right' },
      hint: 'Enter: next · r: I was right',
    });
    expect(echoed.getScreen()).toContain('Enter: next · r: I was right');
    echoed.events.keypress('r');
    await expect(echoed.answer).resolves.toBe('overrule');
    expect(strip(echoed.getScreen())).toBe('› Continue? I was right');
    const silent = await render(keyPrompt, { message: 'Press Enter to show the answer', keys: { enter: 'reveal' } });
    silent.events.keypress('enter');
    await silent.answer;
    // The last frame written (raw: escapes and all) clears the line and prints nothing on it.
    expect(stripVTControlCharacters(silent.getScreen({ raw: true })).trim()).toBe('');
  });
});

describe('choicePrompt', () => {
  const grades = ['Again · 1m', 'Hard · 6m', 'Good · 10m', 'Easy · 8d'];

  it('preselects the default, which Enter accepts', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { message: 'Grade', choices: grades, default: 2 });
    expect(getScreen()).toMatch(/❯ 3\. Good · 10m/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [2] });
    expect(strip(getScreen())).toBe('› Grade Good · 10m');
  });

  it('picks with a number key at once', async () => {
    const { answer, events } = await render(choicePrompt, { message: 'Grade', choices: grades });
    events.keypress('4');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [3] });
  });

  it('moves with arrows (wrapping) and Enter', async () => {
    const { answer, events } = await render(choicePrompt, { message: 'Grade', choices: grades });
    events.keypress('up');
    events.keypress('up');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [3] });
  });

  it('ends with an action key; a letter key picks its choice', async () => {
    const undo = await render(choicePrompt, { message: 'Grade', choices: grades, keys: { u: 'undo' } });
    undo.events.keypress('u');
    await expect(undo.answer).resolves.toEqual({ action: 'undo' });
    const letter = await render(choicePrompt, { message: 'Which?', choices: ['yes', 'no'], letters: { n: 1 } });
    letter.events.keypress('n');
    await expect(letter.answer).resolves.toEqual({ action: 'choose', indexes: [1] });
  });

  it("toggles several answers, insists on one, and names them in the screen's language", async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: '选择',
      choices: ['a', 'b', 'c'],
      multiple: true,
      messages: zh,
    });
    events.keypress('enter');
    expect(getScreen()).toContain('至少选一项');
    events.keypress('3');
    events.keypress('space'); // toggles the active one (3) off again
    events.keypress('1');
    events.keypress('2');
    expect(getScreen()).toContain('◉ a');
    expect(getScreen()).not.toContain('至少选一项');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [0, 1] });
    expect(strip(getScreen())).toBe('› 选择 a；b');
  });

  it('wraps a long choice under its own text at 40 columns, the keys line between its keys, and the answer under itself', async () => {
    const columns = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: 40, configurable: true });
    try {
      const { getScreen, events, answer } = await render(choicePrompt, {
        message: '选择一项',
        choices: ['企业级虚拟化产品', '安装在 Windows 之上的宿主型虚拟机软件'],
        hint: zh.study.pickOneHint('1–2'),
        messages: zh,
      });
      const screen = strip(getScreen());
      expect(screen).toContain('  2. 安装在 Windows 之上的宿主型虚拟机软\n     件');
      expect(screen).toContain('1–2 或 ↑↓ Enter · u 撤销 · q 退出\n? 按键');
      for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
      events.keypress('2');
      await answer;
      const echo = strip(getScreen());
      expect(echo).toBe('› 选择一项 安装在 Windows 之上的宿主型虚\n           拟机软件');
    } finally {
      if (columns) Object.defineProperty(process.stdout, 'columns', columns);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  it('neutralises choice text from deck files', async () => {
    const { getScreen } = await render(choicePrompt, { message: 'Which?', choices: ['Bad\u001b[31m', 'ok'] });
    expect(getScreen()).toContain('Bad^[[31m');
  });
});

describe('trueFalsePrompt', () => {
  it('t and f answer at once; numbers, arrows and action keys work as in any choice', async () => {
    const t = await renderComposed((context) =>
      trueFalsePrompt({ message: 'True or false?', hint: 't true · f false' }, context),
    );
    expect(t.getScreen()).toMatch(/❯ 1\. True\n {2}2\. False/);
    t.events.keypress('t');
    await expect(t.answer).resolves.toEqual({ action: 'answer', value: true });
    const f = await renderComposed((context) => trueFalsePrompt({ message: '对还是错？', messages: zh }, context));
    expect(f.getScreen()).toContain('1. 正确');
    f.events.keypress('f');
    await expect(f.answer).resolves.toEqual({ action: 'answer', value: false });
    expect(strip(f.getScreen())).toBe('› 对还是错？ 错误');
    const arrows = await renderComposed((context) => trueFalsePrompt({ message: 'True or false?' }, context));
    arrows.events.keypress('down');
    arrows.events.keypress('enter');
    await expect(arrows.answer).resolves.toEqual({ action: 'answer', value: false });
    const quit = await renderComposed((context) =>
      trueFalsePrompt({ message: 'True or false?', keys: { q: 'quit' } }, context),
    );
    quit.events.keypress('q');
    await expect(quit.answer).resolves.toEqual({ action: 'quit' });
  });
});

describe('orderPrompt', () => {
  it('reads the numbers of the shown steps, refusing an order that is not one and keeping it', async () => {
    const { answer, events, getScreen } = await renderComposed((context) =>
      orderPrompt({ message: 'Order:', count: 4 }, context),
    );
    events.type('314');
    events.keypress('enter');
    expect(getScreen()).toContain('Give all 4 steps (3 given)');
    expect(getScreen()).toContain('Order: 314');
    events.type(',2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'order', picked: [2, 0, 3, 1] });
  });

  it('Esc reveals instead when told to', async () => {
    const { answer, events } = await renderComposed((context) =>
      orderPrompt({ message: 'Order:', count: 3, escape: true }, context),
    );
    events.keypress('escape');
    await expect(answer).resolves.toEqual({ action: 'skip' });
  });
});

describe('the answer difference', () => {
  it('is highlighted in colour, Expected in green; without colour in brackets', () => {
    const key = { answer: 'VMkernel', accept: [], lang: 'en' };
    const level = chalk.level;
    try {
      chalk.level = 1;
      const [expected, typed] = formatTypedAnswer('VMkernal.', checkAnswer('VMkernal.', key), key, 80, terminalPaint());
      expect(expected).toMatch(/VMkern\u001b\[[0-9;]+m.*e.*\u001b\[[0-9;]+ml/);
      // The "a" is highlighted; the full stop, which the checker ignores, is not.
      expect(typed).toMatch(/VMkern\u001b\[[0-9;]+m.*a.*\u001b\[[0-9;]+ml\.$/);
      expect(expected!.startsWith('\u001b[32m')).toBe(true);
      expect(strip(expected!)).toBe('Expected:      VMkernel');
      expect(strip(typed!)).toBe('You typed:     VMkernal.');
      chalk.level = 0;
      expect(
        formatTypedAnswer('VMkernal.', checkAnswer('VMkernal.', key), key, 80, terminalPaint(), undefined, '  '),
      ).toEqual(['  Expected:      VMkern[e]l', '  You typed:     VMkern(a)l.']);
    } finally {
      chalk.level = level;
    }
    expect([numberKeys(4), numberKeys(12), numberKeys(1)]).toEqual(['1–4', '1–9', '1']);
  });
});

describe('terminal helpers', () => {
  it('refuses stdin that is not a terminal, suggesting print', () => {
    expect(() => requireTerminal('study', { isTTY: false })).toThrow(UsageError);
    expect(() => requireTerminal('study', { isTTY: undefined })).toThrow(/quizdeck print/);
    expect(() => requireTerminal('study', { isTTY: true })).not.toThrow();
  });

  it('turns Ctrl-C in a prompt into a summary and exit code 130', async () => {
    let summary = false;
    const { answer, events } = await render(keyPrompt, { message: 'x', keys: { enter: 'ok' } });
    events.keypress({ name: 'c', ctrl: true });
    const run = withInterrupt(
      () => answer,
      () => (summary = true),
    );
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof ExitError && e.exitCode === 130);
    expect(summary).toBe(true);
  });

  it('wraps CJK text by display width and neutralises escapes', () => {
    expect(formatCardText('虚拟化是一种技术', 10)).toBe('虚拟化是一\n种技术');
    expect(formatCardText('evil \u001b[2J text', 40)).toBe('evil ^[[2J text');
    expect(progressBar(1, 4, 8)).toBe('██░░░░░░');
  });

  it('wraps a keys line between its keys, never between a key and its word (Chinese at 40 columns)', () => {
    expect(wrapKeys(zh.study.trueFalseHint, 40)).toBe('t 正确 · f 错误 · u 撤销 · q 退出\n? 按键');
    expect(wrapKeys(zh.study.gradeHint, 40)).toBe(
      '1 重来 · 2 困难 · 3 良好 · 4 简单\n↑↓ Enter · u 撤销 · q 退出 · ? 按键',
    );
    expect(wrapKeys('t true · f false · u undo · q quit · ? keys', 40)).toBe(
      't true · f false · u undo · q quit\n? keys',
    );
    expect(wrapKeys('t true · f false', 80)).toBe('t true · f false');
    expect(wrapKeys('a-very-long-key-name · b', 10)).toBe('a-very-long-key-name\nb');
  });
});
