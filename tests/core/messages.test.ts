import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/messages/en.js';
import { messagesFor, screenLanguage } from '../../src/core/messages/index.js';
import { zh } from '../../src/core/messages/zh.js';

/** Arguments for the functions that take more than numbers and strings. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'feedback.incomplete': [['“VSP”', '“VMBus”']],
  'quiz.interruptedLine': ['Quiz interrupted.', 2, 4, 1, 50, 'score so far 1/4 (25%)'],
  'quiz.intro': [{ questions: 2, decks: 'Deck', feedbackAtEnd: true, timeLimit: '1:00', passMark: 80, fewerThan: 5 }],
  'stats.parameters': [['sample'], ['other']],
  'stats.of': ['Reviews', 'sample'],
};

/** Every leaf of a catalogue as [path, value]; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (typeof value === 'function')
    return [[path, (value as (...args: unknown[]) => unknown)(...(SAMPLE_ARGS[path] ?? [2, 3, 4, 5]))]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('the message catalogue', () => {
  // The `Messages` type makes tsc refuse a key missing in either language; this checks the values.
  it('English and Chinese have the same keys', () => {
    expect(leaves(zh).map(([p]) => p)).toEqual(leaves(en).map(([p]) => p));
  });

  it.each([
    ['en', en],
    ['zh', zh],
  ])('%s has no empty label', (_lang, messages) => {
    for (const [path, value] of leaves(messages)) {
      // English puts nothing after a page number ("Page 3"); Chinese does ("第 3 页").
      if (path === 'sheet.page[1]' && value === '') continue;
      // The heatmap labels Monday, Wednesday and Friday only, as GitHub does.
      if (/^stats\.weekdays\[[13456]\]$/.test(path) && value === '') continue;
      expect(typeof value === 'string' && value.length > 0 ? 'ok' : path).toBe('ok');
    }
  });

  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh_TW', 'zh'],
    ['ZH', 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('messagesFor(%j) is %s', (lang, expected) => {
    expect(messagesFor(lang).lang).toBe(expected);
  });

  it.each([
    ['--lang wins', 'zh', ['en'], 'zh'],
    ["the decks' language", undefined, ['zh', 'zh-CN'], 'zh'],
    ['one deck', undefined, ['zh'], 'zh'],
    ['decks of several languages: English', undefined, ['zh', 'en'], 'en'],
    ['no decks', undefined, [], 'en'],
  ])('screen language: %s', (_name, option, langs, expected) => {
    expect(messagesFor(screenLanguage(option, langs)).lang).toBe(expected);
  });
});
