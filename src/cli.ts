import pkg from '../package.json' with { type: 'json' };
import { ExitError } from './errors.js';

/** The one place that sets the exit code: commands return or throw ExitError, never exit. */
async function main(argv: string[]): Promise<number> {
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
