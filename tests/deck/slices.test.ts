import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckWhole } from '../../src/core/deck/parse.js';
import { parseDeckSliced, sliceDeck } from '../../src/core/deck/slices.js';
// The generator the validate benchmark uses: four card types, tags, block and flow values.
import { syntheticDeck } from '../../bench/lib.mjs';

const base = syntheticDeck(12);
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`not in the synthetic deck: ${from}`);
  return base.replace(from, to);
};

// Files the card-by-card reader must hand back to the whole-file reader, and why.
const wholeOnly: Array<[name: string, source: string]> = [
  ['anchors and aliases', edit('    tags: [kernel, set-0]\n', '    tags: &t [kernel, set-0]\n')],
  ['a tab', edit('    type: cloze\n', '\ttype: cloze\n')],
  ['CRLF line ends', base.replace(/\n/g, '\r\n')],
  ['a document marker', `---\n${base}`],
  ['a second document', `${base}---\ndeck: other\n`],
  ['a directive', `%YAML 1.2\n---\n${base}`],
  ['no cards line', base.replace('cards:\n', 'cards: # list\n')],
  ['a flow list of cards', 'deck: d\ntitle: T\ncards: [{id: a, q: Q, a: A}]\n'],
  ['an empty cards list', 'deck: d\ntitle: T\ncards:\n# none\n'],
  ['a duplicate key in a card', edit('    type: truefalse\n', '    type: truefalse\n    type: truefalse\n')],
  [
    'an unclosed quote',
    edit('q: Which value belongs to scheduler item 1?', 'q: "Which value belongs to scheduler item 1?'),
  ],
  [
    'a quote closed in the next card',
    edit('q: Which value belongs to scheduler item 1?', 'q: "Which value\n  - belongs to scheduler item 1?"'),
  ],
  ['a flow list spanning cards', edit('choices: [alpha 5, beta 5,', 'choices: [alpha 5,\n  - beta 5,')],
  [
    'a header string swallowing the cards line',
    edit('title: Synthetic benchmark deck of 12 cards\n', 'title: "Synthetic\n').replace(
      '  - id: card-0\n',
      '  - id: card-0\nend"\n',
    ),
  ],
  ['a null card', edit('  - id: card-5\n', '  -\n  - id: card-5\n')],
  ['a card that is a string', edit('  - id: card-5\n', '  - just text\n  - id: card-5\n')],
  ['a stray line after the list', `${base}  stray: line\n`],
  ['a second cards key', `${base}cards: []\n`],
];

// Files it reads itself: every result must equal the whole-file reader's, diagnostics included.
const sliced: Array<[name: string, source: string]> = [
  ['the synthetic deck', base],
  ['a key after the cards', `${base}source: after the cards\n`],
  ['cards at column 0', base.replace(/^ {2}/gm, '')],
  [
    'comments between cards',
    base.replace(/^ {2}- id: card-1(\d)\n/gm, '  # before $1\n# column 0\n\n  - id: card-1$1\n'),
  ],
  [
    'block scalars that keep trailing lines',
    base
      .replace(/ {4}why: (.*)\n/g, '    why: |+\n      $1\n\n')
      .replace(/ {4}q: The (.*)\n/g, '    q: >-\n      The $1\n      continued\n'),
  ],
  ['no final newline', base.trimEnd()],
  ['a card opened on its own line', edit('  - id: card-5\n', '  -\n    id: card-5\n')],
  ['a flow mapping card', edit('  - id: card-5\n', '  - {id: card-5x, q: flow, a: card}\n  - id: card-5\n')],
  ['a duplicate card id', edit('id: card-7\n', 'id: card-3\n')],
  ['a duplicate question', edit('What does component number 8 of', 'What does component number 4 of')],
  ['an unknown card type', edit('type: choice\n', 'type: chioce\n')],
  ['a misspelt key', edit('    q: What does component number 4', '    qestion: What does component number 4')],
  ['a control character', edit('alpha 5,', 'alpha\u0007 5,')],
  ['an answer not among the choices', edit('answer: gamma 9', 'answer: gamma 99')],
  ['a cloze without deletion', edit('{{stage 11::a stage}}', 'stage 11')],
  ['an answer in its question', edit('a: It handles request class 28', 'a: component number 4')],
  ['a string for a boolean', edit('answer: false', 'answer: "no"')],
  ['a forbidden key', edit('  - id: card-5\n', '  - id: card-5\n    __proto__: x\n')],
  ['bad header fields', edit('lang: en', 'langg: english!').replace('deck: bench-12', 'deck: Bench_12')],
  ['CJK text', edit('What does component number 4 of the', '什么是组件 4 的')],
];

describe('reading a deck card by card', () => {
  it.each(wholeOnly)('leaves a file with %s to the whole-file reader', (_, source) => {
    expect(parseDeckSliced('deck.yaml', source, 100)).toBeUndefined();
  });

  it.each(sliced)('reads a file with %s exactly as the whole-file reader does', (_, source) => {
    const result = parseDeckSliced('deck.yaml', source, 100);
    expect(result).toBeDefined();
    expect(result).toEqual(parseDeckWhole('deck.yaml', source));
  });

  it('finds every card of the synthetic deck', () => {
    expect(sliceDeck(base)?.items).toHaveLength(12);
  });

  it('reads the fixtures and bundled decks it can cut exactly as the whole-file reader does', () => {
    const files = [...yamlFiles('tests/fixtures'), ...yamlFiles('decks')];
    let cut = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const result = parseDeckSliced(file, source, 100);
      if (result === undefined) continue;
      cut++;
      expect(result, file).toEqual(parseDeckWhole(file, source));
    }
    expect(cut).toBeGreaterThan(10);
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}
