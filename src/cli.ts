import { CommanderError } from 'commander';
import { ExitError } from './errors.js';
import { buildProgram } from './program.js';

/** The one place that sets the exit code: commands return or throw ExitError, never exit. */
async function main(argv: string[]): Promise<number> {
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
      if (error.message) process.stderr.write(`quizdeck: ${error.message}\n`);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(`quizdeck: unexpected error: ${(error as Error)?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
