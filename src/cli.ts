import pkg from '../package.json' with { type: 'json' };
import { ExitError } from './errors.js';

/**
 * Colour, decided before chalk or a prompt loads (both read FORCE_COLOR once, when loaded):
 * `--color`/`--no-color` (the last one given) win, then FORCE_COLOR, then NO_COLOR
 * (no-color.org: set and not empty), then whether the output is a terminal.
 */
function chooseColor(args: readonly string[], env: NodeJS.ProcessEnv): void {
  const flag = args.findLast((a) => a === '--color' || a === '--no-color');
  if (flag === '--no-color') env.FORCE_COLOR = '0';
  else if (flag === '--color') env.FORCE_COLOR = env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? env.FORCE_COLOR : '1';
  else if (env.FORCE_COLOR === undefined && env.NO_COLOR) env.FORCE_COLOR = '0';
  // Decided: node warns "The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env being set"
  // on stderr when it sees both, so only FORCE_COLOR is left to say it.
  if (env.FORCE_COLOR !== undefined) delete env.NO_COLOR;
}

/**
 * A reader that goes away (`quizdeck print | head -1`) ends the program quietly with 0, as
 * `git log | head` does, instead of an unhandled EPIPE with a stack trace.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}

/** Messages may quote file names, ids and keys from decks: one line, no terminal escapes. */
async function writeError(message: string): Promise<void> {
  const { neutralizeLine } = await import('./core/text.js');
  process.stderr.write(`quizdeck: ${neutralizeLine(message)}\n`);
}

/** The one place that sets the exit code: commands return or throw ExitError, never exit. */
async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  chooseColor(argv.slice(2), process.env);
  // A bare `--version` is answered before loading commander, which adds about a third to
  // node's own startup time (bench/startup.bench.mjs); the output is what commander prints.
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [{ CommanderError }, { buildProgram }] = await Promise.all([import('commander'), import('./program.js')]);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; commander has already printed its message otherwise.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ExitError) {
      if (error.message) await writeError(error.message);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    await writeError(
      `unexpected error: ${(error as Error)?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}`,
    );
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
