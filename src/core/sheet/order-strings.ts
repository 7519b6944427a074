import { messagesFor, type SheetStrings } from '../messages/index.js';

/** The words an order question prints, by the deck's language, from the message catalogue. */
export type OrderStrings = Pick<SheetStrings, 'numberSteps'>;

export function orderStrings(lang: string): OrderStrings {
  return messagesFor(lang).sheet;
}
