import { describe, expect, it } from 'vitest';
import { renderSheetText } from '../../src/core/sheet/text.js';
import { deck, SAMPLE, sheetOf } from './decks.js';

describe('renderSheetText', () => {
  const out = renderSheetText(sheetOf([SAMPLE], { seed: '7' }));
  const [questions, key] = out.split('\f\n');

  it('has a header, numbered questions and the key on a new page (form feed)', () => {
    expect(out.split('\f')).toHaveLength(2);
    expect(questions!.split('\n').slice(0, 4)).toEqual([
      'Hypervisor basics',
      'Seed 7',
      '',
      'Name: ______________________________  Date: ______________  Score: _____ / 5',
    ]);
    for (let n = 1; n <= 5; n++) expect(questions).toMatch(new RegExp(`^ ${n}\\. `, 'm'));
    expect(questions).toMatch(/^ {4}A\. .+\n {4}B\. .+\n {4}C\. .+\n {4}D\. /m);
    expect(questions).toContain('    True / False');
    expect(questions).toContain('KVM was merged into Linux (1)________ [version] in (2)________.');
    expect(key!.split('\n')[0]).toMatch(/^Hypervisor basics {2,}Answer key$/);
    expect(key).toContain('(1) 2.6.20; (2) February 2007');
    expect(key).toMatch(/^ {1,2}\d+\. False\n {4}Why: PV guests run a modified kernel\.$/m);
  });

  it('wraps long text at 78 columns with a hanging indent, counting Chinese as two columns', () => {
    const long = deck([{ id: 'long', type: 'truefalse', q: '虚拟化'.repeat(30), answer: true }], { lang: 'zh' });
    const lines = renderSheetText(sheetOf([long], { lang: 'zh' })).split('\n');
    const prompt = lines.filter((l) => l.includes('虚拟化'));
    expect(prompt.length).toBeGreaterThan(1);
    for (const l of prompt)
      expect([...l].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(78);
    expect(prompt[0]!.startsWith(' 1. 虚拟化')).toBe(true);
    expect(prompt[1]).toMatch(/^ {4}[虚拟化]/);
    expect(lines).toContain('    正确 / 错误');
  });

  it('never starts a line with Chinese closing punctuation', () => {
    const text = '虚'.repeat(37) + '，' + '化'.repeat(10) + '。';
    const zh = deck([{ id: 'p', type: 'truefalse', q: text, answer: true }], { lang: 'zh' });
    const lines = renderSheetText(sheetOf([zh], { lang: 'zh' })).split('\n');
    const prompt = lines.filter((l) => /[虚化]/.test(l));
    expect(prompt.map((l) => l.replace(/^ {4}/, ''))).not.toContainEqual(expect.stringMatching(/^[，。]/));
    expect(prompt.length).toBeGreaterThan(1);
    expect(prompt.join('')).toContain('。');
  });

  it('neutralises control characters in card text', () => {
    const hostile = deck([{ id: 'esc', q: 'Red \u001b[31mtext\u001b[0m?', a: 'bell\u0007' }]);
    const shown = renderSheetText(sheetOf([hostile], { answers: 'inline' }));
    expect(shown).not.toMatch(/[\u0007\u001b]/);
    expect(shown).toContain('^[[31m');
  });

  it('labels versions and gives inline answers when asked', () => {
    const two = renderSheetText(sheetOf([SAMPLE], { versions: 2, answers: 'inline' }));
    expect(two.split('\f')).toHaveLength(2);
    expect(two).toMatch(/^Hypervisor basics {2,}Version B$/m);
    expect(two).toContain('    Answer: (1) 2.6.20; (2) February 2007');
    expect(two).not.toMatch(/^ {4}_{20,}$/m);
  });
});
