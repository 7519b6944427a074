import '../helpers/cache.js';
import { describe, expect, it } from 'vitest';
import { defaultPrintDeps, runPrint, type PrintDeps } from '../../src/commands/print.js';
import { UsageError } from '../../src/errors.js';

const SAMPLE = 'tests/fixtures/valid/sample.yaml';

function fakeDeps(over: Partial<PrintDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string | Uint8Array>();
  const deps: PrintDeps = {
    ...defaultPrintDeps,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    writeFile: (p, d) => files.set(p, d),
    random: () => '123456',
    // --date today: the local date of the clock (noon in UTC).
    clock: { now: () => Date.parse('2026-05-06T12:00:00Z'), utcOffsetMinutes: () => 0 },
    ...over,
  };
  return { deps, out, err, files };
}

describe('runPrint', () => {
  it('a Chinese deck prints Chinese labels in txt and html, --lang en English ones, decks of two languages English', async () => {
    const zh = 'decks/hypervisors.zh.yaml';
    const print = async (paths: string[], input: Record<string, string>) => {
      const { deps, out } = fakeDeps();
      await runPrint(paths, { seed: '7', versions: '2', ...input }, deps);
      return out.join('');
    };
    const txt = await print([zh], { format: 'txt' });
    for (const label of [
      '姓名：',
      '日期：',
      '得分：',
      'A 卷',
      '答案 — B 卷',
      '种子 7',
      '选出所有正确答案',
      '正确 / 错误',
      '解析：',
    ])
      expect(txt).toContain(label);
    expect(txt).not.toMatch(/Name:|Answer key|Version|Choose all that apply/);
    expect(txt).toMatch(/^ *\d+\. [A-D](, [A-D])*（[^()]+）$/m); // a choice's key: letters, then the choices in full-width brackets
    const html = await print([zh], { format: 'html' });
    for (const label of [
      '<html lang="zh">',
      '姓名：',
      '<h2>答案 — A 卷</h2>',
      '<p class="choose-all">选出所有正确答案</p>',
      '第 ',
    ])
      expect(html).toContain(label);
    expect(await print([zh], { format: 'txt', lang: 'en' })).toContain('Answer key — Version B');
    expect(await print([zh, SAMPLE], { format: 'txt' })).toContain('Answer key — Version B');
  });

  it('picks a seed when none is given and shows it on stderr and in the sheet', async () => {
    const { deps, out, err } = fakeDeps();
    await runPrint([SAMPLE], {}, deps);
    expect(err.join('')).toBe('quizdeck: seed 123456 (print again with --seed 123456 for the same sheet)\n');
    expect(out.join('')).toContain('Seed 123456');
  });

  it('prints the same bytes for the same seed, and says nothing on stderr when the seed is given', async () => {
    const a = fakeDeps();
    const b = fakeDeps({ random: () => 'never used' });
    await runPrint([SAMPLE], { seed: '123456', format: 'html' }, a.deps);
    await runPrint([SAMPLE], { seed: '123456', format: 'html' }, b.deps);
    expect(a.out.join('')).toBe(b.out.join(''));
    expect(b.err).toEqual([]);
  });

  it('writes -o files and fills --date today from the clock', async () => {
    const { deps, files, err } = fakeDeps();
    await runPrint([SAMPLE], { seed: '1', output: 'sheet.md', date: 'today' }, deps);
    expect(String(files.get('sheet.md'))).toContain('Date: 2026-05-06');
    expect(err).toEqual(['quizdeck: wrote sheet.md\n']);
  });

  it('uses the deck title unless --title is given', async () => {
    const { deps, out } = fakeDeps();
    await runPrint([SAMPLE], { seed: '1', format: 'json', title: 'Midterm' }, deps);
    await runPrint([SAMPLE], { seed: '1', format: 'json' }, deps);
    expect(out.map((o) => JSON.parse(o).title)).toEqual(['Midterm', 'Hypervisor basics']);
  });

  it('warns when -n asks for more questions than match', async () => {
    const { deps, err, out } = fakeDeps();
    await runPrint([SAMPLE], { seed: '1', count: '50', format: 'json' }, deps);
    expect(err).toEqual(['quizdeck: only 4 questions match; printing all of them\n']);
    expect(JSON.parse(out[0]!).versions[0].questions).toHaveLength(4);
  });

  it('--deck keeps the cards of the decks named', async () => {
    const { deps, out } = fakeDeps();
    await runPrint(
      ['decks/hypervisors.en.yaml', 'decks/hypervisors.zh.yaml'],
      { seed: '1', format: 'json', deck: ['Hypervisors-ZH'] },
      deps,
    );
    const sheet = JSON.parse(out[0]!) as { title: string; versions: { questions: unknown[] }[] };
    expect(sheet.title).toBe('Hypervisor：VMware ESX、Hyper-V、Xen 与 KVM');
    // Every card of the Chinese deck once (a reverse card in one direction, a cloze card as one question), none of the English.
    expect(sheet.versions[0]!.questions).toHaveLength(157);
  });

  it('refuses filters that match nothing, naming what exists', async () => {
    const { deps } = fakeDeps();
    await expect(runPrint([SAMPLE], { seed: '1', tag: ['nope'] }, deps)).rejects.toThrow(
      new UsageError('no questions match --tag nope (the decks have tags: drivers, esx, history, hyper-v, kvm, xen)'),
    );
  });

  it('refuses a deck with errors in one sentence naming file and line', async () => {
    const { deps } = fakeDeps();
    await expect(runPrint(['tests/fixtures/invalid/unknown-key.yaml'], {}, deps)).rejects.toThrow(
      /^tests\/fixtures\/invalid\/unknown-key\.yaml:5: .*run `quizdeck validate/,
    );
  });

  it('pdf: closes the browser it started when the decks turn out to be bad', async () => {
    const seen: string[] = [];
    const { deps } = fakeDeps({
      findBrowser: () => '/fake/chromium',
      startPdfRenderer: () => ({ render: async () => new Uint8Array(), close: async () => void seen.push('close') }),
    });
    await expect(runPrint(['tests/fixtures/invalid/unknown-key.yaml'], { output: 'x.pdf' }, deps)).rejects.toThrow(
      UsageError,
    );
    expect(seen).toEqual(['close']);
  });

  it('pdf: with no browser it suggests --format html (exit 2) before reading decks', async () => {
    const { deps } = fakeDeps({ findBrowser: () => undefined });
    const error = await runPrint(['no/such/deck'], { output: 'x.pdf' }, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(
      /^PDF output needs Chromium or Chrome and none was found .*--format html/,
    );
  });

  it('pdf: renders the sheet HTML with the browser found and writes the bytes', async () => {
    const seen: string[] = [];
    const { deps, files } = fakeDeps({
      findBrowser: ({ explicit } = {}) => explicit ?? '/fake/chromium',
      startPdfRenderer: (browser) => {
        seen.push(`start ${browser}`);
        return {
          render: async (html) => {
            seen.push(html.slice(0, 15));
            return new Uint8Array([37, 80, 68, 70]);
          },
          close: async () => void seen.push('close'),
        };
      },
    });
    await runPrint([SAMPLE], { seed: '1', output: 'x.pdf', browser: '/my/chrome' }, deps);
    expect(seen).toEqual(['start /my/chrome', '<!DOCTYPE html>', 'close']);
    expect(files.get('x.pdf')).toEqual(new Uint8Array([37, 80, 68, 70]));
  });
});
