import { CARD_TYPES, cardTypeOf, type CardType, type Deck } from '../core/deck/schema.js';
import { hasErrors } from '../core/deck/diagnostic.js';
import { displayWidth, neutralizeControls, padEndDisplay } from '../core/text.js';
import { ExitError } from '../errors.js';
import { loadDecks } from '../io/decks.js';

export interface ListOptions {
  json?: boolean;
}

export interface DeckSummary {
  id: string;
  title: string;
  lang: string;
  file: string;
  cards: number;
  byType: Record<CardType, number>;
  tags: string[];
}

export function summarizeDeck(deck: Deck): DeckSummary {
  const byType = Object.fromEntries(CARD_TYPES.map((t) => [t, 0])) as Record<CardType, number>;
  for (const card of deck.cards) byType[cardTypeOf(card)]++;
  return { id: deck.deck, title: deck.title, lang: deck.lang, file: deck.file, cards: deck.cards.length, byType, tags: deck.tags ?? [] };
}

export async function runList(paths: string[], options: ListOptions, out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<void> {
  const { decks, diagnostics } = loadDecks(paths);
  const rows = decks.map(summarizeDeck);
  if (options.json) out(`${JSON.stringify(rows, null, 2)}\n`);
  else out(formatDeckTable(rows));
  if (hasErrors(diagnostics)) {
    const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    err(`${files.size} deck ${files.size === 1 ? 'file has' : 'files have'} problems and ${files.size === 1 ? 'is' : 'are'} not listed (${[...files].join(', ')}); run \`quizdeck validate\` to see them.\n`);
    throw new ExitError(1);
  }
}

export function formatDeckTable(rows: readonly DeckSummary[]): string {
  if (rows.length === 0) return 'No decks found.\n';
  const header = ['DECK', 'TITLE', 'LANG', 'CARDS', 'BASIC', 'CHOICE', 'T/F', 'CLOZE', 'TAGS'];
  const body = rows.map((r) => [r.id, r.title, r.lang, String(r.cards), String(r.byType.basic), String(r.byType.choice), String(r.byType.truefalse), String(r.byType.cloze), r.tags.join(', ')].map(neutralizeControls));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padEndDisplay(c, widths[i]!))).join('  ').trimEnd();
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}
