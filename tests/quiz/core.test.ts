import { describe, expect, it } from 'vitest';
import { deckItems, type StudyItem } from '../../src/core/deck/items.js';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { formatClock, parseTimeLimit } from '../../src/core/quiz/duration.js';
import { canOverrule, gradeResponse, overrule } from '../../src/core/question/grade.js';
import { quizQuestion as buildQuestion, type Question, type Response } from '../../src/core/question/model.js';
import { plainPaint } from '../../src/core/paint.js';
import { formatResult, formatSectionTable } from '../../src/core/quiz/report.js';
import { formatFeedback, formatQuestion } from '../../src/core/quiz/screen.js';
import { missedOutcomes, passes, scoreOutcomes, sectionTable } from '../../src/core/quiz/score.js';
import { describeNoMatch, filterItems } from '../../src/core/deck/filter.js';
import { selectQuestions } from '../../src/core/quiz/select.js';
import { parseQuizOptions } from '../../src/core/quiz/settings.js';

function deck(cards: Card[], id = 'd'): Deck {
  return { deck: id, title: 'T', lang: 'en', file: `${id}.yaml`, cards };
}

const cards: Card[] = [
  {
    id: 'b1',
    q: 'Hypervisor of ESX?',
    a: 'VMkernel',
    accept: ['the VMkernel'],
    section: 'esx',
    tags: ['esx', 'naming'],
    why: 'It takes over.',
    reverse: true,
  },
  {
    id: 'c1',
    type: 'choice',
    q: 'Parent?',
    choices: ['Parent', 'Child', 'VMBus', 'Hypervisor'],
    answer: 'Parent',
    section: 'hyper-v',
    tags: ['hyper-v'],
  },
  {
    id: 'm1',
    type: 'choice',
    q: 'Which are Xen?',
    choices: ['Dom0', 'DomU', 'VMBus'],
    answer: ['Dom0', 'DomU'],
    section: 'xen',
    tags: ['xen'],
  },
  { id: 't1', type: 'truefalse', q: 'PV needs VT-x.', answer: false, section: 'xen', tags: ['xen'] },
  { id: 'z1', type: 'cloze', text: 'KVM in {{2.6.20}} in {{2007}}.', section: 'kvm', tags: ['kvm', 'history'] },
  { id: 'n1', q: 'No section?', a: 'yes' },
];
const items = deckItems(deck(cards));
const byKey = (key: string) => items.find((i) => i.key === key)!;
const q = (key: string, seed = 's') => buildQuestion(byKey(key), seed);

describe('parseTimeLimit', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1h', 3_600_000],
    ['2m30s', 150_000],
    ['1.5h', 5_400_000],
    [' 10M ', 600_000],
    ['1h0m5s', 3_605_000],
  ])('%s → %d ms', (text, ms) => expect(parseTimeLimit(text)).toEqual({ value: ms }));

  it.each(['soon', '10', '', 'm', '10x', '-5m', '30m1h', '0s', '0.5s', '25h', '1h 30m'])(
    'refuses %j with one sentence',
    (text) => {
      const parsed = parseTimeLimit(text);
      expect(parsed).toHaveProperty('error');
      expect((parsed as { error: string }).error).toMatch(
        /^--time-limit ".*" is .*; use a duration such as 90s, 10m or 1h30m$/,
      );
    },
  );

  it.each([
    [0, '0:00'],
    [59_001, '1:00'],
    [65_000, '1:05'],
    [3_723_000, '1:02:03'],
  ])('formatClock(%d) = %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('parseQuizOptions', () => {
  it('applies defaults', () => {
    expect(parseQuizOptions({})).toEqual({
      value: {
        count: 20,
        tags: [],
        sections: [],
        types: [],
        decks: [],
        seed: undefined,
        feedback: 'end',
        timeLimitMs: undefined,
        passMark: undefined,
        retryMissed: false,
        lenient: false,
      },
    });
  });

  it('parses every option', () => {
    const parsed = parseQuizOptions({
      count: '5',
      tag: ['a,b', 'c'],
      section: ['esx'],
      type: ['choice,truefalse', 'choice'],
      deck: ['hv, kvm'],
      seed: '42',
      feedback: 'immediate',
      timeLimit: '1m',
      passMark: '80%',
      retryMissed: true,
      lenient: true,
    });
    expect(parsed).toEqual({
      value: {
        count: 5,
        tags: ['a', 'b', 'c'],
        sections: ['esx'],
        types: ['choice', 'truefalse'],
        decks: ['hv', 'kvm'],
        seed: '42',
        feedback: 'immediate',
        timeLimitMs: 60_000,
        passMark: 80,
        retryMissed: true,
        lenient: true,
      },
    });
  });

  it.each([
    [{ count: '0' }, '--count "0" is not a positive whole number; use e.g. --count 20'],
    [{ count: '2.5' }, '--count "2.5" is not a positive whole number; use e.g. --count 20'],
    [{ count: 'ten' }, '--count "ten" is not a positive whole number; use e.g. --count 20'],
    [{ timeLimit: 'soon' }, '--time-limit "soon" is not a duration; use a duration such as 90s, 10m or 1h30m'],
    [{ passMark: '120' }, '--pass-mark "120" is not a percentage between 0 and 100; use e.g. --pass-mark 80'],
    [{ passMark: '-1' }, '--pass-mark "-1" is not a percentage between 0 and 100; use e.g. --pass-mark 80'],
    [{ passMark: 'half' }, '--pass-mark "half" is not a percentage between 0 and 100; use e.g. --pass-mark 80'],
    [{ feedback: 'later' }, '--feedback "later" is not a feedback mode; use immediate or end'],
    [
      { type: ['essay'] },
      '--type "essay" is not a card type; use one or more of basic, choice, truefalse, cloze, order',
    ],
    [{ seed: ' ' }, '--seed must not be empty; use any word or number, e.g. --seed 42'],
  ])('%j → %s', (input, error) => expect(parseQuizOptions(input)).toEqual({ error }));
});

describe('filterItems', () => {
  const keys = (xs: StudyItem[]) => xs.map((i) => i.key);
  it.each([
    [{}, ['b1', 'b1:reverse', 'c1', 'm1', 't1', 'z1:c1', 'z1:c2', 'n1']],
    [{ tags: ['xen'] }, ['m1', 't1']],
    [{ tags: ['ESX', 'kvm'] }, ['b1', 'b1:reverse', 'z1:c1', 'z1:c2']],
    [{ sections: ['Hyper-V'] }, ['c1']],
    [{ types: ['choice'] }, ['c1', 'm1']],
    [{ types: ['basic'] }, ['b1', 'b1:reverse', 'n1']],
    [{ tags: ['xen'], types: ['truefalse'] }, ['t1']],
    [{ tags: ['xen'], sections: ['esx'] }, []],
  ] as const)('%j', (filter, expected) => {
    expect(keys(filterItems(items, { tags: [], sections: [], types: [], ...filter }))).toEqual(expected);
  });

  it('explains filters that match nothing, naming what exists', () => {
    expect(describeNoMatch(items, { tags: ['nope'], sections: [], types: ['truefalse'] })).toBe(
      'no questions match --tag nope --type truefalse (the decks have tags: esx, history, hyper-v, kvm, naming, xen; card types: basic, choice, cloze, truefalse)',
    );
  });
});

describe('selectQuestions', () => {
  it('gives the same questions in the same order for the same seed', () => {
    const a = selectQuestions(items, 5, '42').map((i) => i.key);
    expect(selectQuestions(items, 5, '42').map((i) => i.key)).toEqual(a);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
  });

  it('orders differently for different seeds', () => {
    const orders = new Set(
      ['1', '2', '3', '4', '5', '6'].map((s) =>
        selectQuestions(items, 8, s)
          .map((i) => i.key)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('asks every item once when the count exceeds them', () => {
    expect(
      selectQuestions(items, 100, 'x')
        .map((i) => i.key)
        .sort(),
    ).toEqual(items.map((i) => i.key).sort());
  });

  it('asks a second item of a card only after every card has been asked', () => {
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const six = selectQuestions(items, 6, seed);
      expect(new Set(six.map((i) => i.cardId)).size).toBe(6);
    }
  });
});

describe('buildQuestion', () => {
  it('shuffles choices repeatably per seed and keeps every choice', () => {
    const a = q('c1', 'one') as Extract<Question, { kind: 'choice' }>;
    expect(a.choices.slice().sort()).toEqual(['Child', 'Hypervisor', 'Parent', 'VMBus']);
    expect((q('c1', 'one') as typeof a).choices).toEqual(a.choices);
    const orders = new Set(
      ['1', '2', '3', '4', '5', '6', '7', '8'].map((s) => (q('c1', s) as typeof a).choices.join()),
    );
    expect(orders.size).toBeGreaterThan(1);
    expect(a.multi).toBe(false);
  });

  it.each([
    ['b1', 'typed'],
    ['b1:reverse', 'typed'],
    ['z1:c2', 'typed'],
    ['t1', 'truefalse'],
    ['m1', 'choice'],
  ])('%s is asked as %s', (key, kind) => expect(q(key).kind).toBe(kind));

  it('makes multi-answer choice cards multi-select', () => expect(q('m1')).toMatchObject({ multi: true }));
});

describe('gradeResponse', () => {
  const cases: [string, Response | undefined, boolean][] = [
    ['c1', { kind: 'choice', selected: ['Parent'] }, true],
    ['c1', { kind: 'choice', selected: ['Child'] }, false],
    ['m1', { kind: 'choice', selected: ['DomU', 'Dom0'] }, true],
    ['m1', { kind: 'choice', selected: ['Dom0'] }, false],
    ['m1', { kind: 'choice', selected: ['Dom0', 'DomU', 'VMBus'] }, false],
    ['m1', { kind: 'choice', selected: [] }, false],
    ['t1', { kind: 'truefalse', value: false }, true],
    ['t1', { kind: 'truefalse', value: true }, false],
    ['b1', { kind: 'typed', text: 'vmkernel.' }, true],
    ['b1', { kind: 'typed', text: 'The VMkernel' }, true],
    ['b1', { kind: 'typed', text: 'VMkernal' }, false],
    ['b1:reverse', { kind: 'typed', text: 'hypervisor of esx' }, true],
    ['z1:c1', { kind: 'typed', text: '2.6.20' }, true],
    ['z1:c2', { kind: 'typed', text: '2.6.20' }, false],
    ['c1', undefined, false],
  ];
  it.each(cases)('%s %j → %s', (key, response, correct) =>
    expect(gradeResponse(q(key), response).correct).toBe(correct),
  );

  it('lets a rejected typed answer be overruled, and nothing else', () => {
    const wrong = gradeResponse(q('b1'), { kind: 'typed', text: 'VMkernal' });
    expect(wrong.check).toEqual({ verdict: 'almost', reason: 'typo', closest: 'VMkernel', edits: 1 });
    expect(canOverrule(wrong)).toBe(true);
    expect(overrule(wrong)).toMatchObject({ correct: true, overruled: true });
    expect(canOverrule(gradeResponse(q('b1'), { kind: 'typed', text: 'VMkernel' }))).toBe(false);
    expect(canOverrule(gradeResponse(q('c1'), { kind: 'choice', selected: ['Child'] }))).toBe(false);
    expect(canOverrule(gradeResponse(q('b1'), undefined))).toBe(false);
    expect(() => overrule(gradeResponse(q('t1'), { kind: 'truefalse', value: true }))).toThrow(RangeError);
  });
});

describe('typed answers in a quiz', () => {
  const zhItems = deckItems({
    ...deck([{ id: 'io', q: 'Hyper-V 的 I/O 路径？', a: 'VSC、VMBus 和 VSP', accept: ['VSC, VMBus and VSP'] }]),
    lang: 'zh',
  });

  it('counts "almost" as wrong, or as right when lenient (and says which)', () => {
    const strict = gradeResponse(q('b1'), { kind: 'typed', text: 'VMkernal' });
    expect(strict).toMatchObject({ correct: false, check: { verdict: 'almost' } });
    const lenient = gradeResponse(buildQuestion(byKey('b1'), 's', { lenient: true }), {
      kind: 'typed',
      text: 'VMkernal',
    });
    expect(lenient).toMatchObject({ correct: true, lenient: true });
    expect(formatFeedback(lenient, 80)[0]).toBe('≈ Almost: one letter off (counted as right: lenient)');
    expect(
      gradeResponse(buildQuestion(byKey('b1'), 's', { lenient: true }), { kind: 'typed', text: 'VMware' }).correct,
    ).toBe(false);
    const text = formatResult({ outcomes: [lenient, strict] });
    expect(text).toContain('1 near miss ("almost") counted as right (lenient), included in the score.');
    expect(text).toContain(
      '    You typed:     VMkernal (Almost: one letter off)\n    Expected:      VMkernel\n    Also accepted: the VMkernel\n',
    );
  });

  it('says which part of a partial answer is missing, in feedback and in the missed list', () => {
    const partial = gradeResponse(buildQuestion(zhItems[0]!, 's'), { kind: 'typed', text: 'VSC 和 VMBus' });
    expect(partial.check).toMatchObject({ verdict: 'wrong', reason: 'partial', missing: ['VSP'] });
    expect(formatFeedback(partial, 80)).toEqual([
      '✗ Incomplete: missing “VSP”',
      'Expected:      VSC、VMBus 和 VSP',
      'You typed:     VSC 和 VMBus',
      'Also accepted: VSC, VMBus and VSP',
    ]);
    expect(formatResult({ outcomes: [partial] })).toContain(
      '    You typed:     VSC 和 VMBus (Incomplete: missing “VSP”)\n    Expected:      VSC、VMBus 和 VSP\n',
    );
  });

  it('shows the card answer, never an accept entry, as expected; the accept entries follow', () => {
    const items = deckItems(
      deck([
        { id: 'sc', q: 'What ran beside the VMkernel?', a: 'The service console', accept: ['serviceConsole', 'COS'] },
      ]),
    );
    const wrong = gradeResponse(buildQuestion(items[0]!, 's'), { kind: 'typed', text: 'service consle' });
    expect(formatFeedback(wrong, 80).slice(1)).toEqual([
      'Expected:      The service cons[o]le',
      'You typed:     service consle',
      'Also accepted: serviceConsole; COS',
    ]);
    expect(
      gradeResponse(buildQuestion(items[0]!, 's'), { kind: 'typed', text: 'Service Console' }).check,
    ).toMatchObject({ verdict: 'correct', closest: 'The service console' });
  });

  it('judges a Chinese deck without English article rules', () => {
    const items = deckItems({
      ...deck([{ id: 'p', q: '哪个分区拥有驱动？', a: '父分区', accept: ['parent partition'] }]),
      lang: 'zh',
    });
    expect(items[0]!.lang).toBe('zh');
    expect(gradeResponse(buildQuestion(items[0]!, 's'), { kind: 'typed', text: 'Parent Partition。' }).correct).toBe(
      true,
    );
    expect(gradeResponse(buildQuestion(items[0]!, 's'), { kind: 'typed', text: 'the parent partition' }).correct).toBe(
      false,
    );
  });
});

describe('scoring', () => {
  const outcomes = [
    gradeResponse(q('b1'), { kind: 'typed', text: 'VMkernel' }),
    overrule(gradeResponse(q('z1:c1'), { kind: 'typed', text: '2.6.2O' })),
    gradeResponse(q('m1'), { kind: 'choice', selected: ['Dom0'] }),
    gradeResponse(q('t1'), { kind: 'truefalse', value: false }),
    gradeResponse(q('c1'), undefined),
    gradeResponse(q('n1'), { kind: 'typed', text: 'yes' }),
  ];

  it('counts right, overruled and unanswered', () => {
    expect(scoreOutcomes(outcomes)).toEqual({
      correct: 4,
      total: 6,
      percent: 66,
      overruled: 1,
      lenient: 0,
      unanswered: 1,
    });
    expect(scoreOutcomes([])).toEqual({ correct: 0, total: 0, percent: 0, overruled: 0, lenient: 0, unanswered: 0 });
  });

  it.each([
    [17, 20, 85, true],
    [17, 20, 86, false],
    [2, 3, 66, true],
    [2, 3, 67, false],
    [0, 5, 0, true],
    [5, 5, 100, true],
  ])('%d/%d against %d%% passes: %s', (correct, total, mark, expected) => {
    expect(passes({ correct, total, percent: 0, overruled: 0, lenient: 0, unanswered: 0 }, mark)).toBe(expected);
  });

  it('builds the per-section table in deck order, no section last', () => {
    expect(sectionTable(outcomes, ['esx', 'hyper-v', 'xen', 'kvm'])).toEqual([
      { section: 'esx', correct: 1, total: 1, percent: 100 },
      { section: 'hyper-v', correct: 0, total: 1, percent: 0 },
      { section: 'xen', correct: 1, total: 2, percent: 50 },
      { section: 'kvm', correct: 1, total: 1, percent: 100 },
      { section: '(no section)', correct: 1, total: 1, percent: 100 },
    ]);
    expect(sectionTable(outcomes).map((r) => r.section)).toEqual(['esx', 'hyper-v', 'kvm', 'xen', '(no section)']);
    expect(formatSectionTable(outcomes, ['esx'])).toEqual([
      'SECTION       RIGHT  PERCENT',
      'esx             1/1     100%',
      'hyper-v         0/1       0%',
      'kvm             1/1     100%',
      'xen             1/2      50%',
      '(no section)    1/1     100%',
    ]);
  });

  it('lists missed questions in the order asked', () => {
    expect(missedOutcomes(outcomes).map((o) => o.question.item.key)).toEqual(['m1', 'c1']);
  });

  it('formats the result with score, notes, table, missed answers with why, and history', () => {
    const text = formatResult({
      outcomes,
      passMark: 70,
      timedOut: true,
      previous: [60, 75],
      sectionOrder: ['esx', 'hyper-v', 'xen', 'kvm'],
    });
    expect(text).toContain('Score 4/6 (66%)  below the pass mark of 70%\n');
    expect(text).toContain('Time ran out: 1 question unanswered, counted as wrong.');
    expect(text).toContain('1 answer overruled as right ("I was right"), included in the score.');
    expect(text).toContain(' 1. [xen] Which are Xen?\n    Your answer:   Dom0\n    Expected:      Dom0; DomU\n');
    expect(text).toContain(' 2. [hyper-v] Parent?\n    Your answer:   (not answered)\n    Expected:      Parent\n');
    expect(text).toContain('Previous attempts on these decks: 60%, 75%\n');
    expect(formatResult({ outcomes: outcomes.slice(0, 2), passMark: 80 })).toMatch(
      /^Score 2\/2 \(100%\) {2}passed \(pass mark 80%\)\n/,
    );
  });

  it('shows why, neutralises control characters and wraps CJK text', () => {
    const zh = deckItems(
      deck([
        {
          id: 'zh',
          q: '\u001b[31mESX 启动时首先加载的是哪一个组件？它在引导过程中扮演什么样的角色呢？请详细说明',
          a: 'Linux 内核',
          why: '先启动\u0007 Linux 内核，再由它加载 VMkernel。',
        },
      ]),
    );
    const outcome = gradeResponse(buildQuestion(zh[0]!, 's'), { kind: 'typed', text: 'VMkernel' });
    const text = formatResult({ outcomes: [outcome], width: 40 });
    expect(text).not.toMatch(/[\u0007\u001b]/);
    expect(text).toContain('^[[31mESX');
    expect(text).toContain('Why:           先启动^G Linux 内核');
    for (const line of text.split('\n'))
      expect([...line].reduce((w, ch) => w + (/[\u4e00-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0)).toBeLessThanOrEqual(
        40,
      );
  });
});

describe('question and feedback screens', () => {
  // chalk joins extra arguments into the text, so a paint called through .map(paint.x) would
  // print the line, its index and every other line; this paint fails loudly instead.
  const strict =
    (tag: string) =>
    (...args: unknown[]) => {
      if (args.length !== 1) throw new Error(`${tag} called with ${args.length} arguments`);
      return `<${tag}>${String(args[0])}</${tag}>`;
    };
  const paint = {
    ...plainPaint,
    ok: strict('ok'),
    error: strict('error'),
    dim: strict('dim'),
    bold: strict('b'),
    missing: strict('m'),
    extra: strict('x'),
  };

  it('heads a question with its position, section and clock, and wraps it', () => {
    expect(formatQuestion(q('b1'), { number: 3, total: 20, remainingMs: 272_000 }, 80)).toEqual([
      'Question 3/20 · esx · 4:32 left',
      'Hypervisor of ESX?',
    ]);
    expect(formatQuestion(q('b1:reverse'), { number: 1, total: 2, round: 'Retry' }, 80, paint)).toEqual([
      '<dim>Retry Question 1/2 · esx</dim>',
      '<dim>Give the question whose answer is:</dim>',
      '<b>VMkernel</b>',
    ]);
    expect(formatQuestion(q('m1'), { number: 1, total: 1 }, 80)).toContain('Choose all that apply (2 are right).');
    expect(formatQuestion(q('z1:c2'), { number: 1, total: 1 }, 80)[1]).toBe('KVM in 2.6.20 in [...].');
    const long = { ...byKey('n1'), prompt: 'word '.repeat(30).trim() };
    expect(
      formatQuestion(buildQuestion(long, 's'), { number: 1, total: 1 }, 40, paint)
        .slice(1)
        .every((l) => l.length <= 40 + 7),
    ).toBe(true);
  });

  it('shows right, wrong with the difference, overruled, and why', () => {
    const wrong = gradeResponse(q('b1'), { kind: 'typed', text: 'VMkernal' });
    expect(formatFeedback(wrong, 80)).toEqual([
      '≈ Almost: one letter off (counted as wrong)',
      'Expected:      VMkern[e]l',
      'You typed:     VMkern(a)l',
      'Also accepted: the VMkernel',
      'Why:           It takes over.',
    ]);
    expect(formatFeedback(wrong, 80, paint).slice(0, 3)).toEqual([
      '<error>≈ Almost: one letter off (counted as wrong)</error>',
      '<ok>Expected:      VMkern<m>e</m>l</ok>',
      'You typed:     VMkern<x>a</x>l',
    ]);
    expect(formatFeedback(overrule(wrong), 80, paint)[0]).toBe(
      '<ok>✓ Counted as right (overruled: "I was right")</ok>',
    );
    expect(formatFeedback(gradeResponse(q('b1'), { kind: 'typed', text: 'vmkernel' }), 80)).toEqual([
      '✓ Correct',
      'Why:           It takes over.',
    ]);
    expect(formatFeedback(gradeResponse(q('m1'), { kind: 'choice', selected: ['Dom0'] }), 80, paint)).toEqual([
      '<error>✗ Wrong</error>',
      'Your answer:   Dom0',
      '<ok>Expected:      Dom0; DomU</ok>',
    ]);
    expect(formatFeedback(gradeResponse(q('t1'), undefined), 80)).toEqual(['✗ Not answered', 'Expected:      False']);
    // Unrelated answers: both lines, nothing highlighted.
    expect(
      formatFeedback(gradeResponse(q('b1'), { kind: 'typed', text: 'a hypervisor shim' }), 80).slice(0, 3),
    ).toEqual(['✗ Wrong', 'Expected:      VMkernel', 'You typed:     a hypervisor shim']);
  });

  it('paints the result one line at a time', () => {
    const outcomes = [gradeResponse(q('b1'), { kind: 'typed', text: 'x' }), gradeResponse(q('c1'), undefined)];
    const text = formatResult({ outcomes, passMark: 50 }, paint);
    expect(text).toContain(
      '<error>    You typed:     x</error>\n<ok>    Expected:      VMkernel</ok>\n    Also accepted: the VMkernel\n<dim>    Why:           It takes over.</dim>',
    );
  });
});
