import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.js';
import type { Card } from '../../src/core/deck/schema.js';
import { mergeDeckYaml, newDeckYaml, type MergeResult } from '../../src/core/interchange/deck-yaml.js';
import { guessLang } from '../../src/core/interchange/lang.js';

const EXISTING = `# My Spanish deck: keep these comments.
deck: spanish
title: Spanish verbs
lang: es
cards:
  # the first verb
  - id: hablar
    q: hablar
    a: to speak   # my own wording
    tags: [verbs]
  - id: comer
    q: comer
    a: to eat
`;

function merged(cards: Card[], force = false): MergeResult {
  const result = mergeDeckYaml(EXISTING, cards, force);
  if ('error' in result) throw new Error(result.error);
  const parsed = parseDeck('spanish.yaml', result.text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

describe('merging an import into an existing deck', () => {
  it('adds new cards, leaves equal ones alone, and keeps every comment', () => {
    const result = merged([
      { id: 'hablar', q: 'hablar', a: 'to speak', tags: ['verbs'] },
      { id: 'vivir', q: 'vivir', a: 'to live' },
    ]);
    expect(result).toMatchObject({ added: ['vivir'], updated: [], kept: [], unchanged: 1 });
    expect(result.text).toBe(`${EXISTING}  - id: vivir\n    q: vivir\n    a: to live\n`);
  });

  it('never overwrites a card that differs (a local edit) without force', () => {
    const result = merged([{ id: 'hablar', q: 'hablar', a: 'to talk', tags: ['verbs'] }]);
    expect(result).toMatchObject({ added: [], updated: [], kept: ['hablar'], unchanged: 0 });
    expect(result.text).toBe(EXISTING);
  });

  it('with force takes the imported card, changing only the keys that differ; comments stay (re-spaced by yaml)', () => {
    const result = merged([{ id: 'comer', q: 'comer', a: 'to eat (a meal)', why: 'Regular -er verb.' }], true);
    expect(result).toMatchObject({ updated: ['comer'], kept: [] });
    expect(result.text).toBe(
      EXISTING.replace('    a: to eat\n', '    a: to eat (a meal)\n    why: Regular -er verb.\n').replace(
        'to speak   #',
        'to speak #',
      ),
    );
    const hablar = merged([{ id: 'hablar', q: 'hablar', a: 'to speak' }], true).text;
    expect(hablar).toContain(
      '# the first verb\n  - id: hablar\n    q: hablar\n    a: to speak # my own wording\n  - id: comer',
    );
  });

  it('takes a YAML number in the file as equal to the same answer as text', () => {
    const result = mergeDeckYaml(
      'deck: d\ntitle: D\ncards:\n  - id: year\n    q: Which year?\n    a: 2007\n',
      [{ id: 'year', q: 'Which year?', a: '2007' }],
      false,
    );
    expect(result).toMatchObject({ unchanged: 1, kept: [] });
  });

  it('refuses a file it cannot merge into', () => {
    expect(mergeDeckYaml('cards: [unclosed', [], false)).toEqual({ error: 'it is not valid YAML' });
    expect(mergeDeckYaml('deck: x\ntitle: X\n', [], false)).toEqual({ error: 'it has no `cards:` list' });
  });
});

describe('a new deck', () => {
  it('is written in the key order and flow lists of the bundled decks, and is valid', () => {
    const text = newDeckYaml({ deck: 'd', title: 'D', lang: 'en', source: 'd.apkg' }, [
      { id: 'c', why: 'w', tags: ['x', 'y'], a: 'A', q: 'Q', accept: ['a'] },
      { id: 'm', type: 'choice', q: 'Which?', choices: ['yes', 'no', 'true'], answer: ['yes', 'true'] },
      { id: 't', type: 'truefalse', q: 'Null?', answer: false },
    ]);
    expect(text).toBe(
      'deck: d\ntitle: D\nlang: en\nsource: d.apkg\ncards:\n' +
        '  - id: c\n    q: Q\n    a: A\n    accept: [a]\n    tags: [x, y]\n    why: w\n' +
        '  - id: m\n    type: choice\n    q: Which?\n    choices: [yes, no, "true"]\n    answer: [yes, "true"]\n' +
        '  - id: t\n    type: truefalse\n    q: Null?\n    answer: false\n',
    );
    expect(parseDeck('d.yaml', text).deck?.cards).toHaveLength(3);
  });
});

describe('guessLang', () => {
  it.each([
    [['What is the capital of France?', 'Which of these is a prime number?'], 'en'],
    [['哪个组件负责虚拟机调度？', '虚拟机监控器'], 'zh'],
    [['日本の首都はどこですか？', '東京です'], 'ja'],
    [['한국의 수도는 어디입니까?'], 'ko'],
    [['Какая столица России?'], 'ru'],
    [['Was ist die Hauptstadt von Deutschland?', 'Die Stadt ist nicht weit, und das ist gut'], 'de'],
    [['Quelle est la capitale de la France?', 'Le chat et la souris'], 'fr'],
    [['¿Cuál es la capital de España?', 'El perro y los gatos'], 'es'],
    [[], 'en'],
  ])('%j -> %s', (texts, lang) => {
    expect(guessLang(texts)).toBe(lang);
  });
});
