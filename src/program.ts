import { Command, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };

/**
 * The command tree: names, options and help only. Each command's module is imported when the
 * command runs, so `--help` and `--version` load neither yaml nor zod.
 */
export function buildProgram(): Command {
  const program = new Command('quizdeck')
    .description('Study, quiz and print knowledge decks from the terminal.')
    .version(pkg.version, '-v, --version')
    .option('--debug', 'print stack traces for unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    // Set before any subcommand is added so they inherit it: usage errors reach cli.ts (exit 2).
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .addHelpText(
      'after',
      `
Paths: files or directories (searched recursively for *.yaml and *.yml). With no path,
./decks if it exists, else the decks bundled with quizdeck.

Exit codes: 0 success, 1 problems found (or a quiz below --pass-mark),
2 usage error or unreadable input, 130 interrupted (Ctrl-C).`,
    );

  program
    .command('validate')
    .description('check deck files and report every problem as FILE:LINE:COL')
    .argument('[paths...]', 'deck files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'fail on warnings too')
    .option('-q, --quiet', 'report errors only, not warnings')
    .action(async (paths: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      await runValidate(paths, options);
    });

  program
    .command('list')
    .description('list decks with their card counts by type')
    .argument('[paths...]', 'deck files or directories')
    .option('--json', 'print JSON instead of a table')
    .action(async (paths: string[], options) => {
      const { runList } = await import('./commands/list.js');
      await runList(paths, options);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the deck format (for editors)')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      await runSchema();
    });

  return program;
}
