import { ExitError, UsageError } from '../../errors.js';
import { isPromptExit } from '../../ui/terminal.js';

/* The exit codes of the interactive commands (study, quiz): no terminal is exit 2, Ctrl-C is 130. */

/** Interactive commands need a keyboard: refuse piped or redirected stdin with one sentence. */
export function requireTerminal(command: string, stdin: { isTTY?: boolean } = process.stdin): void {
  if (!stdin.isTTY) {
    throw new UsageError(
      `\`quizdeck ${command}\` is interactive and needs a terminal, but stdin is not one; to get the cards as text (for a printer, a pipe or a file), use \`quizdeck print\``,
    );
  }
}

/**
 * Runs an interactive session; on Ctrl-C at a prompt, calls `onInterrupt` (to print a summary)
 * and ends with exit code 130, as shells expect after SIGINT.
 */
export async function withInterrupt<T>(session: () => Promise<T>, onInterrupt: () => void): Promise<T> {
  try {
    return await session();
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    onInterrupt();
    throw new ExitError(130);
  }
}
