import { ENGLISH, type Messages } from '../messages/index.js';
import type { StudyItem } from './items.js';
import type { CardType } from './types.js';

/**
 * Which cards a command uses: `--tag`, `--section`, `--type` and `--deck`, each a list of which
 * any value matches; an empty list does not filter. A card's items all pass or all fail, so the
 * same filter applies to cards, to their outlines (before their text is read) and to items.
 */
export interface DeckFilter {
  readonly tags: readonly string[];
  readonly sections: readonly string[];
  readonly types: readonly CardType[];
  /** Deck ids. */
  readonly decks?: readonly string[];
}

/** What a filter looks at: a card, a card's outline, or an item (whose `card` gives the type). */
export interface Filterable {
  readonly tags?: readonly string[];
  readonly section?: string;
  readonly type?: CardType;
}

// Tags, sections and deck ids are typed by hand on the command line; "Hyper-V" should find "hyper-v".
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The filter as one test, folded once: `matches(deckId, card)`. */
export function cardMatcher(filter: DeckFilter): (deckId: string, card: Filterable) => boolean {
  const tags = new Set(filter.tags.map(fold));
  const sections = new Set(filter.sections.map(fold));
  const types = new Set(filter.types);
  const decks = new Set((filter.decks ?? []).map(fold));
  return (deckId, card) =>
    (decks.size === 0 || decks.has(fold(deckId))) &&
    (tags.size === 0 || (card.tags ?? []).some((t) => tags.has(fold(t)))) &&
    (sections.size === 0 || (card.section !== undefined && sections.has(fold(card.section)))) &&
    (types.size === 0 || types.has(card.type ?? 'basic'));
}

/** Items passing every given filter; within one filter any listed value matches. */
export function filterItems(items: readonly StudyItem[], filter: DeckFilter): StudyItem[] {
  const matches = cardMatcher(filter);
  return items.filter((item) => matches(item.deckId, item.card));
}

/** The sentence for filters that leave nothing, naming what does exist. */
export function describeNoMatch(items: readonly StudyItem[], filter: DeckFilter, m: Messages = ENGLISH): string {
  const q = m.quiz;
  const decks = filter.decks ?? [];
  const given = [
    ...decks.map((d) => `--deck ${d}`),
    ...filter.tags.map((t) => `--tag ${t}`),
    ...filter.sections.map((s) => `--section ${s}`),
    ...filter.types.map((t) => `--type ${t}`),
  ];
  const known = (values: Iterable<string>) => [...new Set(values)].sort().slice(0, 12).join(', ') || q.none;
  const hint: string[] = [];
  const colon = m.sheet.colon;
  if (decks.length > 0) hint.push(`${q.decks}${colon}${known(items.map((i) => i.deckId))}`);
  if (filter.tags.length > 0) hint.push(`${q.tags}${colon}${known(items.flatMap((i) => i.tags))}`);
  if (filter.sections.length > 0)
    hint.push(`${q.sections}${colon}${known(items.flatMap((i) => (i.section ? [i.section] : [])))}`);
  if (filter.types.length > 0) hint.push(`${q.cardTypes}${colon}${known(items.map((i) => i.card.type ?? 'basic'))}`);
  return q.noMatch(given.join(' '), hint.join(m.listSeparator));
}
