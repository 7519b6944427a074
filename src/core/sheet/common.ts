import { stepsText } from '../order.js';
import {
  choiceLetter,
  orderLetters,
  type ClozeSegment,
  type QuestionBody,
  type Sheet,
  type SheetVersion,
} from './model.js';
import { alsoAcceptedNote, trueFalseWord, type SheetStrings } from './strings.js';

/**
 * The key entry as one line of text: "B", "A, C", "True", the answer, or "(1) x; (2) y". A
 * basic answer's alternatives are not part of it: see `keyAlsoAccepted`.
 */
export function keyAnswerText(body: QuestionBody, s: SheetStrings): string {
  switch (body.type) {
    case 'basic':
      return body.answer;
    case 'choice':
      return body.correct.map(choiceLetter).join(', ');
    case 'truefalse':
      return trueFalseWord(body.correct, s);
    case 'cloze':
      return body.answers.length === 1
        ? body.answers[0]!
        : body.answers.map((a, i) => `(${i + 1}) ${a}`).join(s.listSeparator);
    case 'order':
      return orderLetters(body).join(', ');
  }
}

/** After an order question's letters in the key: the steps in the right order, " (BIOS → Xen → Dom0)". */
export function keyOrderSteps(body: QuestionBody, s: SheetStrings): string {
  if (body.type !== 'order') return '';
  const inOrder: string[] = [];
  body.rank.forEach((place, i) => (inOrder[place] = body.steps[i]!));
  return `${s.parens[0]}${stepsText(inOrder)}${s.parens[1]}`;
}

/** " (also accepted: x; y)" after a basic question's answer in the key; '' for anything else. */
export function keyAlsoAccepted(body: QuestionBody, s: SheetStrings): string {
  return body.type === 'basic' ? alsoAcceptedNote(body.accept, s) : '';
}

/** The cloze text with each blank drawn by `blank` and the literal text passed through `text`. */
export function renderClozeSegments(
  segments: readonly ClozeSegment[],
  blank: (n: number, hint: string | undefined) => string,
  text: (t: string) => string = (t) => t,
): string {
  return segments.map((seg) => ('text' in seg ? text(seg.text) : blank(seg.blank, seg.hint))).join('');
}

/** The pieces of a sheet in print order: each version's questions, then its key (by --answers). */
export interface SheetPart {
  kind: 'questions' | 'key';
  version: SheetVersion;
}

export function sheetParts(sheet: Sheet): SheetPart[] {
  return sheet.versions.flatMap((version): SheetPart[] => {
    switch (sheet.answers) {
      case 'end':
        return [
          { kind: 'questions', version },
          { kind: 'key', version },
        ];
      case 'only':
        return [{ kind: 'key', version }];
      case 'inline':
      case 'none':
        return [{ kind: 'questions', version }];
    }
  });
}
