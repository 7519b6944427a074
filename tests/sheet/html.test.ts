import { describe, expect, it } from 'vitest';
import { cssString } from '../../src/core/sheet/html-style.js';
import { escapeHtml, renderSheetHtml } from '../../src/core/sheet/html.js';
import { deck, SAMPLE, sheetOf } from './decks.js';

const HOSTILE = deck([
  {
    id: 'xss',
    q: '<script>alert(1)</script> & "quotes" \'single\'',
    a: '<img src=x onerror=alert(1)>',
    why: '</style><b>bold</b>',
  },
  { id: 'choice-xss', type: 'choice', q: 'Pick <b>one</b>', choices: ['<i>a</i>', 'b & c'], answer: '<i>a</i>' },
  { id: 'cloze-xss', type: 'cloze', text: 'A {{<u>blank</u>::<em>hint</em>}} here.' },
]);

/** The sheet's visible text, without markup, for asserting what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('renderSheetHtml', () => {
  const html = renderSheetHtml(sheetOf([SAMPLE], { seed: '7' }));

  it('is one self-contained document: inline CSS, no scripts, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\/|src=/i);
  });

  it('has print CSS: no question split across pages, each part on a new page, paper size, CJK fonts', () => {
    expect(html).toMatch(/\.q \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/\.part \+ \.part \{[^}]*break-before: page/);
    expect(html).toContain('size: A4;');
    expect(renderSheetHtml(sheetOf([SAMPLE], { paper: 'letter' }))).toContain('size: letter;');
    for (const font of ['"Noto Sans CJK SC"', '"Noto Sans SC"', '"PingFang SC"', '"Microsoft YaHei"', 'sans-serif'])
      expect(html).toContain(font);
  });

  it('lays out title, name/date/score, numbered questions, lettered choices, True / False, blanks and answer lines', () => {
    const seen = text(html);
    expect(seen).toContain('Hypervisor basics');
    expect(seen).toMatch(/Name: Date: Score: \/ 5/);
    for (let n = 1; n <= 5; n++) expect(seen).toContain(` ${n}. `);
    expect(seen).toMatch(/ A .+ B .+ C .+ D /);
    expect(seen).toContain('True / False');
    expect(seen).toMatch(/KVM was merged into Linux \(1\) \[version\] in \(2\) \./);
    expect(html).toContain('<div class="lines"><span></span><span></span></div>');
    expect(seen).toContain('Seed 7');
  });

  it('puts the key after the questions with letters, answers and whys', () => {
    const key = text(html.slice(html.indexOf('<section class="part key"')));
    expect(key).toContain('Answer key');
    expect(key).toContain('(1) 2.6.20; (2) February 2007');
    expect(key).toContain('False Why: PV guests run a modified kernel.');
    expect(key).toMatch(/[A-D] \(Parent partition\)/);
    expect(key).toMatch(/[A-D], [A-D] \((KVM; Hyper-V|Hyper-V; KVM)\)/);
  });

  it.each([
    ['end', 1, 1],
    ['only', 0, 1],
    ['none', 1, 0],
    ['inline', 1, 0],
  ] as const)('--answers %s gives %i question parts and %i keys', (answers, questions, keys) => {
    const out = renderSheetHtml(sheetOf([SAMPLE], { answers }));
    expect(out.split('<section class="part questions').length - 1).toBe(questions);
    expect(out.split('<section class="part key').length - 1).toBe(keys);
    expect(out.includes('class="inline-answer"')).toBe(answers === 'inline');
    // Answer lines are for writing in; a sheet with the answers printed inline leaves them out.
    expect(out.includes('class="lines"')).toBe(answers === 'end' || answers === 'none');
  });

  it('labels each version on its pages (named pages with a margin-box label) and gives each its own key', () => {
    const out = renderSheetHtml(sheetOf([SAMPLE], { versions: 2 }));
    expect(out).toContain('@page version-A { @top-right { content: "Version A"');
    expect(out).toContain('@page version-B { @top-right { content: "Version B"');
    expect(out).toMatch(
      /<section class="part questions version-A"[\s\S]*<section class="part key version-A"[\s\S]*<section class="part questions version-B"[\s\S]*<section class="part key version-B"/,
    );
    expect(text(out)).toContain('Answer key — Version B');
    expect(html).not.toContain('Version A');
  });

  it('escapes every piece of card text', () => {
    const out = renderSheetHtml(sheetOf([HOSTILE], { answers: 'inline', title: '</title><script>x</script>' }));
    expect(out).not.toMatch(/<script|<img|<b>bold|<b>one|<i>|<u>|<em>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;u&gt;blank&lt;/u&gt;');
    expect(out.match(/<\/style>/g)).toHaveLength(1);
  });

  it('uses the sheet language for the html lang attribute and Chinese labels for a Chinese deck', () => {
    const out = renderSheetHtml(sheetOf([SAMPLE], { lang: 'zh-Hans', versions: 2 }));
    expect(out).toContain('<html lang="zh-Hans">');
    expect(text(out)).toMatch(/姓名：.*日期：.*得分：/);
    expect(text(out)).toContain('正确 / 错误');
    expect(text(out)).toContain('答案 — B 卷');
  });

  it('prints the date only when given, and is byte-identical for the same inputs', () => {
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text(renderSheetHtml(sheetOf([SAMPLE], { date: '2026-03-04' })))).toContain('Date: 2026-03-04');
    expect(renderSheetHtml(sheetOf([SAMPLE], { seed: '7' }))).toBe(html);
  });
});

describe('escaping helpers', () => {
  it.each([
    ['a<b>&"\'', 'a&lt;b&gt;&amp;&quot;&#39;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, output) => expect(escapeHtml(input)).toBe(output));

  it.each([
    ['Version A', '"Version A"'],
    ['a"b', '"a\\22 b"'],
    ['</style>', '"\\3c /style\\3e "'],
    ['back\\slash\nline', '"back\\5c slash\\a line"'],
    ['中文', '"中文"'],
  ])('cssString(%j)', (input, output) => expect(cssString(input)).toBe(output));
});
