import { en } from './en.js';
import type { Messages } from './types.js';
import { zh } from './zh.js';

export type { Messages, SheetStrings } from './types.js';

/**
 * The one message catalogue of the screens (`study`, `quiz`) and sheets (`print`): English and
 * Simplified Chinese. Picked by the primary subtag (`zh`, `zh-CN`, `zh_TW` all get Chinese);
 * any other language gets English.
 */
export function messagesFor(lang: string | undefined): Messages {
  return primaryTag(lang) === 'zh' ? zh : en;
}

export const ENGLISH: Messages = en;

function primaryTag(lang: string | undefined): string {
  return (lang ?? '').split(/[-_.]/)[0]!.toLowerCase();
}

/**
 * The language the screens speak: `--lang` when given; otherwise the decks' language when they
 * all share one (by primary subtag); decks of several languages together get English, the one
 * language every reader of a mixed session is likely to read.
 */
export function screenLanguage(option: string | undefined, deckLangs: readonly string[]): string {
  if (option !== undefined && option.trim() !== '') return option;
  const tags = new Set(deckLangs.map(primaryTag));
  return tags.size === 1 ? deckLangs[0]! : 'en';
}
