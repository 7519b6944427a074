import { fileURLToPath } from 'node:url';
import { spawn, type IPty } from 'node-pty';
import { TEST_CACHE_DIR } from './cache.js';

/**
 * A small driver for end-to-end tests: runs the built CLI (`bin/quizdeck.js`, so run `npx tsup`
 * first) in a real pseudo-terminal, waits for text on screen, and sends keys.
 */
export const BIN = fileURLToPath(new URL('../../bin/quizdeck.js', import.meta.url));

export const KEYS = {
  enter: '\r',
  ctrlC: '\x03',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  space: ' ',
  backspace: '\x7f',
  escape: '\x1b',
  tab: '\t',
} as const;

/** Variables by which chalk (supports-color) recognises a CI runner. */
const CI_SIGNALS = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'BUILD_NUMBER',
  'RUN_ID',
  'GITHUB_ACTIONS',
  'GITEA_ACTIONS',
  'TRAVIS',
  'CIRCLECI',
  'APPVEYOR',
  'GITLAB_CI',
  'BUILDKITE',
  'DRONE',
  'CI_NAME',
  'TEAMCITY_VERSION',
  'TF_BUILD',
  'AGENT_NAME',
];

export interface PtyOptions {
  cwd?: string;
  /** Added to a copy of process.env. */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  /** Run `node ARGS...` instead of the CLI, e.g. for a baseline. */
  raw?: boolean;
  /** A command that runs node, e.g. `['setpriv', '--reuid=65534', ...]` to run as another user. */
  prefix?: readonly string[];
}

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

// CSI and OSC sequences, and the odd two-byte escape: what remains is the text a person reads.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, '');
}

export class PtySession {
  readonly pty: IPty;
  /** Everything written to the terminal so far, escapes included. */
  raw = '';
  /** `raw` without escapes: the text a person reads, in the order it was written. */
  private plain = '';
  /** Start (in `plain`) of the part of the output `waitFor` still searches. */
  private cursor = 0;
  readonly exited: Promise<PtyExit>;
  private exitInfo: PtyExit | undefined;
  private waiters = new Set<() => void>();

  constructor(args: readonly string[], options: PtyOptions = {}) {
    const node = options.raw ? [...args] : [BIN, ...args];
    const [file, ...argv] = options.prefix?.length
      ? [...options.prefix, process.execPath, ...node]
      : [process.execPath, ...node];
    const env = { ...process.env, FORCE_COLOR: '1', QUIZDECK_CACHE_DIR: TEST_CACHE_DIR, ...options.env } as Record<
      string,
      string
    >;
    // A person's terminal, not the CI runner's: chalk turns colour off in a terminal when CI is set.
    for (const k of CI_SIGNALS) if (!(options.env && k in options.env)) delete env[k];
    for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
    this.pty = spawn(file!, argv, {
      name: 'xterm-256color',
      cols: options.cols ?? 100,
      rows: options.rows ?? 30,
      cwd: options.cwd ?? process.cwd(),
      env,
    });
    this.pty.onData((data) => {
      this.raw += data;
      // Stripped as a whole, not per chunk: an escape sequence may be split between chunks.
      this.plain = stripAnsi(this.raw);
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((info) => {
        this.exitInfo = info;
        for (const wake of this.waiters) wake();
        resolve(info);
      });
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  /** All output so far as plain text. */
  text(): string {
    return this.plain;
  }

  /** Plain text written since the last successful `waitFor` match (or `mark`). */
  recent(): string {
    return this.plain.slice(this.cursor);
  }

  /** Forget the output so far: later `waitFor` calls only see what comes after. */
  mark(): void {
    this.cursor = this.plain.length;
  }

  /**
   * Resolves once `pattern` appears in the output after the previous match (or mark), with the
   * text from there to the end of the match, and moves just past the match (text written
   * after it in the same burst stays visible to the next `waitFor`). Rejects after `timeout`
   * ms, or if the program exits first, with the recent screen text in the message so a
   * failing test shows what was there instead.
   */
  waitFor(pattern: string | RegExp, timeout = 10_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const rest = this.plain.slice(this.cursor);
        let end = -1;
        if (typeof pattern === 'string') {
          const at = rest.indexOf(pattern);
          if (at !== -1) end = at + pattern.length;
        } else {
          const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(rest);
          if (m) end = m.index + m[0].length;
        }
        if (end === -1) return false;
        this.cursor += end;
        resolve(rest.slice(0, end));
        return true;
      };
      if (check()) return;
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = () => {
        if (check()) done();
        else if (this.exitInfo) {
          done();
          reject(
            new Error(
              `program exited (code ${this.exitInfo.exitCode}) before ${String(pattern)} appeared; output:\n${this.recent()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out after ${timeout} ms waiting for ${String(pattern)}; output:\n${this.recent()}`));
      }, timeout);
      this.waiters.add(wake);
    });
  }

  /** Sends keys as typed: plain text, or KEYS.* sequences. */
  send(...keys: string[]): void {
    for (const k of keys) this.pty.write(k);
  }

  kill(signal = 'SIGTERM'): void {
    this.pty.kill(signal);
  }

  /** Waits for the program to end; kills it with SIGKILL if it takes longer than `timeout`. */
  async exit(timeout = 10_000): Promise<PtyExit> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill('SIGKILL');
        reject(new Error(`program did not exit within ${timeout} ms; output:\n${this.recent()}`));
      }, timeout);
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Starts the built CLI with `args` in a pseudo-terminal. */
export function runInPty(args: readonly string[], options: PtyOptions = {}): PtySession {
  return new PtySession(args, options);
}
