import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Reads the bundled hypervisor decks directly (not through src/) so these checks hold while
// the deck loader is still being written.

const CARD_TYPES = ['basic', 'choice', 'truefalse', 'cloze', 'order'] as const;
const SECTIONS = ['esx', 'hyper-v', 'xen', 'kvm', 'compare'] as const;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface RawCard {
  id: string;
  accept?: unknown[];
  type?: string;
  section?: string;
  tags?: unknown;
  why?: string;
  q?: string;
  a?: string;
  text?: string;
  choices?: string[];
  answer?: unknown;
  steps?: string[];
}

interface RawDeck {
  deck: string;
  lang: string;
  source?: string;
  cards: RawCard[];
}

function loadDeck(file: string): RawDeck {
  return parse(readFileSync(new URL(`../decks/${file}`, import.meta.url), 'utf8')) as RawDeck;
}

const decks = {
  en: { file: 'hypervisors.en.yaml', id: 'hypervisors', deck: loadDeck('hypervisors.en.yaml') },
  zh: { file: 'hypervisors.zh.yaml', id: 'hypervisors-zh', deck: loadDeck('hypervisors.zh.yaml') },
};

const typeOf = (card: RawCard) => card.type ?? 'basic';

describe.each(Object.entries(decks))('hypervisor deck (%s)', (lang, { file, id, deck }) => {
  it('declares its language, deck id and source', () => {
    expect(deck.lang).toBe(lang);
    expect(deck.deck).toBe(id);
    expect(deck.source).toBeTruthy();
    expect(readFileSync(new URL(`../decks/${file}`, import.meta.url), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\/deck\.schema\.json\n/,
    );
  });

  it('has a sensible number of cards', () => {
    expect(deck.cards.length).toBeGreaterThanOrEqual(90);
    expect(deck.cards.length).toBeLessThanOrEqual(180);
  });

  it('uses unique kebab-case card ids', () => {
    const ids = deck.cards.map((c) => c.id);
    for (const cardId of ids) expect(cardId).toMatch(ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every card a known type, a known section and a non-empty tag list', () => {
    for (const card of deck.cards) {
      expect(CARD_TYPES, card.id).toContain(typeOf(card));
      expect(SECTIONS, card.id).toContain(card.section);
      expect(Array.isArray(card.tags) && card.tags.length > 0, card.id).toBe(true);
    }
  });

  it.each(SECTIONS)('has every card type in section %s', (section) => {
    const types = new Set(deck.cards.filter((c) => c.section === section).map(typeOf));
    expect([...types].sort()).toEqual([...CARD_TYPES].sort());
  });

  it('has the fields each card type needs', () => {
    for (const card of deck.cards) {
      const type = typeOf(card);
      if (type === 'basic') {
        expect(card.q && card.a, card.id).toBeTruthy();
      } else if (type === 'choice') {
        expect(card.q, card.id).toBeTruthy();
      } else if (type === 'truefalse') {
        expect(card.q, card.id).toBeTruthy();
        expect(typeof card.answer, card.id).toBe('boolean');
      } else if (type === 'order') {
        expect(card.q, card.id).toBeTruthy();
        expect(card.steps?.length, card.id).toBeGreaterThanOrEqual(2);
        expect(card.steps?.length, card.id).toBeLessThanOrEqual(9);
        expect(new Set(card.steps).size, card.id).toBe(card.steps?.length);
      } else {
        expect(card.q, card.id).toBeUndefined();
        expect(card.text, card.id).toMatch(/\{\{[^}]+\}\}/);
      }
    }
  });

  it('keeps choice answers among unique choices', () => {
    for (const card of deck.cards.filter((c) => typeOf(c) === 'choice')) {
      const choices = card.choices ?? [];
      expect(choices.length, card.id).toBeGreaterThanOrEqual(2);
      expect(new Set(choices).size, card.id).toBe(choices.length);
      const answers = Array.isArray(card.answer) ? card.answer : [card.answer];
      expect(answers.length, card.id).toBeGreaterThan(0);
      for (const answer of answers) expect(choices, card.id).toContain(answer);
    }
  });

  it('leaves at least two wrong options in every multi-select', () => {
    for (const card of deck.cards.filter((c) => typeOf(c) === 'choice' && Array.isArray(c.answer))) {
      const answers = card.answer as unknown[];
      expect((card.choices ?? []).length - answers.length, card.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('never lists the answer itself again among accepted answers', () => {
    const norm = (s: unknown) => String(s).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    for (const card of deck.cards.filter((c) => typeOf(c) === 'basic')) {
      const accept = (card.accept ?? []).map(norm);
      expect(accept, card.id).not.toContain(norm(card.a));
      expect(new Set(accept).size, card.id).toBe(accept.length);
    }
  });

  it('quotes numbers with thousands separators in flow sequences', () => {
    // An unquoted `[fewer than 150,000 lines]` is two items to YAML: "fewer than 150" and "000 lines".
    const text = readFileSync(new URL(`../decks/${file}`, import.meta.url), 'utf8');
    for (const line of text.split('\n').filter((l) => /^\s*[\w-]+:\s*\[/.test(l))) {
      expect(line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'), line).not.toMatch(/\d,\d{3}/);
    }
  });

  it('never repeats a question', () => {
    const questions = deck.cards.filter((c) => c.q).map((c) => c.q!.trim());
    expect(new Set(questions).size).toBe(questions.length);
  });

  it('explains at least 90% of its cards', () => {
    const explained = deck.cards.filter((c) => typeof c.why === 'string' && c.why.trim() !== '');
    expect(explained.length / deck.cards.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('English and Chinese hypervisor decks', () => {
  const byId = (deck: RawDeck) => new Map(deck.cards.map((c) => [c.id, c]));
  const en = byId(decks.en.deck);
  const zh = byId(decks.zh.deck);

  it('have the same card ids', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('give each shared card the same type and section', () => {
    for (const [cardId, card] of en) {
      const other = zh.get(cardId);
      expect(other && typeOf(other), cardId).toBe(typeOf(card));
      expect(other?.section, cardId).toBe(card.section);
    }
  });

  it('have at least 3 order cards, with the same number of steps in both languages', () => {
    const orders = [...en.values()].filter((c) => typeOf(c) === 'order');
    expect(orders.length).toBeGreaterThanOrEqual(3);
    for (const card of orders) expect(zh.get(card.id)?.steps?.length, card.id).toBe(card.steps?.length);
  });
});

describe('the Chinese hypervisor deck', () => {
  // A folded `why: >-` turns each line break into a space, which Chinese text does not have:
  // "原生的 或 Hypervisor", "RISC。 Xen". Spaces stay only between Chinese and Latin text.
  const straySpace = /[，。；：、！？（）“”] | [，。；：、！？（）“”]|\p{Script=Han} \p{Script=Han}/u;
  const texts = (card: RawCard) =>
    [card.q, card.a, card.text, card.why, ...(card.choices ?? []), ...(card.steps ?? [])].filter(
      (t): t is string => typeof t === 'string',
    );

  it('has no stray space beside Chinese punctuation or between Chinese characters', () => {
    const stray = decks.zh.deck.cards.flatMap((card) =>
      texts(card)
        .filter((t) => straySpace.test(t))
        .map((t) => `${card.id}: ${t}`),
    );
    expect(stray).toEqual([]);
  });
});

describe('the bundled decks through the validator', () => {
  it('have no problem at all, not even a warning', async () => {
    const { loadWholeDecks } = await import('./helpers/decks.js');
    const { decks: loaded, diagnostics } = await loadWholeDecks(['decks'], { cacheDir: null });
    expect(diagnostics).toEqual([]);
    expect(loaded.map((d) => d.deck).sort()).toEqual(['hypervisors', 'hypervisors-zh']);
  });
});
