/** Which format a file is, from the option, the name or the content; `{value} | {error}` like the other option parsers. */
export const EXPORT_FORMATS = ['anki', 'apkg', 'gift', 'moodle-xml', 'csv', 'tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['anki', 'apkg', 'gift', 'csv', 'tsv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const EXPORT_EXTENSIONS: Record<string, ExportFormat> = {
  apkg: 'apkg',
  gift: 'gift',
  xml: 'moodle-xml',
  csv: 'csv',
  tsv: 'tsv',
  txt: 'anki',
};

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function parseExportFormat(
  to: string | undefined,
  output: string | undefined,
): { value: ExportFormat } | { error: string } {
  if (to !== undefined) {
    const format = to.toLowerCase() === 'moodle' ? 'moodle-xml' : to.toLowerCase();
    return (EXPORT_FORMATS as readonly string[]).includes(format)
      ? { value: format as ExportFormat }
      : { error: `--to must be one of ${EXPORT_FORMATS.join(', ')} (got "${to}")` };
  }
  const fromName = output === undefined ? undefined : EXPORT_EXTENSIONS[extensionOf(output)];
  if (fromName) return { value: fromName };
  return {
    error: `say which format with --to (${EXPORT_FORMATS.join(', ')})${output === undefined ? '' : `; the extension of ${output} does not name one`}`,
  };
}

export function parseImportFormat(from: string | undefined): { value: ImportFormat | undefined } | { error: string } {
  if (from === undefined) return { value: undefined };
  return (IMPORT_FORMATS as readonly string[]).includes(from.toLowerCase())
    ? { value: from.toLowerCase() as ImportFormat }
    : { error: `--from must be one of ${IMPORT_FORMATS.join(', ')} (got "${from}")` };
}

/** A zip (an .apkg) starts with PK\x03\x04. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The format of a file to import: zip means .apkg; then the extension; then what the text looks like. */
export function detectImportFormat(path: string, bytes: Uint8Array, text: () => string): ImportFormat {
  if (isZip(bytes)) return 'apkg';
  const ext = extensionOf(path);
  if (ext === 'gift') return 'gift';
  if (ext === 'csv') return 'csv';
  const sample = text().slice(0, 20_000);
  if (/^\ufeff?#(separator|html|guid column|notetype column|deck column|tags column|columns):/im.test(sample))
    return 'anki';
  // GIFT: `::title::`, or answers in braces such as {=a ~b}, {T}, {FALSE}.
  if (/^::[^\n]*::/m.test(sample) || /\{\s*(?:[=~]|T\s*\}|F\s*\}|TRUE\s*\}|FALSE\s*\})/.test(sample)) return 'gift';
  if (ext === 'tsv') return 'tsv';
  return sample.includes('\t') ? 'anki' : 'csv';
}
