import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';
import type { Outcome } from '../../src/core/question/model.js';
import { askGrade, askItem, type AskOptions, type AskResult } from '../../src/ui/study/ask.js';

// Study's asking, driven in-process through @inquirer/testing's streams: the prompt family,
// then the one grader (core/question), with the grade it suggests.
const items = (card: Card) => expandCard({ deck: 'd', lang: 'en' }, card);
const basic = items({ id: 'hv', q: 'Hypervisor of ESX?', a: 'VMkernel', reverse: true } as Card);
const accepting = items({ id: 'acc', q: 'Parent?', a: 'parent partition', accept: ['root partition'] } as Card)[0]!;
const choice = items({
  id: 'c',
  type: 'choice',
  q: 'Which?',
  choices: ['one', 'two', 'three'],
  answer: 'two',
} as Card)[0]!;
const multi = items({
  id: 'm',
  type: 'choice',
  q: 'Which are Xen?',
  choices: ['Dom0', 'DomU', 'VMBus'],
  answer: ['Dom0', 'DomU'],
} as Card)[0]!;
const tf = items({ id: 't', type: 'truefalse', q: 'PV needs VT-x.', answer: false } as Card)[0]!;
const order = items({ id: 'o', type: 'order', q: 'Boot order?', steps: ['BIOS', 'Xen', 'Dom0'] } as Card)[0]!;

async function ask(item: Parameters<typeof askItem>[0], options: Partial<AskOptions> = {}) {
  const rendered = await render(
    ((_: unknown, context: AskOptions['context']) =>
      askItem(item, { type: false, shuffleSeed: 's', ...options, context })) as never,
    {} as never,
  );
  return { ...rendered, answer: rendered.answer as Promise<AskResult> };
}

const outcome = (result: AskResult) => (result.action === 'answered' ? result.feedback : undefined) as Outcome;

describe('askItem', () => {
  it('a basic card: Enter reveals (graded by the person), u undoes, q quits; the reverse is revealed too', async () => {
    const shown = await ask(basic[0]!);
    expect(shown.getScreen()).toContain('Enter show answer · u undo · q quit');
    shown.events.keypress('enter');
    const revealed = await shown.answer;
    expect(revealed).toEqual({
      action: 'answered',
      feedback: expect.objectContaining({ response: { kind: 'revealed' } }),
    });
    expect(revealed).not.toHaveProperty('suggested');
    for (const [key, action] of [
      ['u', 'undo'],
      ['q', 'quit'],
    ] as const) {
      const s = await ask(basic[1]!);
      s.events.keypress(key);
      await expect(s.answer).resolves.toEqual({ action });
    }
  });

  it.each([
    ['vmkernel', true, 3],
    ['VMkernal', false, 2],
    ['ESXi', false, 1],
  ])('--typed: %j is checked (right %s) and suggests grade %i', async (text, correct, suggested) => {
    const s = await ask(basic[0]!, { type: true });
    s.events.type(text);
    s.events.keypress('enter');
    const result = await s.answer;
    expect(result).toMatchObject({ action: 'answered', correct, suggested });
    expect(outcome(result).check?.verdict).toBe(suggested === 3 ? 'correct' : suggested === 2 ? 'almost' : 'wrong');
  });

  it('a card with accept is typed without --typed; Esc reveals instead', async () => {
    const typed = await ask(accepting);
    typed.events.type('root partition');
    typed.events.keypress('enter');
    await expect(typed.answer).resolves.toMatchObject({ correct: true, suggested: 3 });
    const escaped = await ask(accepting);
    escaped.events.keypress('escape');
    expect(outcome(await escaped.answer).response).toEqual({ kind: 'revealed' });
  });

  it('a choice: the number of the right one, wherever the seed put it; a wrong one suggests Again', async () => {
    const right = await ask(choice);
    const number = /(\d)\. two/.exec(right.getScreen())![1]!;
    right.events.keypress(number);
    await expect(right.answer).resolves.toMatchObject({ correct: true, suggested: 3 });
    const wrong = await ask(choice);
    wrong.events.keypress(/(\d)\. one/.exec(wrong.getScreen())![1]!);
    const result = await wrong.answer;
    expect(result).toMatchObject({ correct: false, suggested: 1 });
    expect(outcome(result).response).toEqual({ kind: 'choice', selected: ['one'] });
  });

  it('a multi-answer choice toggles, and needs every right answer', async () => {
    const s = await ask(multi);
    expect(s.getScreen()).toContain('Pick all that apply (2)');
    for (const name of ['Dom0', 'DomU']) s.events.keypress(new RegExp(`(\\d)\\. ◯ ${name}`).exec(s.getScreen())![1]!);
    s.events.keypress('enter');
    await expect(s.answer).resolves.toMatchObject({ correct: true, suggested: 3 });
  });

  it("true/false: t and f, in the screen's language", async () => {
    const s = await ask(tf, { messages: messagesFor('zh') });
    s.events.keypress('f');
    await expect(s.answer).resolves.toMatchObject({ correct: true, suggested: 3 });
    expect(s.getScreen()).toContain('错误');
  });

  it('an order: the shown steps listed with the prompt; two neighbours swapped suggest Hard', async () => {
    const s = await ask(order);
    const screen = s.getScreen();
    expect(screen).toContain('Put the steps in the right order:');
    const number = (step: string) => new RegExp(`(\\d)\\. ${step}`).exec(screen)![1]!;
    s.events.type(`${number('Xen')}${number('BIOS')}${number('Dom0')}`);
    s.events.keypress('enter');
    const result = await s.answer;
    expect(result).toMatchObject({ correct: false, suggested: 2 });
    expect(outcome(result).order?.verdict).toBe('almost');
  });
});

describe('askGrade', () => {
  const options = [1, 2, 3, 4].map((grade) => ({
    grade: grade as 1 | 2 | 3 | 4,
    name: ['Again', 'Hard', 'Good', 'Easy'][grade - 1]!,
    interval: `${grade}d`,
  }));

  it('preselects the suggested grade; numbers, u and q', async () => {
    const grade = async (keys: string[], suggested?: 1 | 2 | 3) => {
      const r = await render(
        ((_: unknown, context: never) => askGrade(options, suggested, undefined, context)) as never,
        {} as never,
      );
      const screen = r.getScreen();
      for (const key of keys) r.events.keypress(key);
      return { screen, result: await (r.answer as Promise<unknown>) };
    };
    const suggested = await grade(['enter'], 2);
    expect(suggested.screen).toMatch(/❯ 2\. Hard · 2d/);
    expect(suggested.result).toEqual({ action: 'grade', grade: 2 });
    expect((await grade(['4'])).result).toEqual({ action: 'grade', grade: 4 });
    expect((await grade(['enter'])).result).toEqual({ action: 'grade', grade: 3 });
    expect((await grade(['u'])).result).toEqual({ action: 'undo' });
    expect((await grade(['q'])).result).toEqual({ action: 'quit' });
  });
});
