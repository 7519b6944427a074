import { messagesFor, type SheetStrings } from '../messages/index.js';

export type { SheetStrings };

/**
 * The words a sheet prints around the cards, from the one message catalogue (core/messages):
 * a Chinese deck gets a Chinese sheet, since a class that studies in Chinese should not get
 * "Name:" and "True / False" on its test.
 */
export function sheetStrings(lang: string): SheetStrings {
  return messagesFor(lang).sheet;
}

/** "(also accepted: x; y)" after a basic answer, or '' when it has no alternatives. */
export function alsoAcceptedNote(accept: readonly string[], s: SheetStrings): string {
  return accept.length === 0 ? '' : `${s.parens[0]}${s.alsoAccepted}${s.colon}${accept.join(s.listSeparator)}${s.parens[1]}`;
}

export function trueFalseWord(value: boolean, s: SheetStrings): string {
  return value ? s.trueWord : s.falseWord;
}
