import type { Card } from '../deck/schema.js';

/** Something of a card that an export format cannot hold, reported on stderr (never dropped silently). */
export interface Loss {
  deckId: string;
  cardId: string;
  /** What was left out, as a phrase: `why`, `a reverse direction`, `an order card`. */
  what: string;
  /** The whole card was left out (a card type the format has no form for). */
  whole?: boolean;
}

/** The output of a text exporter: the file's text and what it could not carry. */
export interface TextExport {
  text: string;
  losses: Loss[];
}

/** A card's type as written, `basic` when omitted; a type this build does not know is returned as is. */
export function rawCardType(card: Card): string {
  const type = (card as { type?: unknown }).type;
  return typeof type === 'string' ? type : 'basic';
}

const LISTED = 5;

/**
 * One line per kind of loss, naming the first few cards: a 10k-card deck whose every card has
 * a `why` gives one line, not ten thousand.
 */
export function describeLosses(format: string, losses: readonly Loss[]): string[] {
  const byWhat = new Map<string, Loss[]>();
  for (const loss of losses) {
    const list = byWhat.get(loss.what);
    if (list) list.push(loss);
    else byWhat.set(loss.what, [loss]);
  }
  return [...byWhat].map(([what, list]) => {
    const names = list.slice(0, LISTED).map((l) => `${l.deckId}/${l.cardId}`);
    const more = list.length > LISTED ? ` and ${list.length - LISTED} more` : '';
    const cards = list.length === 1 ? '1 card' : `${list.length} cards`;
    return `${format} cannot carry ${what}: left out of ${cards} (${names.join(', ')}${more})`;
  });
}
