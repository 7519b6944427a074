import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { itemKeys, expandCard } from '../../src/core/deck/items.js';
import { parseDeck } from '../../src/core/deck/parse.js';
import { readPlainCard } from '../../src/core/deck/plain-card.js';
import { deckJsonSchema, type Card, type Deck } from '../../src/core/deck/schema.js';
import { checkTranslations } from '../../src/core/deck/translations.js';

/** A deck file with one card written as YAML lines under `cards:`. */
const file = (card: string) => `deck: d\ntitle: D\ncards:\n${card}`;
const problems = (card: string) =>
  parseDeck('d.yaml', file(card)).diagnostics.map((d) => `${d.rule}@${d.line}:${d.column} ${d.message}`);

describe('order cards in a deck', () => {
  it('are read from a block list and from a flow list, steps in the right order', () => {
    for (const card of [
      '  - id: xen-boot\n    type: order\n    q: Order the boot.\n    steps:\n      - BIOS\n      - Xen\n      - Dom0\n    why: Xen comes first.\n',
      '  - id: xen-boot\n    type: order\n    q: Order the boot.\n    steps: [BIOS, Xen, Dom0]\n    why: Xen comes first.\n',
    ]) {
      const parsed = parseDeck('d.yaml', file(card));
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.deck?.cards).toEqual([
        {
          id: 'xen-boot',
          type: 'order',
          q: 'Order the boot.',
          steps: ['BIOS', 'Xen', 'Dom0'],
          why: 'Xen comes first.',
        },
      ]);
    }
  });

  it('are read by the fast card reader exactly as yaml reads them, or handed to yaml', () => {
    const flow = '  - id: a\n    type: order\n    q: Order them.\n    steps: [one step, another step, a third]\n';
    const expected = { id: 'a', type: 'order', q: 'Order them.', steps: ['one step', 'another step', 'a third'] };
    expect(readPlainCard(flow, 0, flow.length)).toEqual(expected);
    expect((parseDocument(flow).toJS() as unknown[])[0]).toEqual(expected);
    const block = '  - id: a\n    type: order\n    q: Order them.\n    steps:\n      - one\n      - two\n';
    expect(readPlainCard(block, 0, block.length)).toBeUndefined();
  });

  it('read numbers among the steps as text, as answers are', () => {
    const parsed = parseDeck(
      'd.yaml',
      file('  - id: years\n    type: order\n    q: Order the years.\n    steps: [2001, 2003, "2007"]\n'),
    );
    expect(parsed.deck?.cards[0]).toMatchObject({ steps: ['2001', '2003', '2007'] });
  });

  it.each([
    ['one step', '    steps: [only]\n', 'order-too-few@7:12 an order card needs at least 2 steps, found 1'],
    ['no steps', '    steps: []\n', 'order-too-few@7:12 an order card needs at least 2 steps, found 0'],
    [
      'ten steps',
      '    steps: [a, b, c, d, e, f, g, h, i, j]\n',
      'order-too-many@7:12 an order card has at most 9 steps (one digit each when typed), found 10; split it into two cards',
    ],
    [
      'a repeated step',
      '    steps: [BIOS, Xen, " bios "]\n',
      'order-duplicate-step@7:24 step 3 repeats step 1 (" bios "); every step must be different',
    ],
    ['no steps key', '', 'missing-field@4:5 card "o" is missing the required field `steps`'],
    ['a step that is not text', '    steps: [a, [b]]\n', 'invalid-type@7:16 `steps.1` must be a string, got a list'],
  ])('with %s are refused with a named rule', (_name, steps, problem) => {
    expect(problems(`  - id: o\n    type: order\n    q: Order.\n${steps}`)).toEqual([problem]);
  });

  it('are one item, keyed by the card id', () => {
    const card = { id: 'xen-boot', type: 'order', q: 'Order the boot.', steps: ['BIOS', 'Xen'] } as Card;
    expect(itemKeys(card)).toEqual(['xen-boot']);
    expect(expandCard({ deck: 'd', lang: 'en' }, card)).toMatchObject([
      { key: 'xen-boot', kind: 'order', prompt: 'Order the boot.', steps: ['BIOS', 'Xen'] },
    ]);
  });

  it('are in the JSON schema with 2 to 9 steps', () => {
    const schema = JSON.stringify(deckJsonSchema());
    expect(schema).toContain('"const":"order"');
    expect(schema).toMatch(/"steps":\{[^}]*"minItems":2,"maxItems":9/);
  });

  it('need at least 2 distinct steps in the JSON schema too, which the bundled decks meet', () => {
    const validate = new Ajv2020({ strict: false }).compile(deckJsonSchema());
    const deck = (steps: string[]) => ({ deck: 'd', title: 'D', cards: [{ id: 'o', type: 'order', q: 'Q', steps }] });
    expect(validate(deck(['BIOS', 'Xen']))).toBe(true);
    expect(validate(deck(['BIOS', 'BIOS']))).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'uniqueItems')).toBe(true);
    expect(validate(deck(['BIOS']))).toBe(false);
    for (const file of ['hypervisors.en.yaml', 'hypervisors.zh.yaml']) {
      const ok = validate(parse(readFileSync(new URL(`../../decks/${file}`, import.meta.url), 'utf8')));
      expect(ok ? [] : validate.errors, file).toEqual([]);
    }
  });

  it('must have as many steps in a translation', () => {
    const deck = (id: string, lang: string, steps: string[], translates?: string): Deck => ({
      deck: id,
      title: id,
      lang,
      file: `${id}.yaml`,
      cards: [{ id: 'o', type: 'order', q: 'Q', steps }],
      ...(translates ? { translates } : {}),
    });
    const at = () => ({ line: 1, column: 1 });
    expect(
      checkTranslations([deck('hv', 'en', ['a', 'b', 'c']), deck('hv-zh', 'zh', ['甲', '乙', '丙'], 'hv')], at),
    ).toEqual([]);
    expect(
      checkTranslations([deck('hv', 'en', ['a', 'b', 'c']), deck('hv-zh', 'zh', ['甲', '乙'], 'hv')], at).map((d) => [
        d.rule,
        d.message,
      ]),
    ).toEqual([['translation-mismatch', 'card "o" has another number of steps (2, not 3) than in "hv" (hv.yaml)']]);
  });
});
