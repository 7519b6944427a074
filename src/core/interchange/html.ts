/** HTML as Anki fields hold it, to and from plain card text. */

const NEEDS_ESCAPE = /[&<>"\r\n]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Card text as an HTML field: special characters escaped, line breaks as <br>. */
export function textToHtml(text: string): string {
  // Most card text has nothing to escape; the test is cheaper than two replacements (10k-card export).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!).replace(/\r?\n/g, '<br>');
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  times: '×',
  copy: '©',
  reg: '®',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

// Text without tags, entities, media references or line breaks reads the same as HTML and as text.
const HTML_LIKE = /[<&[\r\n]/;

export interface HtmlText {
  text: string;
  /** Media the text referred to and that plain text cannot hold: `[sound:a.mp3]`, `<img src="b.png">`. */
  dropped: string[];
}

/** An HTML field as plain text: block ends and <br> become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): HtmlText {
  if (!HTML_LIKE.test(html)) return { text: html.trim(), dropped: [] };
  const dropped: string[] = [];
  let text = html
    .replace(/\[sound:([^\]]*)\]/g, (_, name: string) => {
      dropped.push(`sound ${name}`);
      return '';
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      dropped.push(`image ${/src\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? ''}`.trim());
      return '';
    })
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]*>/g, '');
  text = decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, dropped };
}

/**
 * A field as Anki sorts and checksums it (rslib's strip_html): comments and tags removed,
 * entities decoded, nothing put in their place.
 */
export function stripHtml(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
}
