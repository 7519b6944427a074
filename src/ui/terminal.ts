import { cardLines } from '../core/question/prompt.js';

/**
 * Terminal plumbing shared by the interactive commands (`study`, `quiz`).
 */

/** Ctrl-C inside an @inquirer prompt rejects with ExitPromptError (matched by name: it may come from another copy of @inquirer/core). */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

export function terminalColumns(stdout: { columns?: number } = process.stdout): number {
  return Math.max(20, Math.min(stdout.columns ?? 80, 100));
}

/** The terminal's height; 24 when unknown (not a terminal). */
export function terminalRows(stdout: { rows?: number } = process.stdout): number {
  return Math.max(5, stdout.rows ?? 24);
}

/** Card text for the terminal: control characters made visible, wrapped by display width (CJK counts two). */
export function formatCardText(text: string, width: number, indent = ''): string {
  return cardLines(text, width, indent).join('\n');
}

/** `[██████░░░░]` of `width` cells. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total <= 0 ? width : Math.round((Math.min(done, total) / total) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

/**
 * Between two prompts the terminal falls back to cooked mode, where a Ctrl-C makes the kernel
 * send SIGINT and Node dies at once: no summary, no exit code 130. Holding raw mode between
 * prompts turns that Ctrl-C into a byte waiting in stdin, which the next prompt reads as
 * Ctrl-C and reports as ExitPromptError like any other. Call `hold()` after each prompt.
 */
export function rawModeBetweenPrompts(
  stdin: { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown } = process.stdin,
): { hold(): void; release(): void } {
  const set = (raw: boolean) => {
    if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(raw);
  };
  return { hold: () => set(true), release: () => set(false) };
}
