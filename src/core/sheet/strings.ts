import { messagesFor, type Messages, type SheetStrings as CatalogueSheetStrings } from '../messages/index.js';

/** The sheet's own words, and the lead-in of a reverse card, which study and quiz say too. */
export type SheetStrings = CatalogueSheetStrings & Pick<Messages, 'reversePrompt'>;

const byLanguage = new Map<Messages['lang'], SheetStrings>();

/**
 * The words a sheet prints around the cards, from the one message catalogue (core/messages):
 * a Chinese deck gets a Chinese sheet, since a class that studies in Chinese should not get
 * "Name:" and "True / False" on its test.
 */
export function sheetStrings(lang: string): SheetStrings {
  const m = messagesFor(lang);
  let strings = byLanguage.get(m.lang);
  if (!strings) byLanguage.set(m.lang, (strings = { ...m.sheet, reversePrompt: m.reversePrompt }));
  return strings;
}

/** "(also accepted: x; y)" after a basic answer, or '' when it has no alternatives. */
export function alsoAcceptedNote(accept: readonly string[], s: SheetStrings): string {
  return accept.length === 0
    ? ''
    : `${s.parens[0]}${s.alsoAccepted}${s.colon}${accept.join(s.listSeparator)}${s.parens[1]}`;
}

export function trueFalseWord(value: boolean, s: SheetStrings): string {
  return value ? s.trueWord : s.falseWord;
}
