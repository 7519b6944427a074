import { describe, expect, it } from 'vitest';
import { displayWidth, neutralizeControls, wrapText } from '../../src/core/text.js';

describe('neutralizeControls', () => {
  it.each([
    ['clear \u001b[2J screen', 'clear ^[[2J screen'],
    ['bell\u0007', 'bell^G'],
    ['line\nbreak', 'line\nbreak'],
    ['rtl \u202e override', 'rtl \\u{202e} override'],
    ['c1 \u009b', 'c1 \\u{9b}'],
  ])('%j -> %j', (input, expected) => expect(neutralizeControls(input)).toBe(expected));
});

describe('displayWidth', () => {
  it.each([
    ['Xen', 3],
    ['父分区', 6],
    ['Dom0 是特权域', 13],
    ['\u001b[31mred\u001b[39m', 3],
  ])('%j is %d columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrapText', () => {
  it('wraps Latin text at spaces', () => {
    expect(wrapText('the parent partition owns the drivers', 20)).toEqual(['the parent partition', 'owns the drivers']);
  });
  it('wraps CJK text between characters, counting two columns each', () => {
    const lines = wrapText('父分区负责其他虚拟机以及I/O设备的管理', 10);
    expect(lines).toEqual(['父分区负责', '其他虚拟机', '以及I/O设', '备的管理']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10);
  });
  it('splits a word longer than the line and keeps paragraphs', () => {
    expect(wrapText('abcdefghij\nxy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });
});

describe('wrapText and CJK punctuation', () => {
  it('never starts a line with closing punctuation such as ，or 。', () => {
    const lines = wrapText('父分区负责管理，子分区运行客户机。', 8);
    expect(lines).toEqual(['父分区负', '责管理，', '子分区运', '行客户', '机。']);
    for (const line of lines) expect(line).not.toMatch(/^[，。]/);
  });
});
