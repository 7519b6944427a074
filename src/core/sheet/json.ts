import { renderClozeSegments } from './common.js';
import { answerOf, type Sheet, type SheetQuestion } from './model.js';
import { sheetStrings, type SheetStrings } from './strings.js';

export interface JsonSheetQuestion {
  number: number;
  type: string;
  prompt: string;
  choices?: string[];
  /** For an order question: the steps as printed (lettered A, B, C...); `answer` lists their letters in the right order. */
  steps?: string[];
  /** For a choice question: several choices are right ("Choose all that apply"). */
  multiple?: boolean;
  /** A choice's letter (or letters), true/false, the answer text, or a cloze card's blanks in order. */
  answer: string | string[] | boolean;
  /** For a basic question: other answers accepted when typed (`accept`). */
  accept?: string[];
  why?: string;
}

export interface JsonSheet {
  title: string;
  seed: string;
  date?: string;
  versions: { label: string; questions: JsonSheetQuestion[] }[];
}

/** The sheet as data for other tools; --answers does not apply: the answers are always there. */
export function sheetToJson(sheet: Sheet): JsonSheet {
  return {
    title: sheet.title,
    seed: sheet.seed,
    ...(sheet.date === undefined ? {} : { date: sheet.date }),
    versions: sheet.versions.map((v) => ({
      label: v.label,
      questions: v.questions.map((q) => questionJson(q, sheetStrings(sheet.lang))),
    })),
  };
}

function questionJson(q: SheetQuestion, s: SheetStrings): JsonSheetQuestion {
  const body = q.body;
  let prompt =
    body.type === 'cloze'
      ? renderClozeSegments(body.segments, (n, hint) => `(${n}) ____${hint === undefined ? '' : ` [${hint}]`}`)
      : body.prompt;
  // A reverse card's prompt is the card's answer; without the lead-in it is not a question.
  if (body.type === 'basic' && body.reverse) prompt = `${s.reversePrompt} ${prompt}`;
  return {
    number: q.number,
    type: body.type,
    prompt,
    ...(body.type === 'choice' ? { choices: body.choices, multiple: body.multiple } : {}),
    ...(body.type === 'order' ? { steps: body.steps } : {}),
    answer: answerOf(body),
    ...(body.type === 'basic' && body.accept.length > 0 ? { accept: body.accept } : {}),
    ...(q.why === undefined ? {} : { why: q.why }),
  };
}

export function renderSheetJson(sheet: Sheet): string {
  return `${JSON.stringify(sheetToJson(sheet), null, 2)}\n`;
}
