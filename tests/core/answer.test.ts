import { describe, expect, it } from 'vitest';
import { checkTypedAnswer, diffAnswer, normalizeAnswer } from '../../src/core/answer.js';

describe('normalizeAnswer', () => {
  it.each([
    ['  VMkernel. ', 'vmkernel'],
    ['Dom  0', 'dom 0'],
    ['ＶＭＢｕｓ', 'vmbus'], // full-width letters (NFKC)
    ['(parent partition)', 'parent partition'],
    ['父分区。', '父分区'],
    ['x86_64', 'x86_64'],
    ['"Hyper-V"!', 'hyper-v'],
  ])('%j -> %j', (input, expected) => expect(normalizeAnswer(input)).toBe(expected));
});

describe('checkTypedAnswer', () => {
  it.each([
    ['vmkernel', ['VMkernel'], true],
    ['the VMkernel', ['VMkernel', 'the VMkernel'], true],
    ['parent partition', ['父分区', 'parent partition'], true],
    ['vmkernal', ['VMkernel'], false],
    ['', ['VMkernel'], false],
  ])('%j against %j is %s', (typed, accepted, correct) => expect(checkTypedAnswer(typed, accepted).correct).toBe(correct));

  it('names the closest accepted answer for a wrong one', () => {
    expect(checkTypedAnswer('dom0', ['Domain 0', 'Dom 0']).closest).toBe('Dom 0');
  });
});

describe('diffAnswer', () => {
  it('marks what is missing and what was typed in excess', () => {
    expect(diffAnswer('vmkernal', 'VMkernel')).toEqual([
      { kind: 'same', text: 'VMkern' },
      { kind: 'extra', text: 'a' },
      { kind: 'missing', text: 'e' },
      { kind: 'same', text: 'l' },
    ]);
  });
  it('handles CJK text', () => {
    expect(diffAnswer('父区', '父分区')).toEqual([
      { kind: 'same', text: '父' },
      { kind: 'missing', text: '分' },
      { kind: 'same', text: '区' },
    ]);
  });
});
