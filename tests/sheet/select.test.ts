import { describe, expect, it } from 'vitest';
import { collectQuestions, pickQuestions } from '../../src/core/sheet/select.js';
import { deck, MANY, SAMPLE } from './decks.js';

const none = { tags: [], sections: [], types: [] };

describe('collectQuestions', () => {
  it('asks every card once, in deck order; a cloze card is one question with numbered blanks', () => {
    const questions = collectQuestions([SAMPLE], none, '1');
    expect(questions.map((q) => q.key.replace(':reverse', ''))).toEqual([
      'esx-name',
      'hyperv-parent',
      'hw-assist',
      'xen-pv',
      'kvm-merge',
    ]);
    expect(questions[4]!.body).toEqual({
      type: 'cloze',
      segments: [
        { text: 'KVM was merged into Linux ' },
        { blank: 1, hint: 'version' },
        { text: ' in ' },
        { blank: 2 },
        { text: '.' },
      ],
      answers: ['2.6.20', 'February 2007'],
    });
  });

  it('asks one direction of a reverse card, chosen by the seed, never both', () => {
    const keys = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const basics = collectQuestions([SAMPLE], none, String(seed)).filter((q) => q.body.type === 'basic');
      expect(basics).toHaveLength(1);
      keys.add(basics[0]!.key);
      if (basics[0]!.key === 'esx-name:reverse')
        expect(basics[0]!.body).toMatchObject({
          prompt: 'VMkernel',
          answer: 'What is the hypervisor of ESX called?',
          reverse: true,
        });
    }
    expect(keys).toEqual(new Set(['esx-name', 'esx-name:reverse']));
  });

  it('keeps the correct choices as indexes and the why', () => {
    const [, one, two, tf] = collectQuestions([SAMPLE], none, '1');
    expect(one!.body).toMatchObject({ type: 'choice', correct: [0] });
    expect(two!.body).toMatchObject({ type: 'choice', correct: [0, 3] });
    expect(tf).toMatchObject({ why: 'PV guests run a modified kernel.', body: { type: 'truefalse', correct: false } });
  });

  it.each([
    [{ tags: ['cpu'] }, ['hw-assist', 'xen-pv']],
    [{ tags: ['CPU', 'kvm'] }, ['hw-assist', 'xen-pv', 'kvm-merge']],
    [{ sections: ['xen'] }, ['xen-pv']],
    [{ types: ['choice' as const] }, ['hyperv-parent', 'hw-assist']],
    [{ tags: ['cpu'], types: ['truefalse' as const] }, ['xen-pv']],
    [{ sections: ['nowhere'] }, []],
  ])('filters %j', (filter, keys) => {
    expect(collectQuestions([SAMPLE], { ...none, ...filter }, '1').map((q) => q.key)).toEqual(keys);
  });

  it('collects from several decks and records each deck and language', () => {
    const zh = deck([{ id: 'zh-one', q: '问题？', a: '答案' }], { deck: 'zh', lang: 'zh', title: '中文' });
    const questions = collectQuestions([SAMPLE, zh], none, '1');
    expect(questions.at(-1)).toMatchObject({ deckId: 'zh', lang: 'zh', key: 'zh-one' });
  });
});

describe('pickQuestions', () => {
  const all = collectQuestions([MANY], none, 's');

  it('keeps everything without a count', () => {
    expect(pickQuestions(all, undefined, 's')).toEqual(all);
  });

  it('picks n distinct questions by the seed, in deck order', () => {
    const picked = pickQuestions(all, 5, 's');
    expect(picked).toHaveLength(5);
    expect(pickQuestions(all, 5, 's')).toEqual(picked);
    const order = picked.map((q) => Number(q.key.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(pickQuestions(all, 5, 'other').map((q) => q.key)).not.toEqual(picked.map((q) => q.key));
  });

  it('keeps all when n is larger than what there is', () => {
    expect(pickQuestions(all, 500, 's')).toHaveLength(20);
  });
});
