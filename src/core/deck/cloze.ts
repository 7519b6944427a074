/** A cloze text split into literal text and `{{answer::hint}}` deletions. */
export type ClozePart =
  { kind: 'text'; text: string } | { kind: 'deletion'; index: number; answer: string; hint?: string; offset: number };

const DELETION = /\{\{([\s\S]*?)\}\}/g;

export function parseCloze(text: string): ClozePart[] {
  const parts: ClozePart[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(DELETION)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    const body = match[1] ?? '';
    const sep = body.indexOf('::');
    const answer = (sep === -1 ? body : body.slice(0, sep)).trim();
    const hint = sep === -1 ? undefined : body.slice(sep + 2).trim() || undefined;
    parts.push({ kind: 'deletion', index: index++, answer, hint, offset: start });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function clozeDeletions(text: string) {
  return parseCloze(text).filter((p): p is Extract<ClozePart, { kind: 'deletion' }> => p.kind === 'deletion');
}

/**
 * The cloze text with deletion `target` hidden (as `[hint]` or `[...]`) and the others shown.
 * `blank` renders the hidden deletion so each output format can style it.
 */
export function renderCloze(
  text: string,
  target: number,
  blank: (hint: string | undefined) => string = defaultBlank,
): string {
  return renderClozeParts(parseCloze(text), target, blank);
}

export function renderClozeParts(
  parts: readonly ClozePart[],
  target: number,
  blank: (hint: string | undefined) => string = defaultBlank,
): string {
  let out = '';
  for (const p of parts) out += p.kind === 'text' ? p.text : p.index === target ? blank(p.hint) : p.answer;
  return out;
}

function defaultBlank(hint: string | undefined): string {
  return `[${hint ?? '...'}]`;
}
