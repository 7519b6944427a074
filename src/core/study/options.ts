import { parseDayStart, parseList, parseRetention, parseWholeNumber, type Parsed } from '../options.js';
import { DEFAULT_SCHEDULER_OPTIONS } from '../schedule/fsrs.js';

/** What commander hands over for `quizdeck study`. */
export interface StudyOptionInput {
  new?: string;
  reviews?: string;
  retention?: string;
  maxInterval?: string;
  dayStart?: string;
  /** Type the answers of basic and cloze cards. */
  typed?: boolean;
  /** The old name of --typed (it read like quiz's and print's --type filter); still accepted, with a note. */
  type?: boolean;
  /** With no path: the language of the deck used from each translation group. */
  lang?: string;
  tag?: string[];
  section?: string[];
  deck?: string[];
  cram?: boolean;
}

export interface StudySettings {
  newPerDay: number;
  reviewsPerDay: number;
  retention: number;
  maximumIntervalDays: number;
  dayStartHour: number;
  typed: boolean;
  /** --type was used for --typed: the shell says it is now --typed. */
  deprecatedType: boolean;
  /** --lang: the screen's language when given (else the decks'). */
  lang?: string;
  tags: string[];
  sections: string[];
  decks: string[];
  cram: boolean;
}

export const DEFAULT_NEW_PER_DAY = 20;
export const DEFAULT_REVIEWS_PER_DAY = 200;

export function parseStudyOptions(input: StudyOptionInput): Parsed<StudySettings> {
  const newPerDay = parseWholeNumber(input.new, '--new', { min: 0, max: 9999, fallback: DEFAULT_NEW_PER_DAY });
  if ('error' in newPerDay) return newPerDay;
  const reviewsPerDay = parseWholeNumber(input.reviews, '--reviews', {
    min: 0,
    max: 99999,
    fallback: DEFAULT_REVIEWS_PER_DAY,
  });
  if ('error' in reviewsPerDay) return reviewsPerDay;
  const retention = parseRetention(input.retention, DEFAULT_SCHEDULER_OPTIONS.retention);
  if ('error' in retention) return retention;
  const maxInterval = parseWholeNumber(input.maxInterval, '--max-interval', {
    min: 1,
    max: 36500,
    fallback: DEFAULT_SCHEDULER_OPTIONS.maximumIntervalDays,
  });
  if ('error' in maxInterval) return maxInterval;
  const dayStart = parseDayStart(input.dayStart);
  if ('error' in dayStart) return dayStart;
  return {
    value: {
      newPerDay: newPerDay.value,
      reviewsPerDay: reviewsPerDay.value,
      retention: retention.value,
      maximumIntervalDays: maxInterval.value,
      dayStartHour: dayStart.value,
      typed: Boolean(input.typed ?? input.type),
      deprecatedType: Boolean(input.type && !input.typed),
      lang: input.lang,
      tags: parseList(input.tag),
      sections: parseList(input.section),
      decks: parseList(input.deck),
      cram: Boolean(input.cram),
    },
  };
}
