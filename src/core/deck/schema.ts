import { z } from 'zod';
import type { CardType } from './types.js';

/**
 * Deck format v1, written once: TypeScript types, validation and the published
 * JSON Schema (`quizdeck schema`) all come from these definitions.
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = z.string().regex(ID_PATTERN, {
  message: 'must be lowercase kebab-case (letters, digits and single hyphens), e.g. "vmkernel-role"',
});
const text = z.string().min(1, { message: 'must not be empty' });
const tags = z.array(text);

/**
 * Answers may be written as YAML numbers (`a: 2003`, `accept: [4, four]`, `choices: [1, 2, 4]`):
 * they are read as the text of the number and compared as text. YAML reads `3.10` as 3.1 and
 * `007` as 7, so an answer that needs its exact digits is quoted (`a: "3.10"`).
 */
const answerText = z.preprocess(
  (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
  text,
);
/** In the JSON Schema: a non-empty string or a number (the preprocess step has no JSON form). */
const ANSWER_JSON = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] };

const cardCommon = {
  id,
  tags: tags.optional().describe('Labels used to filter cards (quiz --tag, print --tag).'),
  section: text.optional().describe('Where in the source the fact comes from.'),
  why: text.optional().describe('Explanation shown after answering and in answer keys.'),
};

export const basicCardSchema = z.strictObject({
  ...cardCommon,
  type: z.literal('basic').optional().describe('Card type; basic when omitted.'),
  q: text.describe('The question.'),
  a: answerText.describe('The answer (text, or a number compared as text).'),
  accept: z.array(answerText).optional().describe('Other answers accepted when typed.'),
  reverse: z.boolean().optional().describe('Also ask from answer to question.'),
});

export const choiceCardSchema = z.strictObject({
  ...cardCommon,
  type: z.literal('choice'),
  q: text,
  choices: z.array(answerText).min(2, { message: 'needs at least 2 choices' }),
  answer: z
    .union([answerText, z.array(answerText).min(1, { message: 'must list at least one correct choice' })])
    .describe('The correct choice, or a list of them; each must be one of `choices`.'),
});

export const trueFalseCardSchema = z.strictObject({
  ...cardCommon,
  type: z.literal('truefalse'),
  q: text,
  answer: z.boolean().describe('A YAML boolean: true or false.'),
});

export const clozeCardSchema = z.strictObject({
  ...cardCommon,
  type: z.literal('cloze'),
  text: text.describe('Text with one or more {{deletions}}; {{answer::hint}} adds a hint.'),
});

/** The longest order a person can type as one digit per step (`3142`). */
export const MAX_ORDER_STEPS = 9;

export const orderCardSchema = z.strictObject({
  ...cardCommon,
  type: z.literal('order'),
  q: text,
  steps: z
    .array(answerText)
    .min(2, { message: 'needs at least 2 steps' })
    .max(MAX_ORDER_STEPS, { message: `has at most ${MAX_ORDER_STEPS} steps` })
    .describe('The steps in the right order (2 to 9, all different); study, quiz and print shuffle them.'),
});

export { CARD_TYPES, cardTypeOf, type CardType } from './types.js';

export const cardSchemas = {
  basic: basicCardSchema,
  choice: choiceCardSchema,
  truefalse: trueFalseCardSchema,
  cloze: clozeCardSchema,
  order: orderCardSchema,
} as const;

export const cardSchema = z.union([
  basicCardSchema,
  choiceCardSchema,
  trueFalseCardSchema,
  clozeCardSchema,
  orderCardSchema,
]);

export const deckHeaderShape = {
  deck: id.describe('Deck id, unique across all decks loaded together.'),
  title: text,
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      message: 'must be a BCP 47 language tag such as "en" or "zh-Hans"',
    })
    .optional()
    .describe('BCP 47 language tag; en when omitted.'),
  description: text.optional(),
  source: text.optional().describe('Where the facts come from.'),
  tags: tags.optional(),
  translates: id
    .optional()
    .describe(
      "The id of the deck this one translates: same card ids, types and answers. With no path, one deck of each translation group is used, in the person's language.",
    ),
  lenient: z
    .boolean()
    .optional()
    .describe(
      'quiz: typed answers the checker calls "almost" (a letter or two off) count as right, as with quiz --lenient.',
    ),
};

export const deckSchema = z.strictObject({
  ...deckHeaderShape,
  cards: z.array(cardSchema).min(1, { message: 'a deck needs at least one card' }),
});

export type BasicCard = z.infer<typeof basicCardSchema>;
export type ChoiceCard = z.infer<typeof choiceCardSchema>;
export type TrueFalseCard = z.infer<typeof trueFalseCardSchema>;
export type ClozeCard = z.infer<typeof clozeCardSchema>;
export type OrderCard = z.infer<typeof orderCardSchema>;
export type Card = BasicCard | ChoiceCard | TrueFalseCard | ClozeCard | OrderCard;
export type DeckFile = z.infer<typeof deckSchema>;

/** A deck after loading: defaults applied and the file it came from. */
export interface Deck extends Omit<DeckFile, 'lang'> {
  lang: string;
  file: string;
}

export const DECK_KEYS = [
  'deck',
  'title',
  'lang',
  'description',
  'source',
  'tags',
  'translates',
  'lenient',
  'cards',
] as const;
export const CARD_KEYS: Record<CardType, readonly string[]> = {
  basic: Object.keys(basicCardSchema.shape),
  choice: Object.keys(choiceCardSchema.shape),
  truefalse: Object.keys(trueFalseCardSchema.shape),
  cloze: Object.keys(clozeCardSchema.shape),
  order: Object.keys(orderCardSchema.shape),
};

export function deckJsonSchema(): object {
  const schema = z.toJSONSchema(deckSchema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // At least two distinct steps: editors flag a step written twice (validate also compares
      // them as typed answers are, which JSON Schema cannot).
      if (zodSchema === orderCardSchema.shape.steps) (jsonSchema as Record<string, unknown>).uniqueItems = true;
      // Every preprocess step here is answerText's (`.describe` copies it, so identity does not do).
      const def = zodSchema._zod.def as { type: string; in?: { _zod: { def: { type: string } } } };
      if (def.type !== 'pipe' || def.in?._zod.def.type !== 'transform') return;
      for (const key of Object.keys(jsonSchema))
        if (key !== 'description') delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, ANSWER_JSON);
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://quizdeck.dev/schema/deck.schema.json',
    title: 'quizdeck deck (format v1)',
    ...schema,
  };
}
