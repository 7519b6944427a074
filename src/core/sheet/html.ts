import { keyAlsoAccepted, keyAnswerText, keyOrderSteps, renderClozeSegments, sheetParts } from './common.js';
import { orderStrings } from './order-strings.js';
import { sheetCss, pageName } from './html-style.js';
import { choiceLetter, showsVersionLabels, type Sheet, type SheetQuestion, type SheetVersion } from './model.js';
import { sheetStrings, type SheetStrings } from './strings.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNSAFE = /[&<>"']/;
const UNSAFE_ALL = /[&<>"']/g;

/** Card text is data, never markup: every piece goes through this. */
export function escapeHtml(text: string): string {
  // Most card text has nothing to escape; testing first skips building a new string.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ESCAPES[c]!) : text;
}

/** One self-contained HTML file: inline CSS, no scripts, no external resources. */
export function renderSheetHtml(sheet: Sheet): string {
  const s = sheetStrings(sheet.lang);
  const parts = sheetParts(sheet).map((part) =>
    part.kind === 'questions' ? questionsPart(sheet, part.version, s) : keyPart(sheet, part.version, s),
  );
  return `<!DOCTYPE html>
<html lang="${escapeHtml(sheet.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="quizdeck">
<title>${escapeHtml(sheet.title)}</title>
<style>
${sheetCss(sheet)}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

function partOpen(sheet: Sheet, version: SheetVersion, kind: string): string {
  const named = showsVersionLabels(sheet) ? ` ${pageName(version.label)}` : '';
  return `<section class="part ${kind}${named}" data-version="${version.label}">`;
}

function meta(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const label = showsVersionLabels(sheet) ? `<span class="version">${escapeHtml(s.version(version.label))}</span>` : '';
  return `<p class="meta">${label}<span class="seed">${escapeHtml(s.seed(sheet.seed))}</span></p>`;
}

function questionsPart(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const date = sheet.date === undefined ? '<span class="fill"></span>' : `<span>${escapeHtml(sheet.date)}</span>`;
  const fields = `<div class="fields"><span class="field name">${s.name}${s.colon}<span class="fill"></span></span><span class="field">${s.date}${s.colon}${date}</span><span class="field">${s.score}${s.colon}<span class="fill score"></span> / ${version.questions.length}</span></div>`;
  const inline = sheet.answers === 'inline';
  const items = version.questions.map((q) => questionHtml(q, s, inline)).join('\n');
  return `${partOpen(sheet, version, 'questions')}
<header><h1>${escapeHtml(sheet.title)}</h1>${meta(sheet, version, s)}${fields}</header>
<ol class="questions">
${items}
</ol>
</section>`;
}

function questionHtml(q: SheetQuestion, s: SheetStrings, inline: boolean): string {
  const answer = inline ? `<p class="inline-answer"><b>${s.answer}${s.colon}</b>${keyEntryHtml(q, s)}</p>` : '';
  return `<li class="q q-${q.body.type}"><span class="num">${q.number}.</span><div class="body">${bodyHtml(q, s, !inline)}${answer}</div></li>`;
}

/** `lines`: answer lines under a basic question; a sheet with the answers inline needs none. */
function bodyHtml(q: SheetQuestion, s: SheetStrings, lines: boolean): string {
  const body = q.body;
  switch (body.type) {
    case 'basic': {
      const lead = body.reverse ? `<span class="lead">${escapeHtml(s.reversePrompt)}</span>` : '';
      return `<p class="prompt">${lead}${escapeHtml(body.prompt)}</p>${lines ? '<div class="lines"><span></span><span></span></div>' : ''}`;
    }
    case 'choice': {
      const choices = body.choices
        .map((c, i) => `<li><span class="letter">${choiceLetter(i)}</span><span>${escapeHtml(c)}</span></li>`)
        .join('');
      // Several right answers: said in words, and square boxes instead of circles.
      if (body.multiple)
        return `<p class="prompt">${escapeHtml(body.prompt)}</p><p class="choose-all">${escapeHtml(s.chooseAll)}</p><ol class="choices multiple">${choices}</ol>`;
      return `<p class="prompt">${escapeHtml(body.prompt)}</p><ol class="choices">${choices}</ol>`;
    }
    case 'truefalse':
      return `<p class="prompt">${escapeHtml(body.prompt)}</p><p class="tf">${s.trueWord} / ${s.falseWord}</p>`;
    case 'order': {
      // A square box before each step to write its place in.
      const steps = body.steps
        .map(
          (step, i) =>
            `<li><span class="box"></span><span class="step-letter">${choiceLetter(i)}.</span><span>${escapeHtml(step)}</span></li>`,
        )
        .join('');
      return `<p class="prompt">${escapeHtml(body.prompt)}</p><p class="number-steps">${escapeHtml(orderStrings(q.lang).numberSteps)}</p><ol class="steps">${steps}</ol>`;
    }
    case 'cloze': {
      const text = renderClozeSegments(
        body.segments,
        (n, hint) =>
          `<span class="blank"><span class="n">(${n})</span><span class="gap"></span></span>${hint === undefined ? '' : `<span class="hint"> [${escapeHtml(hint)}]</span>`}`,
        escapeHtml,
      );
      return `<p class="prompt">${text}</p>`;
    }
  }
}

function keyEntryHtml(q: SheetQuestion, s: SheetStrings): string {
  const body = q.body;
  let answer = `<span class="key-answer">${escapeHtml(keyAnswerText(body, s))}</span>`;
  const also = keyAlsoAccepted(body, s);
  if (also !== '') answer += `<span class="also">${escapeHtml(also)}</span>`;
  const steps = keyOrderSteps(body, s);
  if (steps !== '') answer += `<span class="choice-text">${escapeHtml(steps)}</span>`;
  if (body.type === 'choice') {
    const texts = body.correct.map((i) => body.choices[i]!).join(s.listSeparator);
    answer += ` <span class="choice-text">${s.parens[0].trim()}${escapeHtml(texts)}${s.parens[1]}</span>`;
  }
  const why = q.why === undefined ? '' : `<span class="why"><b>${s.why}${s.colon}</b>${escapeHtml(q.why)}</span>`;
  return answer + why;
}

function keyPart(sheet: Sheet, version: SheetVersion, s: SheetStrings): string {
  const heading = showsVersionLabels(sheet) ? `${s.answerKey} — ${s.version(version.label)}` : s.answerKey;
  const items = version.questions
    .map((q) => `<li class="q"><span class="num">${q.number}.</span><div class="body">${keyEntryHtml(q, s)}</div></li>`)
    .join('\n');
  return `${partOpen(sheet, version, 'key')}
<header><h1>${escapeHtml(sheet.title)}</h1><h2>${escapeHtml(heading)}</h2>${meta(sheet, version, s)}</header>
<ol class="key">
${items}
</ol>
</section>`;
}
