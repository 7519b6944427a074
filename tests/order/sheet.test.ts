import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/deck/schema.js';
import { renderSheetHtml } from '../../src/core/sheet/html.js';
import { sheetToJson } from '../../src/core/sheet/json.js';
import { renderSheetMarkdown } from '../../src/core/sheet/markdown.js';
import { choiceLetter, orderLetters, type QuestionBody, type Sheet } from '../../src/core/sheet/model.js';
import { renderSheetText } from '../../src/core/sheet/text.js';
import { findBrowser } from '../../src/io/pdf.js';
import { runCli } from '../helpers/cli.js';
import { deck, sheetOf } from '../sheet/decks.js';

const STEPS = ['BIOS', 'Xen hypervisor', 'Dom0', 'DomU'];
const ORDER: Card = {
  id: 'xen-boot-order',
  type: 'order',
  q: 'Put the start of a Xen host in order.',
  steps: STEPS,
  why: 'Xen is loaded first.',
};
const en = (over = {}) => sheetOf([deck([ORDER])], { seed: '5', ...over });
const zh = () =>
  sheetOf([deck([{ ...ORDER, q: '将 Xen 主机的启动过程按顺序排列。' } as Card], { lang: 'zh' })], {
    seed: '5',
    lang: 'zh',
  });

function body(sheet: Sheet): Extract<QuestionBody, { type: 'order' }> {
  const b = sheet.versions[0]!.questions[0]!.body;
  if (b.type !== 'order') throw new Error('not an order question');
  return b;
}

/** "C, A, D, B": the letters of the printed steps, in the right order. */
function keyLetters(sheet: Sheet): string {
  const b = body(sheet);
  return STEPS.map((step) => choiceLetter(b.steps.indexOf(step))).join(', ');
}

describe('order questions on a printed sheet', () => {
  it('print the steps shuffled by the seed (never in the right order), each version its own', () => {
    expect(body(en()).steps).toEqual(body(en()).steps);
    expect(body(en()).steps).not.toEqual(STEPS);
    expect([...body(en()).steps].sort()).toEqual([...STEPS].sort());
    const versions = en({ versions: 4 }).versions.map((v) =>
      (v.questions[0]!.body as { steps: string[] }).steps.join('|'),
    );
    expect(new Set(versions).size).toBeGreaterThan(1);
    expect(orderLetters(body(en())).join(', ')).toBe(keyLetters(en()));
  });

  it('txt: boxes to number, "Number the steps in order", the letters in order in the key', () => {
    const sheet = en();
    const text = renderSheetText(sheet);
    expect(text).toContain(' 1. Put the start of a Xen host in order.\n    (Number the steps in order)\n');
    body(sheet).steps.forEach((step, i) => expect(text).toContain(`    [  ] ${choiceLetter(i)}. ${step}\n`));
    expect(text).toContain(
      ` 1. ${keyLetters(sheet)} (BIOS → Xen hypervisor → Dom0 → DomU)\n    Why: Xen is loaded first.`,
    );
  });

  it('txt in Chinese: 按正确顺序给步骤编号', () => {
    const text = renderSheetText(zh());
    expect(text).toContain('(按正确顺序给步骤编号)');
    expect(text).toContain(`${keyLetters(zh())}（BIOS → Xen hypervisor → Dom0 → DomU）`);
  });

  it('md: a box and a letter per step, the key in bold', () => {
    const sheet = en();
    const md = renderSheetMarkdown(sheet);
    expect(md).toContain('   *Number the steps in order*');
    body(sheet).steps.forEach((step, i) => expect(md).toContain(`   - \\[   \\] **${choiceLetter(i)}.** ${step}\n`));
    expect(md).toContain(
      `1. **${keyLetters(sheet)}** (BIOS → Xen hypervisor → Dom0 → DomU) — *Why:* Xen is loaded first.`,
    );
  });

  it('html: square boxes, the instruction in the deck language, the key', () => {
    const sheet = en();
    const html = renderSheetHtml(sheet);
    expect(html).toContain('<p class="number-steps">Number the steps in order</p><ol class="steps">');
    expect(html.match(/<span class="box"><\/span>/g)).toHaveLength(4);
    expect(html).toMatch(/\.box \{[^}]*width: 7mm; height: 7mm; border: 1px solid/);
    expect(html).toContain(
      `<span class="key-answer">${keyLetters(sheet)}</span><span class="choice-text"> (BIOS → Xen hypervisor → Dom0 → DomU)</span>`,
    );
    expect(renderSheetHtml(zh())).toContain('<p class="number-steps">按正确顺序给步骤编号</p>');
  });

  it('json: the printed steps and the letters in the right order', () => {
    const sheet = en();
    expect(sheetToJson(sheet).versions[0]!.questions[0]).toEqual({
      number: 1,
      type: 'order',
      prompt: 'Put the start of a Xen host in order.',
      steps: body(sheet).steps,
      answer: keyLetters(sheet).split(', '),
      why: 'Xen is loaded first.',
    });
  });

  it('--type order picks only order cards from the bundled deck', () => {
    const r = runCli(['print', 'decks/hypervisors.en.yaml', '--type', 'order', '--format', 'json', '--seed', '1']);
    expect(r.code).toBe(0);
    const questions = JSON.parse(r.stdout).versions[0].questions as {
      type: string;
      steps: string[];
      answer: string[];
    }[];
    expect(questions.length).toBeGreaterThanOrEqual(3);
    for (const q of questions) {
      expect(q.type).toBe('order');
      expect([...q.answer].sort()).toEqual(q.steps.map((_, i) => choiceLetter(i)));
    }
  });
});

const browser = findBrowser();
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe.skipIf(browser === undefined || !pdftotext)('order questions in a PDF (needs Chromium and pdftotext)', () => {
  it('prints the boxes, the instruction and the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-order-pdf-'));
    try {
      const file = join(dir, 'o.pdf');
      expect(runCli(['print', 'decks/hypervisors.zh.yaml', '--type', 'order', '--seed', '3', '-o', file]).code).toBe(0);
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        '',
      );
      expect(text).toContain('按正确顺序给步骤编号');
      expect(text).toContain('将Xen主机的启动过程按顺序排列。');
      expect(text).toMatch(/[A-E](,[A-E]){3,4}（/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
