import { describe, expect, it } from 'vitest';
import { parseList } from '../../src/core/options.js';
import { parseStudyOptions } from '../../src/core/study/options.js';

describe('study options', () => {
  it('defaults: 20 new and 200 reviews a day, retention 0.9, days from 4 a.m., answers revealed', () => {
    expect(parseStudyOptions({})).toEqual({
      value: {
        newPerDay: 20,
        reviewsPerDay: 200,
        retention: 0.9,
        maximumIntervalDays: 36500,
        dayStartHour: 4,
        typed: false,
        deprecatedType: false,
        lang: undefined,
        tags: [],
        sections: [],
        decks: [],
        cram: false,
      },
    });
  });

  it.each([
    [{ new: '-1' }, '--new must be a whole number from 0 to 9999, not "-1"'],
    [{ new: '2.5' }, '--new must be a whole number from 0 to 9999, not "2.5"'],
    [{ new: '' }, '--new must be a whole number from 0 to 9999, not ""'],
    [{ reviews: 'many' }, '--reviews must be a whole number from 0 to 99999, not "many"'],
    [
      { retention: '0.5' },
      '--retention must be a number from 0.70 to 0.99 (the share of cards you want to remember), not "0.5"',
    ],
    [
      { retention: ' ' },
      '--retention must be a number from 0.70 to 0.99 (the share of cards you want to remember), not " "',
    ],
    [{ maxInterval: '0' }, '--max-interval must be a whole number from 1 to 36500, not "0"'],
    [{ dayStart: '24' }, '--day-start must be a whole number from 0 to 23, not "24"'],
  ])('%j: %s', (input, error) => {
    expect(parseStudyOptions(input)).toEqual({ error });
  });

  it('values, --typed and its old name --type (noted), lists', () => {
    const parsed = parseStudyOptions({
      new: '0',
      reviews: '50',
      retention: '0.85',
      maxInterval: '365',
      dayStart: '0',
      type: true,
      lang: 'zh',
      tag: ['xen,kvm', 'xen'],
      section: ['Xen'],
      deck: ['a'],
      cram: true,
    });
    expect(parsed).toEqual({
      value: {
        newPerDay: 0,
        reviewsPerDay: 50,
        retention: 0.85,
        maximumIntervalDays: 365,
        dayStartHour: 0,
        typed: true,
        deprecatedType: true,
        lang: 'zh',
        tags: ['xen', 'kvm'],
        sections: ['Xen'],
        decks: ['a'],
        cram: true,
      },
    });
    expect(parseStudyOptions({ typed: true, type: true })).toMatchObject({
      value: { typed: true, deprecatedType: false },
    });
  });

  it('lists: repeated or comma-separated, trimmed, each once', () => {
    expect(parseList([' a , b', 'b', '', ',c'])).toEqual(['a', 'b', 'c']);
    expect(parseList(undefined)).toEqual([]);
  });
});
