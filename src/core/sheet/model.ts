/**
 * The question-sheet model: what is printed, independent of the output format. Built once
 * from decks and a seed (select.ts, versions.ts), then rendered by pure string functions.
 */

export const ANSWER_MODES = ['end', 'inline', 'none', 'only'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Versions are lettered A–Z; more would not fit the labels teachers write on the board. */
export const MAX_VERSIONS = 26;

/** A cloze question's text, with each deletion replaced by a numbered blank. */
export type ClozeSegment = { text: string } | { blank: number; hint?: string };

export type QuestionBody =
  | { type: 'basic'; prompt: string; answer: string; accept: string[]; reverse: boolean }
  /** `multiple`: several choices are right, so the sheet says "Choose all that apply" and boxes the letters. */
  | { type: 'choice'; prompt: string; choices: string[]; correct: number[]; multiple: boolean }
  | { type: 'truefalse'; prompt: string; correct: boolean }
  | { type: 'cloze'; segments: ClozeSegment[]; answers: string[] }
  /** `steps` as printed (lettered A, B, C...); `rank[i]`: the place of step i in the right order (0-based). */
  | { type: 'order'; prompt: string; steps: string[]; rank: number[] };

/** A question as selected from the decks, before a version orders it. */
export interface BaseQuestion {
  /** The study item key (`card-id`, `card-id:reverse`) or, for a cloze card, the card id. */
  key: string;
  deckId: string;
  lang: string;
  tags: string[];
  section?: string;
  why?: string;
  body: QuestionBody;
}

export interface SheetQuestion extends BaseQuestion {
  number: number;
}

export interface SheetVersion {
  label: string;
  questions: SheetQuestion[];
}

export interface Sheet {
  title: string;
  lang: string;
  seed: string;
  date?: string;
  paper: PaperSize;
  answers: AnswerMode;
  versions: SheetVersion[];
}

/** A, B, ... Z. */
export function versionLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The letter of choice `index`: A, B, C... (choices beyond Z continue as AA, AB). */
export function choiceLetter(index: number): string {
  return index < 26
    ? String.fromCharCode(65 + index)
    : choiceLetter(Math.floor(index / 26) - 1) + choiceLetter(index % 26);
}

/** The key entry of a question: letters for a choice, True/False, or the answer text(s). */
export function answerOf(body: QuestionBody): string | string[] | boolean {
  switch (body.type) {
    case 'basic':
      return body.answer;
    case 'choice': {
      const letters = body.correct.map(choiceLetter);
      return letters.length === 1 ? letters[0]! : letters;
    }
    case 'truefalse':
      return body.correct;
    case 'cloze':
      return body.answers;
    case 'order':
      return orderLetters(body);
  }
}

/** The letters of an order question's steps in the right order: `['C', 'A', 'D', 'B']`. */
export function orderLetters(body: Extract<QuestionBody, { type: 'order' }>): string[] {
  const letters: string[] = [];
  body.rank.forEach((place, i) => (letters[place] = choiceLetter(i)));
  return letters;
}

/** Only one version is printed: its label would be noise on the page. */
export function showsVersionLabels(sheet: Sheet): boolean {
  return sheet.versions.length > 1;
}
