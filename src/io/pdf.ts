import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ExitError, UsageError } from '../errors.js';

/** Names tried on PATH, in order, when neither --browser nor CHROME_PATH names a browser. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;

// Headless, no sandbox (CI containers run as root), and nothing that phones home or touches a
// profile: the sheet is self-contained, so the browser needs no network at all.
const BROWSER_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface BrowserSearch {
  explicit?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The browser to print with: --browser, then CHROME_PATH, then the first of BROWSER_NAMES on
 * PATH. An explicit path that is not an executable is an error, not a reason to look further.
 */
export function findBrowser({ explicit, env = process.env }: BrowserSearch = {}): string | undefined {
  if (explicit !== undefined) {
    if (!isExecutable(explicit)) throw new UsageError(`--browser ${explicit}: no executable file there; give the path of Chromium or Chrome, or use --format html`);
    return explicit;
  }
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new UsageError(`CHROME_PATH=${fromEnv} is not an executable file; fix or unset it, or use --format html`);
    return fromEnv;
  }
  for (const name of BROWSER_NAMES)
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  return undefined;
}

export const NO_BROWSER_MESSAGE = `PDF output needs Chromium or Chrome and none was found (looked for --browser, CHROME_PATH, then ${BROWSER_NAMES.join(', ')} on PATH); install one, or print with --format html and use the browser's Print dialog`;

/**
 * Renders self-contained HTML to PDF bytes with the browser over the DevTools protocol
 * (puppeteer-core). The page size and margins come from the HTML's @page rules. A fresh
 * profile directory is used and removed afterwards, so nothing leaks between runs.
 */
export async function renderPdf(html: string, browserPath: string): Promise<Uint8Array> {
  const { launch } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'quizdeck-chrome-'));
  let browser;
  try {
    browser = await launch({
      executablePath: browserPath,
      ignoreDefaultArgs: true,
      pipe: true,
      args: [...BROWSER_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new ExitError(1, `could not start the browser ${browserPath}: ${firstLine(error)}; try --format html`);
  }
  try {
    const page = await browser.newPage();
    // Only the page itself may load: a hostile deck cannot make printing fetch anything.
    await page.setRequestInterception(true);
    page.on('request', (request) => (request.url().startsWith('data:') || request.url() === 'about:blank' ? request.continue() : request.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    // Wait for the CJK fonts, or the first PDF can fall back to boxes.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 120_000 });
  } catch (error) {
    throw new ExitError(1, `could not render the PDF with ${browserPath}: ${firstLine(error)}`);
  } finally {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
