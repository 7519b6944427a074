export type Severity = 'error' | 'warning';

/** One problem found in a deck file, pointing at the exact node (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
