import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';
import { parseOrderInput } from '../../src/core/order.js';
import { gradeResponse } from '../../src/core/question/grade.js';
import { quizQuestion as buildQuestion } from '../../src/core/question/model.js';
import { formatResult } from '../../src/core/quiz/report.js';
import { formatFeedback, formatQuestion } from '../../src/core/quiz/screen.js';
import { displayWidth } from '../../src/core/text.js';

const zh = messagesFor('zh');
const item = (card: Card) => expandCard({ deck: 'zh-deck', lang: 'zh' }, card)[0]!;

describe('quiz screens in Chinese (issue 11.3)', () => {
  it('an order question: the steps, the verdict, the right order and the missed list in Chinese, within 40 columns', () => {
    const question = buildQuestion(
      item({
        id: 'boot',
        type: 'order',
        q: 'ESX 的启动顺序？',
        steps: ['BIOS 自检', 'Linux 内核引导', 'VMkernel 接管硬件'],
      } as Card),
      '1',
    );
    expect(question.kind).toBe('order');
    if (question.kind !== 'order') return;
    const lines = formatQuestion(question, { number: 2, total: 5, remainingMs: 65_000 }, 40, undefined, zh);
    expect(lines[0]).toBe('第 2/5 题 · 剩余 1:05');
    expect(lines).toContain('按正确顺序排列这些步骤：');
    // Everything in reverse: at most one step can be in its place.
    const picked = question.steps.shown
      .map((step) => ['BIOS 自检', 'Linux 内核引导', 'VMkernel 接管硬件'].indexOf(step))
      .map((_, i, all) => all.indexOf(2 - i));
    const outcome = gradeResponse(question, { kind: 'order', picked });
    const feedback = formatFeedback(outcome, 40, undefined, zh);
    expect(feedback[0]).toMatch(/^✗ 错误：3 步中有 \d 步位置正确$/);
    expect(feedback).toContain('正确顺序：');
    expect(feedback.join('\n')).toMatch(/✗ 1\. BIOS 自检（你填的：VMkernel 接管\n +硬件）/);
    const result = formatResult({ outcomes: [outcome], width: 40, messages: zh });
    expect(result).toContain('得分 0/1（0%）');
    expect(result).toContain('答错的题（1）：');
    for (const line of [...lines, ...feedback, ...result.split('\n')])
      expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('true/false and choice answers are named in Chinese; the verdict of a near miss says so', () => {
    const tf = buildQuestion(item({ id: 'pv', type: 'truefalse', q: 'PV 需要 VT-x。', answer: false } as Card), '1');
    expect(formatFeedback(gradeResponse(tf, { kind: 'truefalse', value: true }), 40, undefined, zh)).toEqual([
      '✗ 错误',
      '你的答案： 正确',
      '正确答案： 错误',
    ]);
    const typed = buildQuestion(item({ id: 'k', q: 'ESX 的 Hypervisor？', a: 'VMkernel' } as Card), '1');
    expect(
      formatFeedback(gradeResponse(typed, { kind: 'typed', text: 'VMkernal' }), 40, undefined, zh).slice(0, 3),
    ).toEqual(['≈ 接近：差一个字符（算作错误）', '正确答案： VMkern[e]l', '你的输入： VMkern(a)l']);
  });
});

describe('typed orders that are not one, said in Chinese (issue 11.3)', () => {
  it.each([
    ['', 4, '按顺序输入这 4 个步骤的编号，例如 2143。'],
    ['3a', 4, '只能输入步骤编号 1–4，例如 2143。'],
    ['3152', 4, '没有第 5 步；步骤编号是 1–4。'],
    ['3143', 4, '第 3 步出现了两次；每一步只写一次。'],
    ['314', 4, '请写出全部 4 个步骤（现在是 3 个），例如 2143。'],
  ])('%j', (typed, count, error) => {
    expect(parseOrderInput(typed, count, zh)).toEqual({ error });
  });
});
