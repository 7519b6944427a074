import chalk from 'chalk';
import { describe, expect, it } from 'vitest';
import { expandCard, type StudyItem } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { messagesFor } from '../../src/core/messages/index.js';
import { displayWidth } from '../../src/core/text.js';
import { checkOrder } from '../../src/core/order.js';
import { gradeResponse } from '../../src/core/question/grade.js';
import { buildQuestion, type Response } from '../../src/core/question/model.js';
import { formatOrderFeedback } from '../../src/ui/study/order.js';
import {
  formatFeedback,
  formatHeader,
  formatQuestion,
  formatSummary,
  truncateDisplay,
} from '../../src/ui/study/screen.js';
import { NO_SESSION } from '../helpers/study.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const item = (card: Card, i = 0) => expandCard({ deck: 'd' }, card)[i]!;
/** The item asked (typed when `response` is typed) and its answer judged, as askItem returns it. */
const judged = (it: StudyItem, response: Response) =>
  gradeResponse(buildQuestion(it, { typed: response.kind === 'typed' }), response);

describe('study screens', () => {
  it('header: deck, counts and progress (items left, items done)', () => {
    const text = strip(
      formatHeader({
        deckId: 'd',
        deckTitle: 'Deck',
        counts: { new: 4, learning: 1, due: 2 },
        finished: 2,
        left: 7,
        width: 80,
      }),
    );
    expect(text).toContain('d Deck');
    expect(text).toContain('4 new · 1 learning · 2 due');
    expect(text).toContain('7 left · 2 done');
  });

  it('header: a long (CJK) title is cut to the terminal width', () => {
    const text = strip(
      formatHeader({
        deckId: 'hypervisors-zh',
        deckTitle: 'Hypervisor：VMware ESX、Hyper-V、Xen 与 KVM',
        counts: { new: 1, learning: 0, due: 0 },
        finished: 0,
        left: 1,
        width: 40,
      }),
    );
    expect(text.split('\n')[0]).toBe('hypervisors-zh Hypervisor：VMware ESX、…');
    expect(truncateDisplay('中文标题', 5)).toBe('中文…');
  });

  it('cloze: the asked deletion hidden as [hint] and highlighted, even across a line break', () => {
    chalk.level = 1;
    const card = {
      id: 'c',
      type: 'cloze',
      text: 'The [boot] order: {{Linux}} loads the {{VMkernel::hypervisor component name}}.',
    } as Card;
    const q = formatQuestion(item(card, 1), 40);
    expect(strip(q)).toContain('The [boot] order: Linux loads the');
    expect(q).not.toContain('VMkernel');
    expect(q).toContain(chalk.bold.yellow('[hypervisor component name]'));
    const narrow = formatQuestion(item(card, 1), 24);
    expect(narrow).toContain(`${chalk.bold.yellow('[hypervisor component')}\n  ${chalk.bold.yellow('name]')}.`);
  });

  it('cloze: the answer is shown in its whole sentence, highlighted (revealed and typed)', () => {
    chalk.level = 1;
    const card = {
      id: 'c',
      type: 'cloze',
      text: 'The [boot] order: {{Linux}} loads the {{VMkernel::hypervisor component name}}.',
    } as Card;
    const cloze = item(card, 1);
    const revealed = formatFeedback(cloze, 'VMkernel', judged(cloze, { kind: 'revealed' }), 80);
    expect(strip(revealed)).toContain('The [boot] order: Linux loads the VMkernel.');
    expect(revealed).toContain(chalk.bold.cyan('VMkernel'));
    expect(strip(revealed)).not.toContain('[hypervisor component name]');
    const typed = formatFeedback(cloze, 'VMkernel', judged(cloze, { kind: 'typed', text: 'vmkernel' }), 80);
    expect(strip(typed)).toContain('The [boot] order: Linux loads the VMkernel.');
  });

  it('neutralises control characters in card text', () => {
    const q = formatQuestion(item({ id: 'x', q: 'clear \u001b[2J now', a: 'a' } as Card), 80);
    expect(q).not.toContain('\u001b[2J');
  });

  it('feedback shows the answer and why; the summary counts accuracy', () => {
    const basic = item({ id: 'x', q: 'q', a: 'VMkernel', accept: ['the VMkernel'], why: 'Because.' } as Card);
    const typed = (text: string) => judged(basic, { kind: 'typed', text });
    const text = strip(formatFeedback(basic, 'VMkernel', typed('vmkernal'), 80));
    expect(text).toContain(
      '≈ Almost: one letter off (Hard suggested)\n  Expected:      VMkernel\n  You typed:     vmkernal\n  Also accepted: the VMkernel\n',
    );
    expect(strip(formatFeedback(basic, 'VMkernel', typed('the vmkernel.'), 80))).toContain(
      '✓ Correct\n  Expected:      VMkernel\n  Also accepted: the VMkernel\n',
    );
    expect(strip(formatFeedback(basic, 'VMkernel', typed('ESXi'), 80))).toContain(
      '✗ Wrong\n  Expected:      VMkernel\n  You typed:     ESXi\n',
    );
    expect(text).toContain('Because.');
    const summary = strip(
      formatSummary({
        ...NO_SESSION,
        studied: 4,
        again: 1,
        elapsedMs: 95_000,
        dueTomorrow: 3,
        learningLater: 2,
        leeches: 0,
      }),
    );
    expect(summary).toMatch(/Cards studied:\s+4/);
    expect(summary).toMatch(/Accuracy:\s+75%/);
    expect(summary).toMatch(/Time spent:\s+1m 35s/);
    expect(summary).toMatch(/Due tomorrow:\s+3/);
    expect(summary).toContain('2 learning cards come back later today');
  });

  it('Chinese: header, feedback and summary in Chinese, lined up by display width within 40 columns', () => {
    chalk.level = 1; // differences in colour, not brackets
    const zh = messagesFor('zh-CN');
    const header = strip(
      formatHeader(
        {
          deckId: 'hypervisors-zh',
          deckTitle: 'Hypervisor：VMware ESX、Hyper-V、Xen 与 KVM',
          counts: { new: 4, learning: 1, due: 2 },
          finished: 11,
          left: 7,
          width: 40,
        },
        zh,
      ),
    );
    expect(header).toContain('新卡 4 · 学习中 1 · 待复习 2');
    expect(header).toContain('剩余 7 张 · 已完成 11 张');
    const basic = expandCard({ deck: 'd', lang: 'zh' }, {
      id: 'x',
      q: '问',
      a: '父分区',
      accept: ['根分区'],
      why: '驱动在父分区里。',
    } as Card)[0]!;
    const feedback = strip(formatFeedback(basic, '父分区', judged(basic, { kind: 'typed', text: '子分区' }), 40, zh));
    expect(feedback).toContain(
      '  正确答案： 父分区\n  你的输入： 子分区\n  也可接受： 根分区\n解析：\n  驱动在父分区里。',
    );
    const choiceItem = expandCard({ deck: 'd', lang: 'zh' }, {
      id: 'c',
      type: 'choice',
      q: '问',
      choices: ['父分区', '子分区'],
      answer: '父分区',
    } as Card)[0]!;
    const choice = strip(
      formatFeedback(choiceItem, '父分区', judged(choiceItem, { kind: 'choice', selected: ['子分区'] }), 40, zh),
    );
    expect(choice).toContain('✗ 不对\n  你的选择： 子分区\n答案：\n  父分区');
    const summary = strip(
      formatSummary(
        {
          ...NO_SESSION,
          studied: 4,
          again: 1,
          elapsedMs: 95_000,
          dueTomorrow: 3,
          learningLater: 2,
          learningFirstInMs: 600_000,
          leeches: 1,
        },
        zh,
      ),
    );
    expect(summary).toBe(
      [
        '学习小结',
        '  学习卡片：  4',
        '  重来：      1',
        '  正确率：    75%',
        '  用时：      1 分 35 秒',
        '  明天到期：  3',
        '  难记卡片：  1（忘记 8 次的卡片；考虑改写）',
        '  2 张学习中的卡片陆续回来，第一张在 10分钟后；届时再运行 `quizdeck study`。',
        '',
      ].join('\n'),
    );
    for (const text of [header, feedback, choice])
      for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });

  it("Chinese: an order card's verdict and right order", () => {
    const zh = messagesFor('zh');
    const steps = ['BIOS 自检', 'Linux 内核引导', 'VMkernel 接管硬件'];
    // Shown as given, answered with the first two swapped: two neighbours swapped is "almost".
    const check = checkOrder([1, 0, 2], { shown: steps, order: [0, 1, 2] });
    const lines = formatOrderFeedback(steps, check, 40, zh).map(strip);
    expect(lines[0]).toBe('≈ 接近：相邻两步颠倒（建议：困难）');
    expect(lines[1]).toBe('正确顺序：');
    expect(lines.slice(2, 4)).toEqual(['  ✗ 1. BIOS 自检（你填的：Linux 内核引', '    导）']); // wrapped at 40 columns with the step
    for (const line of lines.flatMap((l) => l.split('\n'))) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
  });
});
