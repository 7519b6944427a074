import type { Card } from '../deck/schema.js';

/** Cards read from another tool's file, before they become a deck. */
export interface ImportedCards {
  cards: Card[];
  /** What was dropped or changed on the way, one line each (`line 4: sound a.mp3 dropped`). */
  messages: string[];
  /** The source's name for the deck (an Anki deck name), when it has one. */
  title?: string;
}
