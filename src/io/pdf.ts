import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** Names tried on PATH, in order, when neither --browser nor CHROME_PATH names a browser. */
export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
] as const;

// Headless, no sandbox (CI containers run as root), and nothing that phones home or touches a
// profile: the sheet is self-contained, so the browser needs no network at all.
export const BROWSER_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Less start-up work: no extensions, crash reporter, audio or first-run features (most of what
// puppeteer's own launch adds), which takes a second off a cold start on a busy machine.
const QUIET_FLAGS = [
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-breakpad',
  '--mute-audio',
  '--hide-scrollbars',
  '--no-default-browser-check',
  '--password-store=basic',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

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
 * What went wrong with the browser, as a fact for `print`: `not-found`, a --browser or
 * CHROME_PATH that is no executable (a usage problem); `failed`, the browser would not start or
 * render (the run failed).
 */
export class BrowserProblem extends Error {
  constructor(
    readonly kind: 'not-found' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'BrowserProblem';
  }
}

/**
 * The browser to print with: --browser, then CHROME_PATH, then the first of BROWSER_NAMES on
 * PATH. An explicit path that is not an executable is an error, not a reason to look further.
 */
export function findBrowser({ explicit, env = process.env }: BrowserSearch = {}): string | undefined {
  if (explicit !== undefined) {
    if (!isExecutable(explicit))
      throw new BrowserProblem(
        'not-found',
        `--browser ${explicit}: no executable file there; give the path of Chromium or Chrome, or use --format html`,
      );
    return explicit;
  }
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new BrowserProblem(
        'not-found',
        `CHROME_PATH=${fromEnv} is not an executable file; fix or unset it, or use --format html`,
      );
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

/** A browser being started for printing; `render` connects when it is ready. */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  /** Ends the browser and removes its profile; safe to call twice or after a failed start. */
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * Starts the browser at once, in its own process, so that it boots on the other core while
 * this process imports puppeteer-core and builds the sheet (together about as long as the
 * boot). The PDF is made over the DevTools protocol (puppeteer-core connecting to the
 * browser's local debugging port); page size and margins come from the HTML's @page rules.
 * A fresh profile directory is used and removed afterwards.
 */
export function startPdfRenderer(browserPath: string): PdfRenderer {
  const profile = mkdtempSync(join(tmpdir(), 'quizdeck-chrome-'));
  const child = spawn(
    browserPath,
    [...BROWSER_FLAGS, ...QUIET_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so the renderer and helper processes can be ended together.
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const killGroup = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  const endpoint = debuggerEndpoint(child);
  endpoint.catch(() => undefined); // observed by render(); an early failure must not crash the process
  let browser: Browser | undefined;
  let closed = false;

  return {
    async render(html) {
      const { connect } = await import('puppeteer-core');
      try {
        browser = await connect({ browserWSEndpoint: await endpoint, defaultViewport: null });
      } catch (error) {
        throw new BrowserProblem(
          'failed',
          `could not start the browser ${browserPath}: ${firstLine(error)}; try --format html`,
        );
      }
      return printPage(browser, html, browserPath);
    },
    async close() {
      if (closed) return;
      closed = true;
      // The profile is thrown away, so there is nothing for a graceful shutdown to save; ending
      // the process group at once saves most of a second.
      await browser?.disconnect().catch(() => undefined);
      // No pid: the spawn itself failed and there is no process to wait for.
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        killGroup();
        await exited;
      }
      process.removeListener('exit', killGroup);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function printPage(browser: Browser, html: string, browserPath: string): Promise<Uint8Array> {
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // Only the page itself may load: a hostile deck cannot make printing fetch anything.
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url().startsWith('data:') || request.url() === 'about:blank' ? request.continue() : request.abort(),
    );
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    // Wait for the CJK fonts, or the first PDF can fall back to boxes.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return withoutTimestamps(await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 120_000 }));
  } catch (error) {
    throw new BrowserProblem('failed', `could not render the PDF with ${browserPath}: ${firstLine(error)}`);
  }
}

/**
 * The same sheet must give the same bytes, and the only thing that differs between two
 * Chromium PDFs of one page is the time in /CreationDate and /ModDate. They are set to
 * 1970-01-01 with the same number of bytes, so the cross-reference offsets stay valid.
 */
export function withoutTimestamps(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(
    /\/(CreationDate|ModDate)( ?)\(D:\d{14}([^)]*)\)/g,
    (_m, key: string, space: string, zone: string) => `/${key}${space}(D:19700101000000${zone.replace(/\d/g, '0')})`,
  );
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}

/** The browser prints "DevTools listening on ws://..." on stderr once it accepts connections. */
function debuggerEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`no DevTools endpoint after ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      seen = (seen + chunk).slice(-4000);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const last = seen.trim().split('\n').at(-1) ?? '';
      reject(
        new Error(`the browser exited (${signal ?? `code ${code}`}) before it was ready${last ? `: ${last}` : ''}`),
      );
    });
  });
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
