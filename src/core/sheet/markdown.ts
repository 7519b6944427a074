import { neutralizeControls } from '../text.js';
import { keyAlsoAccepted, keyAnswerText, keyOrderSteps, renderClozeSegments, sheetParts } from './common.js';
import { orderStrings } from './order-strings.js';
import { choiceLetter, showsVersionLabels, type Sheet, type SheetQuestion, type SheetVersion } from './model.js';
import { sheetStrings, type SheetStrings } from './strings.js';

/**
 * Card text as literal Markdown text. Inline syntax (emphasis, code, links, HTML, tables,
 * strikethrough, entities) is backslash-escaped everywhere; block syntax (headings, quotes,
 * list markers) only where a line starts, which keeps the raw file readable. Line breaks
 * become hard breaks so a multi-line prompt stays inside its list item.
 */
export function escapeMarkdown(text: string): string {
  return neutralizeControls(text)
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\\\n   ');
}

export function renderSheetMarkdown(sheet: Sheet): string {
  const s = sheetStrings(sheet.lang);
  const parts = sheetParts(sheet).map((part) =>
    part.kind === 'questions' ? questionsMd(sheet, part.version, s) : keyMd(sheet, part.version, s),
  );
  return `${parts.join('\n---\n\n')}`;
}

function subtitle(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const label = showsVersionLabels(sheet) ? `**${s.version(version.label)}** · ` : '';
  return `${label}${escapeMarkdown(s.seed(sheet.seed))}`;
}

function questionsMd(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  // Underscore runs between spaces cannot open emphasis in CommonMark, so they stay unescaped.
  const date = sheet.date === undefined ? '____________' : escapeMarkdown(sheet.date);
  const fields = `${s.name}${s.colon}________________________ ${s.date}${s.colon}${date} ${s.score}${s.colon}______ / ${version.questions.length}`;
  const items = version.questions.map((q) => questionMd(q, s, sheet.answers === 'inline'));
  return `# ${escapeMarkdown(sheet.title)}\n\n${subtitle(sheet, version, s)}\n\n${fields}\n\n${items.join('\n')}`;
}

function questionMd(q: SheetQuestion, s: SheetStrings, inline: boolean): string {
  const body = q.body;
  const lines: string[] = [];
  switch (body.type) {
    case 'basic':
      lines.push(
        body.reverse
          ? `${escapeMarkdown(s.reversePrompt)} ${escapeMarkdown(body.prompt)}`
          : escapeMarkdown(body.prompt),
      );
      break;
    case 'choice':
      // Several right answers: said in words, and task-list boxes to tick.
      lines.push(
        escapeMarkdown(body.prompt),
        ...(body.multiple ? ['', `   *${s.chooseAll}*`] : []),
        '',
        ...body.choices.map(
          (c, i) => `   - ${body.multiple ? '[ ] ' : ''}**${choiceLetter(i)}.** ${escapeMarkdown(c)}`,
        ),
      );
      break;
    case 'truefalse':
      lines.push(escapeMarkdown(body.prompt), '', `   ${s.trueWord} / ${s.falseWord}`);
      break;
    case 'order':
      // A box before each step to write its place in.
      lines.push(
        escapeMarkdown(body.prompt),
        '',
        `   *${orderStrings(q.lang).numberSteps}*`,
        '',
        ...body.steps.map((step, i) => `   - \\[   \\] **${choiceLetter(i)}.** ${escapeMarkdown(step)}`),
      );
      break;
    case 'cloze':
      lines.push(
        renderClozeSegments(
          body.segments,
          (n, hint) =>
            `**(${n})** \\_\\_\\_\\_\\_\\_\\_\\_${hint === undefined ? '' : ` \\[${escapeMarkdown(hint)}\\]`}`,
          escapeMarkdown,
        ),
      );
      break;
  }
  if (inline) lines.push('', `   > **${s.answer}${s.colon.trimEnd()}** ${keyEntryMd(q, s)}`);
  return `${q.number}. ${lines.join('\n')}\n`;
}

function keyEntryMd(q: SheetQuestion, s: SheetStrings): string {
  const body = q.body;
  let answer = `**${escapeMarkdown(keyAnswerText(body, s))}**${escapeMarkdown(keyAlsoAccepted(body, s) + keyOrderSteps(body, s))}`;
  if (body.type === 'choice')
    answer += `${s.parens[0]}${escapeMarkdown(body.correct.map((i) => body.choices[i]!).join(s.listSeparator))}${s.parens[1]}`;
  return q.why === undefined ? answer : `${answer} — *${s.why}${s.colon.trimEnd()}* ${escapeMarkdown(q.why)}`;
}

function keyMd(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const heading = showsVersionLabels(sheet) ? `${s.answerKey} — ${s.version(version.label)}` : s.answerKey;
  const items = version.questions.map((q) => `${q.number}. ${keyEntryMd(q, s)}`);
  return `# ${escapeMarkdown(sheet.title)}\n\n## ${heading}\n\n${subtitle(sheet, version, s)}\n\n${items.join('\n')}\n`;
}
