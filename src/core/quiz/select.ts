import type { StudyItem } from '../deck/items.js';
import type { CardType } from '../deck/schema.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import { createRng, shuffle } from '../random.js';

export interface QuestionFilter {
  tags: readonly string[];
  sections: readonly string[];
  types: readonly CardType[];
}

// Tags and sections are typed by hand on the command line; "Hyper-V" should find "hyper-v".
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Items passing every given filter; within one filter any listed value matches. */
export function filterItems(items: readonly StudyItem[], filter: QuestionFilter): StudyItem[] {
  const tags = new Set(filter.tags.map(fold));
  const sections = new Set(filter.sections.map(fold));
  const types = new Set(filter.types);
  return items.filter(
    (item) =>
      (tags.size === 0 || item.tags.some((t) => tags.has(fold(t)))) &&
      (sections.size === 0 || (item.section !== undefined && sections.has(fold(item.section)))) &&
      (types.size === 0 || types.has(item.card.type ?? 'basic')),
  );
}

/**
 * `count` items in quiz order, the same for the same seed and items. Items of cards not yet
 * chosen come first, so a quiz asks a card's reverse or its second cloze deletion only when
 * there are not enough distinct cards: asking both directions would give the answer away.
 */
export function selectQuestions(items: readonly StudyItem[], count: number, seed: string): StudyItem[] {
  const shuffled = shuffle(items, createRng(`${seed}:questions`));
  const seen = new Set<string>();
  const first: StudyItem[] = [];
  const repeats: StudyItem[] = [];
  for (const item of shuffled) {
    const card = `${item.deckId}\u0000${item.cardId}`;
    (seen.has(card) ? repeats : first).push(item);
    seen.add(card);
  }
  return [...first, ...repeats].slice(0, count);
}

/** The sentence for filters that leave nothing to ask, naming what does exist. */
export function describeNoMatch(items: readonly StudyItem[], filter: QuestionFilter, m: Messages = ENGLISH): string {
  const q = m.quiz;
  const given = [...filter.tags.map((t) => `--tag ${t}`), ...filter.sections.map((s) => `--section ${s}`), ...filter.types.map((t) => `--type ${t}`)];
  const known = (values: Iterable<string>) => [...new Set(values)].sort().slice(0, 12).join(', ') || q.none;
  const hint: string[] = [];
  const colon = m.sheet.colon;
  if (filter.tags.length > 0) hint.push(`${q.tags}${colon}${known(items.flatMap((i) => i.tags))}`);
  if (filter.sections.length > 0) hint.push(`${q.sections}${colon}${known(items.flatMap((i) => (i.section ? [i.section] : [])))}`);
  if (filter.types.length > 0) hint.push(`${q.cardTypes}${colon}${known(items.map((i) => i.card.type ?? 'basic'))}`);
  return q.noMatch(given.join(' '), hint.join(m.listSeparator));
}
