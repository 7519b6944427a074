import { displayWidth, neutralizeControls, wrapText } from '../text.js';
import { keyAlsoAccepted, keyAnswerText, keyOrderSteps, renderClozeSegments, sheetParts } from './common.js';
import { orderStrings } from './order-strings.js';
import { choiceLetter, showsVersionLabels, type Sheet, type SheetQuestion, type SheetVersion } from './model.js';
import { sheetStrings, type SheetStrings } from './strings.js';

/** Plain-text sheets are set for 80-column terminals and line printers. */
const WIDTH = 78;
const INDENT = '    ';
/** Form feed: line printers and `pr` start a new page on it, as a key should. */
const PAGE_BREAK = '\f\n';

/** Plain text; card text has control characters neutralised so it is safe in a terminal. */
export function renderSheetText(sheet: Sheet): string {
  const s = sheetStrings(sheet.lang);
  const parts = sheetParts(sheet).map((part) =>
    part.kind === 'questions' ? questionsText(sheet, part.version, s) : keyText(sheet, part.version, s),
  );
  return parts.join(PAGE_BREAK);
}

function clean(text: string): string {
  return neutralizeControls(text);
}

/** `first` before the first line, INDENT before the others, wrapped by display width. */
function hanging(text: string, first: string, rest = INDENT): string[] {
  const lines = wrapText(clean(text), WIDTH - displayWidth(rest));
  return lines.map((line, i) => `${i === 0 ? first : rest}${line}`.trimEnd());
}

function heading(sheet: Sheet, version: SheetVersion, s: SheetStrings, subtitle?: string): string[] {
  const label = [subtitle, showsVersionLabels(sheet) ? s.version(version.label) : undefined]
    .filter(Boolean)
    .join(' — ');
  const title = clean(sheet.title);
  const gap = WIDTH - displayWidth(title) - displayWidth(label);
  const first = label === '' ? title : gap >= 2 ? title + ' '.repeat(gap) + label : `${title}\n${label}`;
  return [first, s.seed(clean(sheet.seed)), ''];
}

function questionsText(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const date = sheet.date === undefined ? '______________' : clean(sheet.date);
  const lines = [
    ...heading(sheet, version, s),
    `${s.name}${s.colon}______________________________  ${s.date}${s.colon}${date}  ${s.score}${s.colon}_____ / ${version.questions.length}`,
    '',
  ];
  for (const q of version.questions) {
    pushAll(lines, questionText(q, s, sheet.answers === 'inline'));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** push(...lines) passes every line as an argument: a 10 MB word wrapped into 141k lines overflowed the stack. */
function pushAll(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

function numberPrefix(n: number): string {
  return `${String(n).padStart(2)}. `;
}

function questionText(q: SheetQuestion, s: SheetStrings, inline: boolean): string[] {
  const body = q.body;
  const first = numberPrefix(q.number);
  const out: string[] = [];
  switch (body.type) {
    case 'basic':
      if (body.reverse) {
        out.push(`${first}${s.reversePrompt}`);
        pushAll(out, hanging(body.prompt, INDENT));
      } else pushAll(out, hanging(body.prompt, first));
      if (!inline)
        out.push(`${INDENT}${'_'.repeat(WIDTH - INDENT.length)}`, '', `${INDENT}${'_'.repeat(WIDTH - INDENT.length)}`);
      break;
    case 'choice': {
      pushAll(out, hanging(body.prompt, first));
      // Several right answers: said in words, and a box to tick before each letter.
      if (body.multiple) out.push(`${INDENT}(${s.chooseAll})`);
      const box = body.multiple ? '[ ] ' : '';
      body.choices.forEach((c, i) =>
        pushAll(out, hanging(c, `${INDENT}${box}${choiceLetter(i)}. `, `${INDENT}${' '.repeat(box.length)}   `)),
      );
      break;
    }
    case 'truefalse':
      pushAll(out, hanging(body.prompt, first));
      out.push(`${INDENT}${s.trueWord} / ${s.falseWord}`);
      break;
    case 'cloze':
      pushAll(
        out,
        hanging(
          renderClozeSegments(body.segments, (n, hint) => `(${n})________${hint === undefined ? '' : ` [${hint}]`}`),
          first,
        ),
      );
      break;
    case 'order':
      // A box before each step to write its place in: 1, 2, 3...
      pushAll(out, hanging(body.prompt, first));
      out.push(`${INDENT}(${orderStrings(q.lang).numberSteps})`);
      body.steps.forEach((step, i) =>
        pushAll(out, hanging(step, `${INDENT}[  ] ${choiceLetter(i)}. `, `${INDENT}        `)),
      );
      break;
  }
  if (inline) pushAll(out, keyLines(q, s, `${INDENT}${s.answer}${s.colon}`, INDENT));
  return out;
}

function keyLines(q: SheetQuestion, s: SheetStrings, first: string, rest: string): string[] {
  const body = q.body;
  let answer = keyAnswerText(body, s) + keyAlsoAccepted(body, s) + keyOrderSteps(body, s);
  if (body.type === 'choice')
    answer += `${s.parens[0]}${body.correct.map((i) => body.choices[i]!).join(s.listSeparator)}${s.parens[1]}`;
  const lines = hanging(answer, first, rest);
  if (q.why !== undefined) pushAll(lines, hanging(`${s.why}${s.colon}${q.why}`, rest, rest));
  return lines;
}

function keyText(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const lines = heading(sheet, version, s, s.answerKey);
  for (const q of version.questions) pushAll(lines, keyLines(q, s, numberPrefix(q.number), INDENT));
  return `${lines.join('\n')}\n`;
}
