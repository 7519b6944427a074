import type { Diagnostic } from './diagnostic.js';

export type ReportFormat = 'text' | 'json' | 'github';

export interface Paint {
  error(s: string): string;
  warning(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
}

const plain: Paint = { error: (s) => s, warning: (s) => s, dim: (s) => s, ok: (s) => s };

/** `FILE:LINE:COL  severity  rule  message` per problem, then a summary line. */
export function formatText(diagnostics: readonly Diagnostic[], fileCount: number, paint: Paint = plain): string {
  const lines = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity === 'error' ? paint.error('error') : paint.warning('warning')}  ${paint.dim(d.rule)}  ${d.message}`);
  lines.push(summary(diagnostics, fileCount, paint));
  return `${lines.join('\n')}\n`;
}

export function summary(diagnostics: readonly Diagnostic[], fileCount: number, paint: Paint = plain): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const checked = `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked`;
  if (diagnostics.length === 0) return paint.ok(`✔ ${checked}, no problems`);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const text = `✖ ${plural(diagnostics.length, 'problem')} (${counts}) in ${plural(files, 'file')}; ${checked}`;
  return errors > 0 ? paint.error(text) : paint.warning(text);
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })), null, 2)}\n`;
}

/** GitHub Actions workflow commands, so problems show as annotations on the pull request. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return diagnostics.map((d) => `::${d.severity} file=${prop(d.file)},line=${d.line},col=${d.column},title=${prop(d.rule)}::${data(d.message)}\n`).join('');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
