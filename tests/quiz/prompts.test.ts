import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { deckItems } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { quizQuestion } from '../../src/core/question/model.js';
import { askOverrule, askQuestion, guarded, QuizInterrupted, QuizTimedOut } from '../../src/ui/quiz/prompts.js';
import { AbortPromptError, ExitPromptError } from '@inquirer/core';

const question = (card: Card) =>
  quizQuestion(deckItems({ deck: 'd', title: 'T', lang: 'en', file: 'd.yaml', cards: [card] })[0]!, 'seed');

// askOverrule uses the prompt family's key prompt; render()'s streams are passed as its context.
async function overrule() {
  const rendered = await render(
    ((_: unknown, context: Parameters<typeof askOverrule>[0]) => askOverrule(context)) as never,
    {} as never,
  );
  return { ...rendered, answer: rendered.answer as Promise<boolean> };
}

describe('askOverrule', () => {
  it('goes on with Enter', async () => {
    const { answer, events, getScreen } = await overrule();
    expect(getScreen()).toContain('Enter: next question · r: I was right (count it)');
    events.keypress('x');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
    expect(getScreen()).toContain('Continue? next');
  });

  it('overrules with r', async () => {
    const { answer, events, getScreen } = await overrule();
    events.keypress('r');
    await expect(answer).resolves.toBe(true);
    expect(getScreen()).toContain('Continue? I was right');
  });
});

describe('guarded', () => {
  it('turns Ctrl-C into QuizInterrupted and the time signal into QuizTimedOut', async () => {
    await expect(guarded(() => Promise.reject(new ExitPromptError('closed')))).rejects.toBeInstanceOf(QuizInterrupted);
    const time = new AbortController();
    time.abort('time');
    await expect(guarded(() => Promise.reject(new AbortPromptError()), time.signal)).rejects.toBeInstanceOf(
      QuizTimedOut,
    );
    const stop = new AbortController();
    stop.abort('interrupt');
    await expect(guarded(() => Promise.reject(new AbortPromptError()), stop.signal)).rejects.toBeInstanceOf(
      QuizInterrupted,
    );
    await expect(guarded(() => Promise.reject(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
  });
});

// askQuestion uses the real @inquirer/prompts with their default stdin/stdout; the testing
// streams from render() are passed as the context, the way inquirer's own tests do.
async function ask(
  q: ReturnType<typeof question>,
  keys: (events: Awaited<ReturnType<typeof render>>['events']) => void,
  signal?: AbortSignal,
  deadline?: number,
) {
  const prompt = ((_: unknown, context: Parameters<typeof askQuestion>[1]) =>
    askQuestion(q, context, deadline)) as never;
  const rendered = await render(prompt, {} as never, { signal });
  const screen = rendered.getScreen();
  keys(rendered.events);
  return { answer: rendered.answer as Promise<unknown>, screen, getScreen: rendered.getScreen };
}

describe('askQuestion', () => {
  it('asks a multi-answer choice card as a multi-select, choice text neutralised', async () => {
    const q = question({
      id: 'm',
      type: 'choice',
      q: 'Which?',
      choices: ['Dom0', 'DomU', 'Bad\u001b[31m'],
      answer: ['Dom0', 'DomU'],
    });
    const order = (q as { choices: string[] }).choices;
    // Select the right two by moving to them and pressing space, then Enter.
    const { answer, screen, getScreen } = await ask(q, (events) => {
      for (const [i, c] of order.entries()) {
        if (c.startsWith('Dom')) events.keypress('space');
        if (i < order.length - 1) events.keypress('down');
      }
      events.keypress('enter');
    });
    expect(screen).toContain('Bad^[[31m');
    expect(screen).not.toContain('\u001b[31m');
    expect(await answer).toEqual({ kind: 'choice', selected: order.filter((c) => c.startsWith('Dom')) });
    // The neutral done mark, not inquirer's green check that would read as "right".
    expect(getScreen()).toContain('› Choose');
  });

  it('picks a single choice by its number', async () => {
    const q = question({ id: 'c', type: 'choice', q: 'Which?', choices: ['one', 'two', 'three'], answer: 'two' });
    const order = (q as { choices: string[] }).choices;
    const { answer, screen } = await ask(q, (events) => events.keypress(String(order.indexOf('two') + 1)));
    expect(screen).toMatch(/❯ 1\. \w+\n {2}2\. \w+\n {2}3\. \w+/);
    expect(await answer).toEqual({ kind: 'choice', selected: ['two'] });
  });

  it('refuses to submit nothing', async () => {
    const multi = question({ id: 'm', type: 'choice', q: 'Which?', choices: ['a', 'b', 'c'], answer: ['a', 'b'] });
    const m = await ask(multi, (events) => events.keypress('enter'));
    expect(m.getScreen()).toContain('Pick at least one (space or its number), then Enter.');
    const typed = await ask(question({ id: 'b', q: 'Name?', a: 'VMkernel' }), (events) => events.keypress('enter'));
    expect(typed.getScreen()).toContain('Type an answer (a guess is fine), then Enter.');
  });

  it('asks true/false and typed answers', async () => {
    const tf = await ask(question({ id: 't', type: 'truefalse', q: 'Yes?', answer: false }), (events) => {
      events.keypress('down');
      events.keypress('enter');
    });
    expect(tf.screen).toContain('True or false?');
    expect(await tf.answer).toEqual({ kind: 'truefalse', value: false });
    // t and f answer at once, as in study.
    const t = await ask(question({ id: 't', type: 'truefalse', q: 'Yes?', answer: true }), (events) =>
      events.keypress('t'),
    );
    expect(t.screen).toContain('t true · f false · ↑↓ Enter: choose');
    expect(await t.answer).toEqual({ kind: 'truefalse', value: true });
    const f = await ask(question({ id: 't', type: 'truefalse', q: 'Yes?', answer: true }), (events) =>
      events.keypress('f'),
    );
    expect(await f.answer).toEqual({ kind: 'truefalse', value: false });
    // The number keys named for the real number of choices.
    const three = await ask(
      question({ id: 'c', type: 'choice', q: 'Which?', choices: ['a', 'b', 'c'], answer: 'a' }),
      (events) => events.keypress('2'),
    );
    expect(three.screen).toContain('1–3 or ↑↓ Enter: choose');
    const typed = await ask(question({ id: 'b', q: 'Name?', a: 'VMkernel' }), (events) => {
      events.type('vmkernel');
      events.keypress('enter');
    });
    expect(await typed.answer).toEqual({ kind: 'typed', text: 'vmkernel' });
  });

  it('shows the time left under the prompt and keeps it running', async () => {
    const typed = await ask(question({ id: 'b', q: 'Name?', a: 'VMkernel' }), () => {}, undefined, Date.now() + 90_500);
    expect(typed.getScreen()).toMatch(/1:3[01] left {2}Enter: submit/);
    await new Promise((r) => setTimeout(r, 1100));
    expect(typed.getScreen()).toMatch(/1:(29|30) left/);
    const untimed = await ask(question({ id: 'b', q: 'Name?', a: 'VMkernel' }), () => {});
    expect(untimed.getScreen()).not.toContain('left');
  });

  it('gives up the prompt when the time-limit signal fires', async () => {
    const controller = new AbortController();
    const { answer } = await ask(question({ id: 'b', q: 'Name?', a: 'VMkernel' }), () => {}, controller.signal);
    controller.abort('time');
    await expect(answer).rejects.toBeInstanceOf(QuizTimedOut);
  });
});
