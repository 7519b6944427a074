import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPlainCard } from '../../src/core/deck/plain-card.js';

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** What yaml makes of one list item, or undefined if it reports any error or warning. */
function yamlCard(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return (doc.toJS() as unknown[])[0];
}

const read = (text: string) => readPlainCard(text, 0, text.length);

describe('reading a card in the plain layout', () => {
  it.each([
    ['  - id: a\n    q: What is it?\n    a: This\n', { id: 'a', q: 'What is it?', a: 'This' }],
    ['- id: a\n  answer: true\n  reverse: False\n', { id: 'a', answer: true, reverse: false }],
    ['  - id: a\n    tags: [x, y z, true]\n    choices: []\n', { id: 'a', tags: ['x', 'y z', true], choices: [] }],
    [
      '  - id: a\n    q: "quoted: with # inside"\n    a: \'single\'\n',
      { id: 'a', q: 'quoted: with # inside', a: 'single' },
    ],
    [
      '  - id: a\n    # a comment\n\n    q: C# and http://x.y/z and {{cloze::hint}}\n',
      { id: 'a', q: 'C# and http://x.y/z and {{cloze::hint}}' },
    ],
    ['  - id: a\n    why:\n    section: ~\n', { id: 'a', why: null, section: null }],
    ['  - id: a\n    q: 什么是虚拟机？   \n', { id: 'a', q: '什么是虚拟机？' }],
  ])('reads %j as yaml does', (text, expected) => {
    expect(read(text)).toEqual(expected);
    expect(yamlCard(text)).toEqual(expected);
  });

  it.each([
    ['a block scalar', '  - id: a\n    why: >-\n      folded\n'],
    ['a nested list', '  - id: a\n    tags:\n      - x\n'],
    ['a list at the key indent', '  - id: a\n    tags:\n    - x\n'],
    ['a number', '  - id: a\n    a: 42\n'],
    ['a signed word', '  - id: a\n    a: -x\n'],
    ['an escape', '  - id: a\n    q: "a\\tb"\n'],
    ['a comment after a value', '  - id: a\n    q: text # note\n'],
    ['a duplicate key', '  - id: a\n    id: b\n'],
    ['a continued line', '  - id: a\n    q: first\n      second\n'],
    ['a key without a space after the colon', '  - id: a\n    q:b\n'],
    ['a __proto__ key', '  - id: a\n    __proto__: x\n'],
    ['a null key', '  - id: a\n    null: x\n'],
    ['an item on its own line', '  -\n    id: a\n'],
    ['a flow mapping', '  - {id: a}\n'],
    ['a quote inside a flow list', '  - id: a\n    tags: ["x", y]\n'],
    ['a control character', '  - id: a\n    q: bell\u0007\n'],
    ['a no-break space', '  - id: a\n    q: a\u00A0b\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(read(text)).toBeUndefined();
  });

  // Every card this reader accepts, yaml must read to the same value with no error or warning.
  it('agrees with yaml on thousands of generated cards', () => {
    const pieces = [
      'a',
      'b c',
      ' ',
      ': ',
      ':',
      '#',
      ' #',
      '-',
      '- ',
      '?',
      '[',
      ']',
      ',',
      '{',
      '}',
      '"',
      "'",
      '\\',
      '0',
      '1.5',
      '.',
      '+',
      '~',
      'true',
      'null',
      'Yes',
      '|',
      '>',
      '!',
      '%',
      '@',
      '`',
      '中文',
      '{{x::y}}',
      'http://h',
      '&',
      '*',
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const value = () => Array.from({ length: 1 + random(4) }, () => pieces[random(pieces.length)]).join('');
    const shapes = [
      () => value(),
      () => `[${Array.from({ length: random(4) }, value).join(',')}]`,
      () => `"${value()}"`,
      () => `'${value()}'`,
      () => '',
    ];
    let accepted = 0;
    for (let n = 0; n < 5000; n++) {
      const keys = ['id', 'q', 'a', 'tags', 'why'].slice(0, 1 + random(5));
      const text = keys
        .map((k, i) => `${i === 0 ? '  - ' : '    '}${k}: ${shapes[random(shapes.length)]!()}\n`)
        .join('');
      const ours = read(text);
      if (ours === undefined) continue;
      accepted++;
      expect(yamlCard(text), JSON.stringify(text)).toEqual(ours);
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
