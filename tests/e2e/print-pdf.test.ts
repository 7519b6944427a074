import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/io/pdf.js';
import { runCli } from '../helpers/cli.js';

const browser = findBrowser();
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const skip = browser === undefined || !pdftotext;
const REASON =
  browser === undefined
    ? 'no Chromium or Chrome on PATH or in CHROME_PATH (CI installs Debian chromium)'
    : 'pdftotext is missing (CI installs poppler-utils)';

/** Pages of the PDF as text; pdftotext separates pages with a form feed. */
function pdfPages(file: string): string[] {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\f').slice(0, -1);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(skip)(`quizdeck print --format pdf with a real browser${skip ? ` (skipped: ${REASON})` : ''}`, () => {
  it('gives byte-identical PDFs for the same seed (no timestamp inside)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-pdf-'));
    const [a, b] = [join(dir, 'a.pdf'), join(dir, 'b.pdf')];
    expect(runCli(['print', 'tests/fixtures/valid/sample.yaml', '--seed', '3', '-o', a]).code).toBe(0);
    expect(runCli(['print', 'tests/fixtures/valid/sample.yaml', '--seed', '3', '-o', b]).code).toBe(0);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
  }, 120_000);

  it.each([
    ['Chinese', 'decks/hypervisors.zh.yaml', (label: string) => `${label} 卷`, (label: string) => `答案 — ${label} 卷`],
    [
      'English',
      'decks/hypervisors.en.yaml',
      (label: string) => `Version ${label}`,
      (label: string) => `Answer key — Version ${label}`,
    ],
  ])(
    '%s: every question is in the PDF, each key starts a new page, each page carries its version label',
    (_name, deck, versionLabel, keyHeading) => {
      const dir = mkdtempSync(join(tmpdir(), 'quizdeck-pdf-'));
      const file = join(dir, 'sheet.pdf');
      const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('quizdeck-chrome-')));
      const args = ['print', deck, '--seed', '11', '-n', '25', '--versions', '2'];
      const r = runCli([...args, '-o', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      // The temporary browser profile is removed.
      expect(readdirSync(tmpdir()).filter((f) => f.startsWith('quizdeck-chrome-') && !before.has(f))).toEqual([]);

      const sheet = JSON.parse(runCli([...args, '--format', 'json']).stdout);
      const pages = pdfPages(file);
      for (const [v, version] of sheet.versions.entries()) {
        const keyPage = pages.findIndex((p) => p.includes(keyHeading(version.label)));
        const firstPage = pages.findIndex((p) => squash(p).includes(squash(versionLabel(version.label))));
        expect(keyPage, `key of ${version.label}`).toBeGreaterThan(firstPage);
        // The key's page holds no question: it starts on a page of its own.
        const keyText = squash(pages[keyPage]!);
        const questionsText = squash(pages.slice(firstPage, keyPage).join(''));
        for (const q of version.questions) {
          // The longest stretch of prompt text between cloze blanks, as pdftotext shows it.
          const pieces: string[] = q.prompt.split(/\(\d+\) ____(?: \[[^\]]*\])?/).map(squash);
          const prompt = pieces.reduce((a, b) => (b.length > a.length ? b : a)).slice(0, 30);
          // pdftotext may give the lines of a wrapped cloze question out of order: each clause must be there.
          for (const clause of prompt.split(/(?<=[，。；：、])/))
            expect(questionsText, `question ${q.number} of ${version.label}`).toContain(clause);
          expect(keyText.includes(prompt)).toBe(false);
        }
        const lastPage =
          v + 1 < sheet.versions.length
            ? pages.findIndex((p) => p.includes(versionLabel(sheet.versions[v + 1].label)))
            : pages.length;
        for (const page of pages.slice(firstPage, lastPage))
          expect(squash(page)).toContain(squash(versionLabel(version.label)));
      }
      if (deck.includes('zh')) expect(pages.join('')).toMatch(/[\u4e00-\u9fff]{4}/);
    },
    180_000,
  );
});
