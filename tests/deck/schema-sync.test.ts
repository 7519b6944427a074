import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { deckJsonSchema } from '../../src/core/deck/schema.js';

it('schema/deck.schema.json is the JSON Schema generated from the zod schema (run `quizdeck schema > schema/deck.schema.json`)', () => {
  const committed = JSON.parse(readFileSync('schema/deck.schema.json', 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(deckJsonSchema())));
});
