import { clozeDeletions } from './cloze.js';
import { quoteText, type Diagnostic } from './diagnostic.js';
import type { Card, Deck } from './schema.js';
import { cardTypeOf } from './types.js';

/**
 * Decks that are translations of one another (`translates: <deck id>` on the translation) form
 * a group; with no path, the commands use one deck of each group, in the person's language,
 * so a first session is not the same question asked twice (issue 11).
 */
export function translationGroup(deck: Pick<Deck, 'deck' | 'translates'>): string {
  return deck.translates ?? deck.deck;
}

/** The primary language subtag, lowercased: `zh-Hans` → `zh`, `en_US.UTF-8` → `en`. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_.@]/)[0]!.toLowerCase();
}

/**
 * The languages a person asked for, most wanted first: `--lang`, then LANGUAGE (a list), LC_ALL,
 * LC_MESSAGES and LANG as gettext reads them, then English. `C` and `POSIX` name no language.
 */
export function preferredLanguages(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const named = [option, ...(env.LANGUAGE ?? '').split(':'), env.LC_ALL, env.LC_MESSAGES, env.LANG];
  const tags = named.flatMap((value) => (value && !/^(C|POSIX)([._@]|$)/i.test(value) ? [primaryLanguage(value)] : []));
  return [...new Set([...tags, 'en'])];
}

/** One deck of each translation group: the first in the order of `languages`, else the group's first deck. */
export function pickLanguage<D extends Pick<Deck, 'deck' | 'lang' | 'translates'>>(
  decks: readonly D[],
  languages: readonly string[],
): D[] {
  const groups = new Map<string, D[]>();
  for (const deck of decks) {
    const group = groups.get(translationGroup(deck));
    if (group) group.push(deck);
    else groups.set(translationGroup(deck), [deck]);
  }
  const rank = (deck: D) => {
    const at = languages.indexOf(primaryLanguage(deck.lang));
    return at === -1 ? languages.length : at;
  };
  const chosen = new Set<D>();
  for (const group of groups.values())
    chosen.add(group.reduce((best, deck) => (rank(deck) < rank(best) ? deck : best)));
  return decks.filter((deck) => chosen.has(deck));
}

/** Where a deck's header key or a card is written, for diagnostics. */
export type LocateInDeck = (deck: Deck, cardId?: string) => { line: number; column: number };

/**
 * A translation must ask the same things: the same card ids, each of the same type, the same
 * correct positions among the same number of choices, the same true/false answer and as many
 * cloze deletions (errors); a card in only one of the two is a warning naming it.
 */
export function checkTranslations(decks: readonly Deck[], locate: LocateInDeck): Diagnostic[] {
  const byId = new Map(decks.map((d) => [d.deck, d]));
  const diagnostics: Diagnostic[] = [];
  for (const translation of decks) {
    if (translation.translates === undefined) continue;
    const original = byId.get(translation.translates);
    // Checked only when both files are loaded together (`quizdeck validate decks`).
    if (!original || original === translation) continue;
    const at = (cardId: string | undefined, severity: Diagnostic['severity'], rule: string, message: string) =>
      diagnostics.push({ file: translation.file, ...locate(translation, cardId), severity, rule, message });
    if (original.translates !== undefined) {
      at(
        undefined,
        'error',
        'translation-chain',
        `${quoteText(original.deck)} is itself a translation (of ${quoteText(original.translates)}); name the original deck in \`translates\``,
      );
      continue;
    }
    const originals = new Map(original.cards.map((c) => [c.id, c]));
    const here = new Set(translation.cards.map((c) => c.id));
    for (const card of translation.cards) {
      const source = originals.get(card.id);
      if (!source)
        at(
          card.id,
          'warning',
          'translation-missing-card',
          `card ${quoteText(card.id)} is not in ${quoteText(original.deck)}, which this deck translates`,
        );
      else {
        const problem = compareCards(source, card);
        if (problem)
          at(
            card.id,
            'error',
            'translation-mismatch',
            `card ${quoteText(card.id)} ${problem} than in ${quoteText(original.deck)} (${original.file})`,
          );
      }
    }
    for (const card of original.cards) {
      if (!here.has(card.id))
        at(
          undefined,
          'warning',
          'translation-missing-card',
          `card ${quoteText(card.id)} of ${quoteText(original.deck)} has no translation in this deck`,
        );
    }
  }
  return diagnostics;
}

/** How a translated card differs in what it asks, as the end of "card x … than in y", or undefined. */
function compareCards(original: Card, translation: Card): string | undefined {
  const type = cardTypeOf(original);
  if (cardTypeOf(translation) !== type) return `is of another type (${cardTypeOf(translation)}, not ${type})`;
  if ('choices' in original && 'choices' in translation) {
    if (original.choices.length !== translation.choices.length)
      return `has another number of choices (${translation.choices.length}, not ${original.choices.length})`;
    const right = (card: typeof original) => {
      const answers = new Set(Array.isArray(card.answer) ? card.answer : [card.answer]);
      return card.choices.flatMap((c, i) => (answers.has(c) ? [i + 1] : [])).join(',');
    };
    if (right(original) !== right(translation))
      return `has other correct choices (positions ${right(translation)}, not ${right(original)})`;
  }
  if ('steps' in original && 'steps' in translation && original.steps.length !== translation.steps.length)
    return `has another number of steps (${translation.steps.length}, not ${original.steps.length})`;
  if (type === 'truefalse' && 'answer' in original && 'answer' in translation && original.answer !== translation.answer)
    return `has the other true/false answer`;
  if ('text' in original && 'text' in translation) {
    const [a, b] = [clozeDeletions(original.text).length, clozeDeletions(translation.text).length];
    if (a !== b) return `has another number of cloze deletions (${b}, not ${a})`;
  }
  return undefined;
}

/**
 * Lines of each card id and header key in a deck file's text, found in one pass: enough for
 * diagnostics across files, which come after parsing and no longer have the YAML nodes.
 */
export function locateByText(text: string): (cardId?: string) => { line: number; column: number } {
  const cards = new Map<string, { line: number; column: number }>();
  let translates = { line: 1, column: 1 };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const card = /^(\s*-?\s*)id:\s*(["']?)(.*?)\2\s*(#.*)?$/.exec(line);
    if (card && !cards.has(card[3]!)) cards.set(card[3]!, { line: i + 1, column: card[1]!.length + 1 });
    if (/^translates:/.test(line)) translates = { line: i + 1, column: 1 };
  });
  return (cardId) => (cardId !== undefined && cards.get(cardId)) || translates;
}
