import { describe, expect, it } from 'vitest';
import { diffAnswer, similarity } from '../../src/core/answer-diff.js';
import {
  boundedEditDistance,
  checkAnswer,
  nearMiss,
  normalizeAnswer,
  type CheckReason,
  type Verdict,
} from '../../src/core/answer.js';

describe('normalizeAnswer (the loose form deck checks compare in)', () => {
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

type Row = [
  answer: string,
  accept: string[],
  typed: string,
  verdict: Verdict,
  reason: CheckReason,
  detail?: string[] | number,
];

/**
 * The checker's rules as a table: card's answer, accept entries, what was typed, verdict,
 * reason (and the missing parts of a partial answer, or the edits of a near miss).
 */
const ENGLISH: Row[] = [
  // The rows of issue 10's table, as a teacher judges them.
  ['The parent partition', ['root partition'], 'parent partition', 'correct', 'match'],
  ['The service console', ['serviceConsole', 'console OS', 'COS'], 'Service Console', 'correct', 'match'],
  ['Linux kernel', [], 'the linux kernel.', 'correct', 'match'],
  ['The hypervisor', [], 'hypervisor', 'correct', 'match'],
  ['A framework for paravirtualized kernels', [], 'a framework', 'wrong', 'partial', ['for paravirtualized kernels']],
  ['VSC, VMBus and VSP', [], 'VSC and VMBus', 'wrong', 'partial', ['VSP']],
  // Case, width, spacing, surrounding punctuation.
  ['VMkernel', [], 'vmkernel', 'correct', 'match'],
  ['VMkernel', [], '  VMKERNEL!  ', 'correct', 'match'],
  ['VMBus', [], 'ＶＭＢｕｓ', 'correct', 'match'],
  ['Domain 0 (Dom0)', [], '"domain 0 (dom0)"', 'correct', 'match'],
  ['Dom 0', [], 'Dom0', 'correct', 'match'],
  ['Parent partition', [], 'parent   partition', 'correct', 'match'],
  ['Parent partition', [], 'parentpartition', 'correct', 'match'],
  // Internal punctuation that does not change the answer.
  ['VMBus', [], 'VM-Bus', 'correct', 'match'],
  ['Hyper-V', [], 'HyperV', 'correct', 'match'],
  ['Kernel-based Virtual Machine', [], 'kernel based virtual machine', 'correct', 'match'],
  ["Moore's law", [], 'Moores law', 'correct', 'match'],
  ['x86_64', [], 'x86-64', 'correct', 'match'],
  // Punctuation that does change it.
  ['C++', [], 'C', 'wrong', 'different'],
  ['C#', [], 'c#', 'correct', 'match'],
  ['C#', [], 'C', 'wrong', 'different'],
  ['2.6.20', [], '2620', 'wrong', 'number'],
  ['3.14', [], '3.14.', 'correct', 'match'],
  ['50%', [], '50', 'wrong', 'number'],
  // Articles: one leading the/a/an, never the answer itself, never inside.
  ['An unenlightened OS', [], 'unenlightened OS', 'correct', 'match'],
  ['unenlightened OS', [], 'an unenlightened OS', 'correct', 'match'],
  ['A', [], 'a', 'correct', 'match'],
  ['A-10', [], '10', 'wrong', 'partial', ['A']],
  ['The parent partition', [], 'the the parent partition', 'wrong', 'different'],
  // Accept entries: correct, but never shown as the answer (closest names what matched).
  ['VMware Tools', ['VMware Tool'], 'vmware tool', 'correct', 'accepted'],
  ['Paravirtualization', ['PV', 'para-virtualization'], 'pv', 'correct', 'accepted'],
  ['Xen 3.0', ['3.0', 'Xen 3'], '3.0', 'correct', 'accepted'],
  // Lists: the same items in any order, some items is partial.
  ['VSC, VMBus and VSP', [], 'VSP, VSC and VMBus', 'correct', 'same-items'],
  ['VSC, VMBus and VSP', [], 'VSC; VMBus; VSP', 'correct', 'same-items'],
  ['VSC, VMBus and VSP', [], 'VMBus', 'wrong', 'partial', ['VSC', 'VSP']],
  ['VSC and VMBus', [], 'VMBus & VSC', 'correct', 'same-items'],
  ['VSC, VMBus and VSP', [], 'VSC, VMBus and QEMU', 'wrong', 'different'],
  // An item may end in a digit: the comma after it still separates (only 150,000 does not).
  ['Dom0, DomU', [], 'DomU, Dom0', 'correct', 'same-items'],
  ['Dom0, DomU and the hypervisor', [], 'the hypervisor, DomU and Dom0', 'correct', 'same-items'],
  ['Windows Server 2008, Hyper-V', [], 'Hyper-V, Windows Server 2008', 'correct', 'same-items'],
  ['Xen 3, KVM and QEMU', [], 'KVM and Xen 3', 'wrong', 'partial', ['QEMU']],
  // Near misses: one edit at 6+ letters, two at 12+; never shorter answers or numbers.
  ['VMkernel', [], 'VMkernal', 'almost', 'typo', 1],
  ['Hypervisor', [], 'Hypervisro', 'almost', 'typo', 1], // a swap is one edit
  ['Paravirtualization', [], 'paravirtualisaton', 'almost', 'typo', 2],
  ['Paravirtualization', [], 'paravirtulisaton', 'wrong', 'different'], // three edits
  ['Child partitions', [], 'child partition', 'almost', 'typo', 1],
  ['QEMU', [], 'QEMO', 'wrong', 'different'], // under 6 letters
  ['Xen 4.1', [], 'xen 4.2', 'wrong', 'different'], // a digit is never a typo
  ['Windows Server 2008', [], 'Windows Server 2003', 'wrong', 'different'],
  ['Windows Server 2008', [], 'Windos Server 2008', 'almost', 'typo', 1],
  ['Serial', [], 'Serail', 'almost', 'typo', 1],
  ['VMware Tools', ['VMware Tool'], 'VMware Tols', 'almost', 'typo', 1],
  // Partial answers: a prefix, a suffix, a middle.
  ['Xen 3.0', [], 'Xen', 'wrong', 'partial', ['3.0']],
  ['Fewer than 150,000 lines of code', [], '150,000 lines of code', 'wrong', 'partial', ['Fewer than']],
  ['A privileged VM called Domain 0', [], 'privileged VM', 'wrong', 'partial', ['called Domain 0']],
  // Numbers, compared as text.
  ['2003', [], '2003', 'correct', 'match'],
  ['2003', [], '2004', 'wrong', 'number'],
  ['150,000', [], '150000', 'correct', 'match'],
  ['4', ['four'], 'Four', 'correct', 'accepted'],
  ['1, 2', [], '12', 'wrong', 'number'],
  ['-5', [], '5', 'wrong', 'number'],
  ['2003', [], '2003.', 'correct', 'match'],
  ['1 2', [], '12', 'wrong', 'number'],
  // A sequence written with arrows keeps its order; ß folds to ss.
  ['BIOS → kernel → VMkernel', [], 'VMkernel → kernel → BIOS', 'wrong', 'different'],
  ['BIOS → kernel → VMkernel', [], 'BIOS, kernel, VMkernel', 'correct', 'match'],
  ['Straße', [], 'STRASSE', 'correct', 'match'],
  // Nothing to compare.
  ['VMkernel', [], '...', 'wrong', 'empty'],
  ['VMkernel', [], 'ESXi', 'wrong', 'different'],
];

const CHINESE: Row[] = [
  // The rows of issue 10's table.
  ['Linux 内核', [], 'Linux内核', 'correct', 'match'],
  ['MMU 硬件辅助虚拟化', [], 'MMU硬件辅助虚拟化', 'correct', 'match'],
  // Spacing, width and punctuation.
  ['父分区', ['parent partition'], '父分区。', 'correct', 'match'],
  ['父分区', [], ' 父 分 区 ', 'correct', 'match'],
  ['VSC、VMBus 和 VSP', [], 'VSC，VMBus和VSP', 'correct', 'match'],
  ['VSC、VMBus 和 VSP', [], 'VSP、VSC 和 VMBus', 'correct', 'same-items'],
  ['前端/后端驱动', [], '前端后端驱动', 'correct', 'match'],
  ['（Dom0）', [], 'Dom0', 'correct', 'match'],
  ['Ｘｅｎ ４.１', [], 'xen 4.1', 'correct', 'match'],
  ['冯·诺依曼', [], '冯诺依曼', 'correct', 'match'],
  ['「半虚拟化」', [], '半虚拟化', 'correct', 'match'],
  // No articles outside English: "the" is a word like any other.
  ['parent partition', [], 'the parent partition', 'wrong', 'different'],
  // Accept entries.
  ['父分区', ['parent partition', 'root partition'], 'Root Partition', 'correct', 'accepted'],
  ['半虚拟化', ['类虚拟化', 'PV'], '类虚拟化', 'correct', 'accepted'],
  // A different Chinese character is never "almost": 硬件 (hardware) is not 软件 (software).
  ['子分区', [], '父分区', 'wrong', 'different'],
  ['硬件辅助虚拟化', [], '软件辅助虚拟化', 'wrong', 'different'],
  ['硬件辅助虚拟化', [], '硬件辅助虚似化', 'wrong', 'different'],
  // A slip in the Latin part of a long enough answer is.
  ['Linux 内核', [], 'Linx 内核', 'almost', 'typo', 1],
  ['Hyper-V 集成服务', [], 'Hypre-V 集成服务', 'almost', 'typo', 1],
  // Partial answers.
  ['MMU 硬件辅助虚拟化', [], 'MMU', 'wrong', 'partial', ['硬件辅助虚拟化']],
  ['硬件辅助虚拟化', [], '虚拟化', 'wrong', 'partial', ['硬件辅助']],
  ['VSC、VMBus 和 VSP', [], 'VSC 和 VMBus', 'wrong', 'partial', ['VSP']],
  ['Dom0，DomU', [], 'DomU、Dom0', 'correct', 'same-items'],
  ['前端驱动和后端驱动', [], '前端驱动', 'wrong', 'partial', ['和后端驱动']],
  // Numbers.
  ['2007 年', [], '2007年', 'correct', 'match'],
  ['2007 年 2 月', [], '2007 年', 'wrong', 'partial', ['2 月']],
  ['15 万行', [], '16 万行', 'wrong', 'different'],
  // Conjunction characters inside words do not make a list.
  ['总和', [], '总', 'wrong', 'partial', ['和']],
];

function runRows(rows: Row[], lang: string) {
  it.each(rows)('%j (accept %j): %j is %s (%s)', (answer, accept, typed, verdict, reason, detail) => {
    const check = checkAnswer(typed, { answer, accept, lang });
    expect([check.verdict, check.reason]).toEqual([verdict, reason]);
    if (Array.isArray(detail)) expect(check.missing).toEqual(detail);
    if (typeof detail === 'number') expect(check.edits).toBe(detail);
  });
}

describe('checkAnswer: English deck', () => runRows(ENGLISH, 'en'));
describe('checkAnswer: Chinese deck', () => runRows(CHINESE, 'zh'));

describe('checkAnswer', () => {
  it('has a case for every rule, in both languages', () => {
    expect(ENGLISH.length + CHINESE.length).toBeGreaterThanOrEqual(60);
    expect(CHINESE.length).toBeGreaterThanOrEqual(20);
  });

  it('names the card answer, not an accept entry, when both match', () => {
    expect(
      checkAnswer('Service Console', { answer: 'The service console', accept: ['serviceConsole'], lang: 'en' }).closest,
    ).toBe('The service console');
  });

  it('names the accept entry that came closest to a wrong answer', () => {
    expect(checkAnswer('Domian U', { answer: 'Domain U (DomU)', accept: ['Domain U'], lang: 'en' })).toEqual({
      verdict: 'almost',
      reason: 'typo',
      closest: 'Domain U',
      edits: 1,
    });
  });

  it('ignores articles for every English tag (en-GB) and none other (fr)', () => {
    expect(checkAnswer('hypervisor', { answer: 'The hypervisor', accept: [], lang: 'en-GB' }).verdict).toBe('correct');
    expect(checkAnswer('hyperviseur', { answer: "L'hyperviseur", accept: [], lang: 'fr' }).verdict).not.toBe('correct');
    expect(checkAnswer('hypervisor', { answer: 'The hypervisor', accept: [], lang: 'fr' }).verdict).toBe('wrong');
  });

  // How long these take is measured by bench/answers.bench.mjs, not here.
  it('turns down a pasted page as different, and offers no difference past the cap', () => {
    const huge = 'x'.repeat(200_000);
    const check = checkAnswer(huge, {
      answer: 'A framework for paravirtualized kernels',
      accept: ['VMkernel'],
      lang: 'en',
    });
    expect(check).toEqual({
      verdict: 'wrong',
      reason: 'different',
      closest: 'A framework for paravirtualized kernels',
    });
    expect(diffAnswer(huge, 'VMkernel', 'en')).toBeUndefined();
    expect(diffAnswer(`${'x'.repeat(400)}`, 'x'.repeat(400), 'en')).toBeUndefined();
  });

  it('judges long answers the same way: a run of words inside, repeated list items, a run of +', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
    const middle = checkAnswer(words.slice(10, 1990).join(' '), { answer: words.join(' '), accept: [], lang: 'en' });
    expect(middle).toMatchObject({ verdict: 'wrong', reason: 'partial' });
    expect(middle.missing).toEqual([words.slice(0, 10).join(' '), words.slice(1990).join(' ')]);
    const zh = '硬件辅助虚拟化'.repeat(300);
    expect(checkAnswer(`${zh.slice(0, 1050)}软`, { answer: zh, accept: [], lang: 'zh' }).reason).toBe('different');
    expect(checkAnswer(zh, { answer: `父分区${zh}子分区`, accept: [], lang: 'zh' }).missing).toEqual([
      '父分区',
      '子分区',
    ]);
    expect(checkAnswer('b, a', { answer: 'a, b, a', accept: [], lang: 'en' })).toMatchObject({
      reason: 'partial',
      missing: ['a'],
    });
    expect(checkAnswer('a, b, a, a', { answer: 'a, b, a', accept: [], lang: 'en' }).verdict).toBe('wrong');
    expect(checkAnswer('C', { answer: `C${'+'.repeat(10_000)}`, accept: [], lang: 'en' }).reason).toBe('different');
    expect(checkAnswer('x ++ y', { answer: 'x y', accept: [], lang: 'en' }).verdict).toBe('correct');
  });
});

describe('nearMiss and boundedEditDistance', () => {
  it.each([
    ['vmkernal', 'vmkernel', 1],
    ['vmkernl', 'vmkernel', 1],
    ['vmkernell', 'vmkernel', 1],
    ['vmkrenel', 'vmkernel', 1],
    ['vmkrenl', 'vmkernel', undefined],
    ['qemo', 'qemu', undefined],
  ])('%s against %s: %s', (typed, expected, edits) => expect(nearMiss(typed, expected)).toBe(edits));
  it('gives up past the bound, in a band', () => {
    expect(boundedEditDistance([...'abcdef'], [...'abcxyz'], 2)).toBeUndefined();
    expect(boundedEditDistance([...'abcdef'], [...'abcdxf'], 2)).toBe(1);
    expect(boundedEditDistance([...'ab'], [...'ba'], 1)).toBe(1);
  });
});

describe('diffAnswer', () => {
  const text = (segments: { kind: string; text: string }[]) =>
    segments.map((s) => (s.kind === 'changed' ? `[${s.text}]` : s.text)).join('');

  it('marks what was typed in excess and what is missing', () => {
    const diff = diffAnswer('vmkernal', 'VMkernel', 'en')!;
    expect(text(diff.typed)).toBe('vmkern[a]l');
    expect(text(diff.expected)).toBe('VMkern[e]l');
  });

  it('handles CJK text', () => {
    const diff = diffAnswer('父区', '父分区', 'zh')!;
    expect(text(diff.expected)).toBe('父[分]区');
    expect(text(diff.typed)).toBe('父区');
  });

  it('never highlights what the checker ignores: case, punctuation, articles, spacing', () => {
    const diff = diffAnswer('the Parent-Partiton.', 'The parent partition', 'en')!;
    expect(text(diff.typed)).toBe('the Parent-Partiton.');
    expect(text(diff.expected)).toBe('The parent partit[i]on');
    expect(diff.typed.find((s) => s.text.includes('.'))?.kind).toBe('ignored');
  });

  it('shows no difference between unrelated answers', () => {
    expect(diffAnswer('a interface', 'paravirtualization framework', 'en')).toBeUndefined();
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});
