import { neutralizeLine } from '../text.js';
import { plainPaint as plain, type Paint } from '../paint.js';
import type { Diagnostic } from './diagnostic.js';

export type ReportFormat = 'text' | 'json' | 'github';

/*
 * File names and messages quote the deck's own text (keys, ids, answers): in text and github
 * output they go through neutralizeLine, so no escape sequence reaches the terminal or the CI
 * log and no line break forges another problem's line. JSON keeps them as data.
 */

/** `FILE:LINE:COL  severity  rule  message` per problem, then a summary line. */
export function formatText(diagnostics: readonly Diagnostic[], fileCount: number, paint: Paint = plain): string {
  const lines = diagnostics.map(
    (d) =>
      `${neutralizeLine(d.file)}:${d.line}:${d.column}  ${d.severity === 'error' ? paint.error('error') : paint.warning('warning')}  ${paint.dim(d.rule)}  ${neutralizeLine(d.message)}`,
  );
  lines.push(summary(diagnostics, fileCount, paint));
  return `${lines.join('\n')}\n`;
}

export function summary(diagnostics: readonly Diagnostic[], fileCount: number, paint: Paint = plain): string {
  // A file's problems past the cap are counted in its too-many-problems line, not listed.
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.omitted) {
      errors += d.omitted.errors;
      warnings += d.omitted.warnings;
    } else if (d.severity === 'error') errors++;
    else warnings++;
  }
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const checked = `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked`;
  if (diagnostics.length === 0) return paint.ok(`✔ ${checked}, no problems`);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const text = `✖ ${plural(errors + warnings, 'problem')} (${counts}) in ${plural(files, 'file')}; ${checked}`;
  return errors > 0 ? paint.error(text) : paint.warning(text);
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(
    diagnostics.map(({ file, line, column, severity, rule, message }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
    })),
    null,
    2,
  )}\n`;
}

/** GitHub Actions workflow commands, so problems show as annotations on the pull request. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const prop = (s: string) =>
    s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return diagnostics
    .map(
      (d) =>
        `::${d.severity} file=${prop(neutralizeLine(d.file))},line=${d.line},col=${d.column},title=${prop(d.rule)}::${data(neutralizeLine(d.message))}\n`,
    )
    .join('');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
