import { describe, expect, it } from 'vitest';
import { displayWidth, neutralizeControls, neutralizeLine, wrapText } from '../../src/core/text.js';

describe('neutralizeControls', () => {
  it.each([
    ['clear \u001b[2J screen', 'clear ^[[2J screen'],
    ['bell\u0007', 'bell^G'],
    ['line\nbreak', 'line\nbreak'],
    ['rtl \u202e override', 'rtl \\u{202e} override'],
    ['c1 \u009b', 'c1 \\u{9b}'],
  ])('%j -> %j', (input, expected) => expect(neutralizeControls(input)).toBe(expected));

  // Keys, ids, file names and messages are printed one per line: a line break or bidi mark in
  // one must not forge another diagnostic line or reorder what the reader sees.
  it.each([
    ['x\nother.yaml:1:1  error  forged', 'x\\nother.yaml:1:1  error  forged'],
    ['cr\r\nlf', 'cr^M\\nlf'],
    ['osc \u001b]52;c;cHduZWQ=\u0007', 'osc ^[]52;c;cHduZWQ=^G'],
    ['ls \u2028 ps \u2029', 'ls \\u{2028} ps \\u{2029}'],
    ['rlm \u200f alm \u061c', 'rlm \\u{200f} alm \\u{61c}'],
    ['isolate \u2067x\u2069', 'isolate \\u{2067}x\\u{2069}'],
    ['中文 stays', '中文 stays'],
  ])('one line: %j -> %j', (input, expected) => {
    const out = neutralizeLine(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('displayWidth', () => {
  it.each([
    ['Xen', 3],
    ['父分区', 6],
    ['Dom0 是特权域', 13],
    ['\u001b[31mred\u001b[39m', 3],
    ['😀𠀀é\u0301\u200b', 5],
  ])('%j is %d columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrapText', () => {
  it.each([
    ['Xen Hypervisor（你填的：Domain 0，即特权域）', 30, ['Xen Hypervisor（你填的：Domain', '0，即特权域）']],
    ['（VT-x / AMD-V）之后', 8, ['（VT-x /', 'AMD-V）', '之后']],
    ['由 Domain 0 启动的 Domain U（非特权域）', 28, ['由 Domain 0 启动的 Domain U', '（非特权域）']],
    ['Domain U（非特权域）', 11, ['Domain U', '（非特权', '域）']],
  ])('CJK punctuation stays with its neighbour: %j at %i columns', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

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
  it('puts a long word on its own lines after text, and a character wider than the line alone', () => {
    expect(wrapText('to abcdefghij ok', 4)).toEqual(['to', 'abcd', 'efgh', 'ij', 'ok']);
    expect(wrapText('父分区', 1)).toEqual(['父', '分', '区']);
    expect(wrapText('a😀😀b𠀀c', 3)).toEqual(['a😀', '😀b', '𠀀c']);
  });
  // Linear in the word's length: re-measuring the rest of the word for each line took 15 s
  // for 400 KB and made `print --format txt` of it take 41 s; this 1 MB word would take about
  // 90 s, past any test timeout. bench/wrap.bench.mjs measures 100 KB to 10 MB.
  it('cuts a 1 MB word into full lines', () => {
    const lines = wrapText('x'.repeat(1_000_000), 80);
    expect(lines).toHaveLength(12_500);
    expect(lines.every((l) => l.length === 80)).toBe(true);
  });
});

describe('wrapText and CJK punctuation', () => {
  it('never starts a line with closing punctuation such as ，or 。', () => {
    const lines = wrapText('父分区负责管理，子分区运行客户机。', 8);
    expect(lines).toEqual(['父分区负', '责管理，', '子分区运', '行客户', '机。']);
    for (const line of lines) expect(line).not.toMatch(/^[，。]/);
  });
});

describe('display width by grapheme cluster (string-width)', () => {
  it.each([
    ['🚀', 2],
    ['✅', 2],
    ['👍🏽', 2],
    ['👨‍👩‍👧‍👦', 2],
    ['e\u0301', 1],
    ['中文 ok', 7],
    ['\u001b[31mred\u001b[39m', 3],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('never cuts an emoji or a combining mark apart when a long word is wrapped', () => {
    const word = '👍🏽'.repeat(5) + 'e\u0301'.repeat(3);
    const lines = wrapText(word, 4);
    expect(lines.join('')).toBe(word);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(4);
      expect(line).not.toMatch(/^(?:[\u{1f3fb}-\u{1f3ff}]|\u0301)/u);
    }
  });
});
