import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/core/deck/schema.js';
import { checkTranslations, locateByText, pickLanguage, preferredLanguages } from '../../src/core/deck/translations.js';

const deck = (id: string, lang: string, cards: Card[], translates?: string): Deck => ({
  deck: id,
  title: id,
  lang,
  file: `${id}.yaml`,
  cards,
  ...(translates ? { translates } : {}),
});
const en = deck('hv', 'en', [
  { id: 'a', q: 'Q?', a: 'A' },
  { id: 'b', type: 'choice', q: 'Which?', choices: ['w', 'x', 'y'], answer: 'x' },
  { id: 'c', type: 'truefalse', q: 'T?', answer: true },
  { id: 'd', type: 'cloze', text: '{{one}} and {{two}}' },
] as Card[]);
const zh = (cards: Card[]) => deck('hv-zh', 'zh', cards, 'hv');
const zhCards = [
  { id: 'a', q: '问?', a: '答' },
  { id: 'b', type: 'choice', q: '哪个?', choices: ['甲', '乙', '丙'], answer: '乙' },
  { id: 'c', type: 'truefalse', q: '对?', answer: true },
  { id: 'd', type: 'cloze', text: '{{一}}和{{二}}' },
] as Card[];
const at = () => ({ line: 1, column: 1 });

describe('preferredLanguages', () => {
  it.each([
    [undefined, {}, ['en']],
    [undefined, { LANG: 'zh_CN.UTF-8' }, ['zh', 'en']],
    [undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }, ['zh', 'en']],
    [undefined, { LANGUAGE: 'fr:zh', LANG: 'de_DE' }, ['fr', 'zh', 'de', 'en']],
    [undefined, { LANG: 'C.UTF-8', LC_ALL: 'POSIX' }, ['en']],
    ['zh-Hans', { LANG: 'en_US.UTF-8' }, ['zh', 'en']],
  ] as const)('--lang %s with %o → %j', (option, env, expected) => {
    expect(preferredLanguages(option, env)).toEqual(expected);
  });
});

describe('pickLanguage', () => {
  const other = deck('bio', 'en', []);
  it('keeps one deck of each translation group, in the first language asked for that has one', () => {
    expect(pickLanguage([en, zh(zhCards), other], ['en']).map((d) => d.deck)).toEqual(['hv', 'bio']);
    expect(pickLanguage([en, zh(zhCards), other], ['zh', 'en']).map((d) => d.deck)).toEqual(['hv-zh', 'bio']);
    expect(pickLanguage([en, zh(zhCards)], ['fr']).map((d) => d.deck)).toEqual(['hv']);
    expect(pickLanguage([zh(zhCards)], ['en']).map((d) => d.deck)).toEqual(['hv-zh']);
  });
});

describe('checkTranslations', () => {
  it('a faithful translation has no problems', () => {
    expect(checkTranslations([en, zh(zhCards)], at)).toEqual([]);
  });

  it('reports another type, other correct choices, another true/false answer and another cloze count as errors', () => {
    const broken = [
      { id: 'a', type: 'truefalse', q: '问?', answer: false },
      { id: 'b', type: 'choice', q: '哪个?', choices: ['甲', '乙', '丙'], answer: '丙' },
      { id: 'c', type: 'truefalse', q: '对?', answer: false },
      { id: 'd', type: 'cloze', text: '{{一}}和二' },
    ] as Card[];
    expect(checkTranslations([en, zh(broken)], at).map((d) => [d.severity, d.rule, d.message])).toEqual([
      ['error', 'translation-mismatch', 'card "a" is of another type (truefalse, not basic) than in "hv" (hv.yaml)'],
      [
        'error',
        'translation-mismatch',
        'card "b" has other correct choices (positions 3, not 2) than in "hv" (hv.yaml)',
      ],
      ['error', 'translation-mismatch', 'card "c" has the other true/false answer than in "hv" (hv.yaml)'],
      [
        'error',
        'translation-mismatch',
        'card "d" has another number of cloze deletions (1, not 2) than in "hv" (hv.yaml)',
      ],
    ]);
  });

  it('names the cards missing on either side as warnings, in the translation file', () => {
    const cards = [...zhCards.slice(1), { id: 'extra', q: '多?', a: '余' } as Card];
    const found = checkTranslations([en, zh(cards)], at);
    expect(found.map((d) => [d.file, d.severity, d.message])).toEqual([
      ['hv-zh.yaml', 'warning', 'card "extra" is not in "hv", which this deck translates'],
      ['hv-zh.yaml', 'warning', 'card "a" of "hv" has no translation in this deck'],
    ]);
  });

  it('needs the original deck loaded too, and refuses a translation of a translation', () => {
    expect(checkTranslations([zh(zhCards)], at)).toEqual([]);
    const third = deck('hv-fr', 'fr', zhCards, 'hv-zh');
    expect(checkTranslations([en, zh(zhCards), third], at).map((d) => d.rule)).toEqual(['translation-chain']);
  });
});

describe('locateByText', () => {
  it('finds card ids and the translates key in one pass', () => {
    const locate = locateByText('deck: x\ntranslates: hv\ncards:\n  - id: one\n    q: Q\n  - id: "two" # c\n');
    expect(locate('one')).toEqual({ line: 4, column: 5 });
    expect(locate('two')).toEqual({ line: 6, column: 5 });
    expect(locate()).toEqual({ line: 2, column: 1 });
    expect(locate('none')).toEqual({ line: 2, column: 1 });
  });
});
