import { Argument, Command, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };

/**
 * The command tree: names, options and help only. Each command's module is imported when the
 * command runs, so `--help` and `--version` load neither yaml nor zod.
 */
export function buildProgram(): Command {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const program = new Command('quizdeck')
    .description('Study, quiz and print knowledge decks from the terminal.')
    .version(pkg.version, '-v, --version')
    .option('--debug', 'print stack traces for unexpected errors')
    // Read by cli.ts before any colour library loads; declared here for --help and parsing.
    .option('--color', 'colours even when the output is not a terminal')
    .option('--no-color', 'no colours (as NO_COLOR=1 does)')
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
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'sarif']).default('text'),
    )
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
    .option('--db <file>', 'review database for the new / learning / due counts (default: as for study; never created)')
    .option(
      '--lang <tag>',
      'with no path, which language of a translated deck study, quiz and print would use (default: as for study)',
    )
    .action(async (paths: string[], options) => {
      const { runList } = await import('./commands/list.js');
      await runList(paths, options);
    });

  program
    .command('stats')
    .description(
      'where you stand: counts, review heatmap, due forecast, true retention, calibration, hardest items, quiz history',
    )
    .argument('[paths...]', 'deck files or directories')
    .option('--db <file>', 'review database (default: as for study; never created or written)')
    .option('--json', 'print everything as one JSON object')
    .option('--html <file>', 'write a self-contained HTML report to this file')
    .option('--retention <r>', 'desired retention to show beside the true one, 0.70-0.99 (default: 0.9)')
    .option('--day-start <hour>', 'hour (0-23, local time) at which a study day starts (default: 4)')
    .option(
      '--lang <tag>',
      "the language of the screen and the HTML report (en or zh; default: the decks' language); --json stays English",
    )
    .option(
      '--exam <date>',
      'plan for an exam on this local date (YYYY-MM-DD): items at target on the day, work per day until then, and whether it fits the limits',
    )
    .option('--exam-retention <r>', 'with --exam: the recall to reach on the exam day, 0.70-0.99 (default: 0.9)')
    .option('--new <n>', 'with --exam: new items per deck per day, as study --new (default: 20)')
    .option('--reviews <n>', 'with --exam: reviews per deck per day, as study --reviews (default: 200)')
    .action(async (paths: string[], options) => {
      const { runStats } = await import('./commands/stats.js');
      await runStats(paths, options);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the deck format (for editors)')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      await runSchema();
    });

  program
    .command('study')
    .description('spaced-repetition session (FSRS) on the decks; every answer is saved at once')
    .argument('[paths...]', 'deck files or directories')
    .option('--db <file>', 'review database (default: $QUIZDECK_DB, else $XDG_DATA_HOME/quizdeck/quizdeck.db)')
    .option('--new <n>', 'new cards per deck per day (default: 20)')
    .option('--reviews <n>', 'reviews per deck per day (default: 200)')
    .option('--retention <r>', 'desired retention, 0.70-0.99 (default: 0.9)')
    .option('--max-interval <days>', 'longest interval between reviews (default: 36500)')
    .option('--day-start <hour>', 'hour (0-23, local time) at which a study day starts (default: 4)')
    .option('--typed', 'type the answers of basic and cloze cards instead of revealing them')
    .option('--tag <tag>', 'only cards with this tag (repeat or comma-separate for several)', collect)
    .option('--section <section>', 'only cards from this section (repeat or comma-separate)', collect)
    .option('--deck <id>', 'only cards from the deck with this id (repeat or comma-separate)', collect)
    .option(
      '--exam <date>',
      "plan for an exam on this local date (YYYY-MM-DD): today's new cards from the plan, reviews pulled forward so recall reaches the target on the day",
    )
    .option('--exam-retention <r>', 'with --exam: the recall to reach on the exam day, 0.70-0.99 (default: 0.9)')
    .option(
      '--cram',
      'review every matching card now, lowest recall first, without changing the schedule (answers kept apart)',
    )
    .addOption(new Option('--type', 'old name of --typed').hideHelp())
    .option(
      '--lang <tag>',
      "the language of the screens (en or zh; default: the decks' language), and with no path which language of a translated deck to use (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en)",
    )
    .addHelpText(
      'after',
      '\nKeys: Enter reveal, 1-4 grade (Again/Hard/Good/Easy), u undo, q quit, ? all the keys, Ctrl-C quit.\nExit codes: 0 done or quit with q, 2 bad option, bad deck, bad database or no terminal, 130 Ctrl-C.',
    )
    .action(async (paths: string[], options) => {
      const { runStudy } = await import('./commands/study.js');
      await runStudy(paths, options);
    });

  program
    .command('optimize')
    .description(
      'fit FSRS to your own reviews; adopted for study only when it predicts your later reviews better; suggests a desired retention',
    )
    .option('--db <file>', 'review database (default: as for study)')
    .option('--dry-run', 'show the comparison with the default parameters; save nothing')
    .option('--reset', 'remove the fitted parameters: study goes back to the defaults')
    .option('--day-start <hour>', 'hour (0-23, local time) at which a study day starts (default: 4)')
    .option('--timings', 'print on stderr how long reading, converting, fitting, testing and simulating took')
    .option('--lang <tag>', 'language of the suggested desired retention lines (en or zh; default: en)')
    .addHelpText(
      'after',
      '\nExit codes: 0 done (adopted or not), 2 bad option, bad database, or the optimiser cannot be loaded.',
    )
    .action(async (options) => {
      const { runOptimize } = await import('./commands/optimize.js');
      await runOptimize(options);
    });

  program
    .command('quiz')
    .description(
      'take an exam on the decks: score, per-section table and missed answers (the study schedule is left alone)',
    )
    .argument('[paths...]', 'deck files or directories')
    .option('-n, --count <n>', 'number of questions (default: 20)')
    .option('--tag <tag>', 'only cards with this tag (repeat or comma-separate for several)', collect)
    .option('--section <section>', 'only cards from this section (repeat or comma-separate)', collect)
    .option(
      '--type <type>',
      'only these card types: basic, choice, truefalse, cloze, order (repeat or comma-separate)',
      collect,
    )
    .option('--deck <id>', 'only cards from the deck with this id (repeat or comma-separate)', collect)
    .option('--seed <seed>', 'same seed, same questions in the same order')
    .option('--feedback <when>', 'immediate (after each answer) or end (default: end)')
    .option('--time-limit <duration>', 'end the quiz after e.g. 90s, 10m or 1h30m; unanswered questions count as wrong')
    .option('--pass-mark <percent>', 'exit with 1 if the score is below this percentage')
    .option('--retry-missed', 'after the result, ask the missed questions again (a second round, scored separately)')
    .option('--lenient', 'count typed answers that are almost right (a letter or two off) as right')
    .option('--db <file>', 'database file (default: $QUIZDECK_DB, else $XDG_DATA_HOME/quizdeck/quizdeck.db)')
    .option(
      '--lang <tag>',
      "the language of the screens (en or zh; default: the decks' language), and with no path which language of a translated deck to use (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en)",
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 done (and passed, with --pass-mark), 1 below --pass-mark, 2 bad option or deck, no terminal, 130 Ctrl-C.',
    )
    .action(async (paths: string[], options) => {
      const { runQuiz } = await import('./commands/quiz.js');
      await runQuiz(paths, options);
    });

  program
    .command('print')
    .description('print question sheets with answer keys (html, md, txt, json or pdf)')
    .argument('[paths...]', 'deck files or directories')
    .option('--format <format>', 'html, md, txt, json or pdf (default: from the -o extension, else txt)')
    .option('-o, --output <file>', 'write to this file (default: stdout; pdf needs it)')
    .option(
      '--answers <where>',
      'end (key after each version, on a new page), inline, none, or only (just the keys) (default: end)',
    )
    .option('--versions <n>', 'versions A, B, C... with their own question order, choice order and key (default: 1)')
    .option('--seed <seed>', 'same seed, same sheet (default: a new seed, shown on the sheet and on stderr)')
    .option('-n, --count <n>', 'print n questions chosen by the seed (default: all)')
    .option('--tag <tag>', 'only cards with this tag (repeat or comma-separate for several)', collect)
    .option('--section <section>', 'only cards from this section (repeat or comma-separate)', collect)
    .option(
      '--type <type>',
      'only these card types: basic, choice, truefalse, cloze, order (repeat or comma-separate)',
      collect,
    )
    .option('--deck <id>', 'only cards from the deck with this id (repeat or comma-separate)', collect)
    .option('--title <title>', 'sheet title (default: the deck title)')
    .option('--paper <size>', 'a4 or letter (default: a4)')
    .option('--date <date>', 'fill in the date line; "today" for today (default: left blank)')
    .option(
      '--browser <path>',
      'Chromium or Chrome for pdf (default: $CHROME_PATH, else chromium, google-chrome... on PATH)',
    )
    .option(
      '--lang <tag>',
      "the language of the screens (en or zh; default: the decks' language), and with no path which language of a translated deck to use (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en)",
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 printed, 1 the browser failed, 2 bad option, bad deck, no match, or no browser for pdf.',
    )
    .action(async (paths: string[], options) => {
      const { runPrint } = await import('./commands/print.js');
      await runPrint(paths, options);
    });

  program
    .command('init')
    .description(
      'start a deck repository: an example deck, its schema, a GitHub workflow, a pre-commit config and a README',
    )
    .argument('[dir]', 'folder to create it in (default: the current folder)')
    .option(
      '--repo <owner/name>',
      'GitHub repository of quizdeck for the workflow and the hook (default: OWNER/quizdeck)',
    )
    .option('--ref <ref>', 'branch or tag of quizdeck they use (default: main)')
    .addHelpText('after', '\nNever overwrites a file: exit code 2 if one of the files exists.')
    .action(async (dir: string | undefined, options) => {
      const { runInit } = await import('./commands/init.js');
      await runInit(dir, options);
    });

  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      '\nbash: source <(quizdeck completion bash)\nzsh:  source <(quizdeck completion zsh)   (after compinit)\nfish: quizdeck completion fish | source',
    )
    .action(async (shell: string, _options, command: Command) => {
      const { runCompletion } = await import('./commands/completion.js');
      await runCompletion(shell, command.parent!);
    });

  program
    .command('export')
    .description(
      'write the decks for Anki (text or .apkg), Moodle (GIFT or XML) or as CSV/TSV; what a format cannot hold is named on stderr',
    )
    .argument('[paths...]', 'deck files or directories')
    .addOption(
      formatOption('--to <format>', 'the format (default: from the -o extension)', [
        'anki',
        'apkg',
        'gift',
        'moodle-xml',
        'csv',
        'tsv',
      ]),
    )
    .option(
      '--lang <tag>',
      'with no path, which language of a translated deck to use (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else en)',
    )
    .option('-o, --output <file>', 'write to this file (default: stdout; apkg needs it)')
    .addHelpText('after', '\nExit codes: 0 written, 2 bad option, bad deck or unwritable file.')
    .action(async (paths: string[], options) => {
      const { runExport } = await import('./commands/export.js');
      await runExport(paths, options);
    });

  program
    .command('import')
    .description(
      'read an Anki (.apkg or text), GIFT or CSV/TSV file as a deck; into an existing deck it merges by card id',
    )
    .argument('<file>', 'the file to import')
    .option('-o, --output <file>', 'the deck file to write or merge into (default: stdout)')
    .addOption(
      formatOption('--from <format>', 'the format (default: from the file)', ['anki', 'apkg', 'gift', 'csv', 'tsv']),
    )
    .option('--lang <tag>', 'the deck language (default: guessed from the text)')
    .option('--deck <id>', 'the deck id of a new deck (default: from the source)')
    .option('--title <title>', 'the title of a new deck (default: from the source)')
    .option('--force', 'take the imported version of cards you changed in the deck file')
    .addHelpText('after', '\nExit codes: 0 imported, 2 bad option or a file that cannot be read.')
    .action(async (file: string, options) => {
      const { runImport } = await import('./commands/import.js');
      await runImport(file, options);
    });

  return program;
}

/**
 * An option whose values are listed (in help, and offered by shell completion) but checked by
 * the command itself, which takes any case and says what is wrong in its own sentence.
 */
function formatOption(flags: string, description: string, formats: string[]): Option {
  return new Option(flags, description).choices(formats).argParser((value: string) => value);
}
