import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserProblem, findBrowser, withoutTimestamps } from '../../src/io/pdf.js';

function fakeBin(dir: string, name: string, executable = true): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe('findBrowser', () => {
  const root = mkdtempSync(join(tmpdir(), 'quizdeck-find-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  const chrome = fakeBin(a, 'google-chrome');
  const chromium = fakeBin(b, 'chromium');
  fakeBin(a, 'chromium', false);

  it('takes --browser first, then CHROME_PATH, then PATH names in order (chromium before google-chrome)', () => {
    const env = { PATH: `${a}:${b}`, CHROME_PATH: chrome };
    expect(findBrowser({ explicit: chromium, env })).toBe(chromium);
    expect(findBrowser({ env })).toBe(chrome);
    expect(findBrowser({ env: { PATH: `${a}:${b}` } })).toBe(chromium);
    expect(findBrowser({ env: { PATH: a } })).toBe(chrome);
    expect(findBrowser({ env: { PATH: join(root, 'none') } })).toBeUndefined();
  });

  it('refuses an explicit path or CHROME_PATH that is not an executable file', () => {
    expect(() => findBrowser({ explicit: join(a, 'chromium'), env: {} })).toThrow(BrowserProblem);
    expect(() => findBrowser({ explicit: a, env: {} })).toThrow(/no executable file there/);
    expect(() => findBrowser({ env: { CHROME_PATH: '/no/such' } })).toThrow(
      'CHROME_PATH=/no/such is not an executable file; fix or unset it, or use --format html',
    );
  });
});

describe('withoutTimestamps', () => {
  const pdf = (dates: string) =>
    Buffer.from(`%PDF-1.4\n1 0 obj <</Producer (Skia/PDF m150)\n${dates}>>\nendobj\n`, 'latin1');

  it.each([
    [
      "/CreationDate (D:20261127132847+00'00')\n/ModDate (D:20261127132847+00'00')",
      "/CreationDate (D:19700101000000+00'00')\n/ModDate (D:19700101000000+00'00')",
    ],
    ["/CreationDate(D:20261127132847-05'30')", "/CreationDate(D:19700101000000-00'00')"],
  ])('fixes %j with the same length', (dates, fixed) => {
    const out = Buffer.from(withoutTimestamps(pdf(dates)));
    expect(out.toString('latin1')).toBe(pdf(fixed).toString('latin1'));
    expect(out.length).toBe(pdf(dates).length);
  });

  it('leaves a PDF without dates as it is, binary bytes included', () => {
    const input = Buffer.concat([pdf(''), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff])]);
    expect(Buffer.from(withoutTimestamps(input))).toEqual(input);
  });
});
