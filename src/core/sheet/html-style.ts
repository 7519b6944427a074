import { showsVersionLabels, type Sheet } from './model.js';
import { sheetStrings } from './strings.js';

// A Chinese sheet puts the CJK fonts first so punctuation gets full-width CJK glyphs; an
// English one puts Latin fonts first and falls back to CJK for any Chinese in the cards.
const CJK_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei"';
const LATIN_FONTS = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans"';

export function fontStack(lang: string): string {
  return /^zh\b/i.test(lang) ? `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif` : `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`;
}

/** A CSS string literal; every character that could end the string or the <style> element is escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:;!?()\-_/·—–]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

export function pageName(label: string): string {
  return `version-${label}`;
}

/**
 * Print rules: @page margin boxes repeat the version label, seed and page number on every
 * printed page (named pages give each version its own label); a question never splits across
 * pages; each part (a version's questions, a key) starts on a new page.
 */
export function sheetCss(sheet: Sheet): string {
  const s = sheetStrings(sheet.lang);
  const font = fontStack(sheet.lang);
  const size = sheet.paper === 'letter' ? 'letter' : 'A4';
  const box = `font-family: ${font}; font-size: 8.5pt; color: #555;`;
  const pageNumber = `${cssString(s.page[0])} counter(page) ${cssString(s.page[1])}`;
  const named = showsVersionLabels(sheet)
    ? sheet.versions
        .map(
          (v) =>
            `@page ${pageName(v.label)} { @top-right { content: ${cssString(s.version(v.label))}; ${box} font-weight: bold; } }\n.${pageName(v.label)} { page: ${pageName(v.label)}; }`,
        )
        .join('\n')
    : '';
  return `@page {
  size: ${size};
  margin: 16mm 16mm 18mm;
  @top-left { content: ${cssString(sheet.title)}; ${box} }
  @bottom-left { content: ${cssString(s.seed(sheet.seed))}; ${box} }
  @bottom-right { content: ${pageNumber}; ${box} }
}
${named}
* { box-sizing: border-box; }
html { font-family: ${font}; font-size: 11pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 8mm 6mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.25; }
h2 { font-size: 13pt; margin: 0 0 3mm; }
.part + .part { break-before: page; margin-top: 12mm; }
.meta { margin: 0 0 4mm; color: #444; font-size: 9.5pt; display: flex; gap: 6mm; }
.meta .version { font-weight: bold; color: #111; }
.fields { display: flex; gap: 6mm; align-items: baseline; margin: 0 0 6mm; padding-bottom: 3mm; border-bottom: 1.5px solid #111; }
.field { display: flex; align-items: baseline; gap: 2mm; white-space: nowrap; }
.field.name { flex: 1; }
.fill { display: inline-block; min-width: 28mm; border-bottom: 1px solid #111; height: 1.2em; }
.field.name .fill { flex: 1; }
.fill.score { min-width: 14mm; }
ol.questions, ol.key { list-style: none; margin: 0; padding: 0; }
.q { display: flex; gap: 2.5mm; margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.num { flex: 0 0 auto; min-width: 7mm; font-weight: bold; text-align: right; }
.body { flex: 1; min-width: 0; }
.prompt { margin: 0 0 1.5mm; white-space: pre-line; overflow-wrap: anywhere; }
.lead { display: block; color: #444; font-size: 9.5pt; }
ol.choices { list-style: none; margin: 0; padding: 0 0 0 1mm; }
ol.choices li { display: flex; gap: 2mm; margin: 0 0 1mm; white-space: pre-line; overflow-wrap: anywhere; }
.letter { flex: 0 0 auto; display: inline-block; min-width: 5.5mm; height: 5.5mm; line-height: 5.3mm; border: 1px solid #777; border-radius: 50%; text-align: center; font-size: 8.5pt; font-weight: bold; }
.multiple .letter { border-radius: 0.3mm; }
.choose-all { margin: 0 0 1.5mm; font-size: 9.5pt; font-style: italic; color: #333; }
.also { color: #444; font-weight: normal; }
.tf { margin: 0; letter-spacing: 0.02em; }
.number-steps { margin: 0 0 1.5mm; font-size: 9.5pt; font-style: italic; color: #333; }
ol.steps { list-style: none; margin: 0; padding: 0 0 0 1mm; }
ol.steps li { display: flex; align-items: center; gap: 2mm; margin: 0 0 1.2mm; white-space: pre-line; overflow-wrap: anywhere; }
.box { flex: 0 0 auto; display: inline-block; width: 7mm; height: 7mm; border: 1px solid #555; border-radius: 0.5mm; }
.step-letter { flex: 0 0 auto; font-weight: bold; font-size: 9.5pt; min-width: 4mm; }
.blank { white-space: nowrap; }
.blank .gap { display: inline-block; min-width: 24mm; border-bottom: 1px solid #111; }
.blank .n { font-weight: bold; font-size: 9pt; }
.hint { color: #555; font-size: 9pt; }
.lines span { display: block; height: 8mm; border-bottom: 1px solid #999; }
.inline-answer { margin: 2mm 0 0; padding: 1.5mm 3mm; border-left: 3px solid #2a6; background: #f2f8f4; font-size: 10pt; }
.key .q { margin-bottom: 3mm; }
.key-answer { font-weight: bold; white-space: pre-line; overflow-wrap: anywhere; }
.choice-text { color: #444; font-weight: normal; }
.why { display: block; color: #333; font-size: 9.5pt; margin-top: 0.5mm; white-space: pre-line; overflow-wrap: anywhere; }
.why b { font-weight: 600; }
@media screen {
  .part + .part { border-top: 2px dashed #bbb; padding-top: 8mm; }
}
@media print {
  body { max-width: none; padding: 0; }
  .part + .part { margin-top: 0; }
}
`;
}
