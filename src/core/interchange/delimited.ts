/** Delimiter-separated rows (CSV, TSV, Anki's text files), quoted as RFC 4180 quotes them. */

export function quoteField(value: string, separator: string): string {
  // A field starting with a quote must be quoted too, or a reader takes the quote as an opener.
  if (value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r'))
    return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function formatRow(fields: readonly string[], separator: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? separator : '') + quoteField(fields[i]!, separator);
  return `${line}\n`;
}

export interface Row {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/** Parses rows; a quoted field may hold separators, doubled quotes and line breaks. Lines starting with `#` are skipped when `comments` is set. */
export function parseRows(text: string, separator: string, { comments = false } = {}): Row[] {
  const rows: Row[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    if (comments && text[i] === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            value += text.slice(i);
            i = text.length;
            break;
          }
          value += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
        for (const c of value) if (c === '\n') line++;
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      fields.push(value);
      if (text[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line: start });
  }
  return rows;
}

/** The separator a file most likely uses: tab, then semicolon, then comma, by their counts on the first lines. */
export function guessSeparator(text: string): string {
  const sample = text.split('\n', 20).filter((l) => l && !l.startsWith('#'));
  for (const sep of ['\t', ';', ',', '|']) {
    if (sample.length && sample.every((l) => l.includes(sep))) return sep;
  }
  return sample.some((l) => l.includes('\t')) ? '\t' : ',';
}
