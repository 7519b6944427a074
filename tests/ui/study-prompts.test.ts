import { render } from '@inquirer/testing';
import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { ExitError, UsageError } from '../../src/errors.js';
import { checkAnswer } from '../../src/core/answer.js';
import { choicePrompt, formatTypedFeedback, keyPrompt, numberKeys, typedAnswerPrompt } from '../../src/ui/prompts.js';
import { requireTerminal, withInterrupt } from '../../src/commands/shared/terminal.js';
import { formatCardText, progressBar } from '../../src/ui/terminal.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('typedAnswerPrompt', () => {
  it('returns the typed text on Enter, ignoring an empty Enter', async () => {
    const { answer, events, getScreen } = await render(typedAnswerPrompt, { message: 'Answer:', hint: 'Esc shows the answer' });
    expect(getScreen()).toContain('Esc shows the answer');
    events.keypress('enter');
    events.type('VMkernal');
    expect(getScreen()).toContain('VMkernal');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', text: 'VMkernal' });
  });

  it('gives up on Esc', async () => {
    const { answer, events } = await render(typedAnswerPrompt, { message: 'Answer:' });
    events.keypress('escape');
    await expect(answer).resolves.toEqual({ action: 'skip' });
  });

  it('shows control characters from typed text harmlessly', async () => {
    const { events, getScreen } = await render(typedAnswerPrompt, { message: 'Answer:' });
    events.type('a\u0007b');
    expect(getScreen()).not.toContain('\u0007');
  });
});

describe('keyPrompt', () => {
  it.each([
    ['enter', 'reveal'],
    ['u', 'undo'],
    ['q', 'quit'],
  ])('%s → %s, other keys ignored', async (key, action) => {
    const { answer, events } = await render(keyPrompt, { message: 'Enter shows the answer', keys: { enter: 'reveal', u: 'undo', q: 'quit' } });
    events.keypress('x');
    events.keypress(key);
    await expect(answer).resolves.toBe(action);
  });

  it('echoes the chosen action when asked to', async () => {
    const { answer, events, getScreen } = await render(keyPrompt, { message: 'True or false?', keys: { t: 'true', f: 'false' }, echo: { true: 'True', false: 'False' } });
    events.keypress('f');
    await expect(answer).resolves.toBe('false');
    expect(getScreen()).toMatch(/True or false\? False/);
  });
});

describe('choicePrompt', () => {
  const grades = ['Again · 1m', 'Hard · 6m', 'Good · 10m', 'Easy · 8d'];

  it('preselects the default, which Enter accepts', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { message: 'Grade', choices: grades, default: 2 });
    expect(getScreen()).toMatch(/❯ 3\. Good · 10m/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [2] });
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

  it('ends with an action key', async () => {
    const { answer, events } = await render(choicePrompt, { message: 'Grade', choices: grades, keys: { u: 'undo' } });
    events.keypress('u');
    await expect(answer).resolves.toEqual({ action: 'undo' });
  });

  it('toggles several answers and insists on one', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, { message: 'Pick all', choices: ['a', 'b', 'c'], multiple: true });
    events.keypress('enter');
    expect(getScreen()).toContain('Pick at least one');
    events.keypress('3');
    events.keypress('space'); // toggles the active one (3) off again
    events.keypress('1');
    events.keypress('2');
    expect(getScreen()).toContain('◉ a');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'choose', indexes: [0, 1] });
  });
});

describe('terminal helpers', () => {
  it('highlights what differs between typed and expected', () => {
    chalk.level = 1;
    const key = { answer: 'VMkernel', accept: [], lang: 'en' };
    const [, expected, typed] = formatTypedFeedback('VMkernal.', checkAnswer('VMkernal.', key), key, '');
    expect(expected).toMatch(/VMkern\u001b\[[0-9;]+m.*e.*\u001b\[[0-9;]+ml$/);
    // The "a" is highlighted; the full stop, which the checker ignores, is not.
    expect(typed).toMatch(/VMkern\u001b\[[0-9;]+m.*a.*\u001b\[[0-9;]+ml\.$/);
    expect(strip(expected!)).toBe('Expected:      VMkernel');
    expect(strip(typed!)).toBe('You typed:     VMkernal.');
    expect([numberKeys(4), numberKeys(12), numberKeys(1)]).toEqual(['1–4', '1–9', '1']);
  });

  it('refuses stdin that is not a terminal, suggesting print', () => {
    expect(() => requireTerminal('study', { isTTY: false })).toThrow(UsageError);
    expect(() => requireTerminal('study', { isTTY: undefined })).toThrow(/quizdeck print/);
    expect(() => requireTerminal('study', { isTTY: true })).not.toThrow();
  });

  it('turns Ctrl-C in a prompt into a summary and exit code 130', async () => {
    let summary = false;
    const { answer, events } = await render(keyPrompt, { message: 'x', keys: { enter: 'ok' } });
    events.keypress({ name: 'c', ctrl: true });
    const run = withInterrupt(() => answer, () => (summary = true));
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof ExitError && e.exitCode === 130);
    expect(summary).toBe(true);
  });

  it('wraps CJK text by display width and neutralises escapes', () => {
    expect(formatCardText('虚拟化是一种技术', 10)).toBe('虚拟化是一\n种技术');
    expect(formatCardText('evil \u001b[2J text', 40)).toBe('evil ^[[2J text');
    expect(progressBar(1, 4, 8)).toBe('██░░░░░░');
  });
});
