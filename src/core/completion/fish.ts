import type { CompletionOption, CompletionSpec, ValueKind } from './spec.js';

/* fish: one `complete` line per command, option and argument kind, guarded by the command seen. */

export function renderFish(spec: CompletionSpec): string {
  const c = `complete -c ${spec.program}`;
  const noCommand = '__fish_use_subcommand';
  const lines = [
    `# fish completion for ${spec.program}: commands, options and deck files (*.yaml, *.yml).`,
    `# Load it with:  ${spec.program} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${spec.program}.fish`,
    '',
    // Files only where a deck path or a file option is expected.
    `${c} -f`,
    // Deck files and folders, not every file (fish's __fish_complete_suffix lists all of them).
    `function ${decksFunction(spec)}`,
    `    string match -r -- ${quote('^[^\\t]*(?:/|\\.ya?ml)(?:\\t.*)?$')} (__fish_complete_path (commandline -ct))`,
    'end',
    ...spec.globalOptions.map((o) => `${c} -n ${noCommand}${optionArgs(o)}`),
    ...spec.commands.map((cmd) => `${c} -n ${noCommand} -a ${cmd.name} -d ${quote(cmd.description)}`),
  ];
  for (const cmd of spec.commands) {
    const seen = quote(`__fish_seen_subcommand_from ${cmd.name}`);
    lines.push('', ...cmd.options.map((o) => `${c} -n ${seen}${optionArgs(o)}`));
    if (cmd.args)
      lines.push(
        `${c} -n ${seen}${valueArgs(
          cmd.args,
          spec.commands.map((x) => x.name),
          decksFunction(spec),
        )}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function decksFunction(spec: CompletionSpec): string {
  return `__${spec.program.replace(/\W/g, '_')}_decks`;
}

function optionArgs(option: CompletionOption): string {
  const short = option.short ? ` -s ${option.short.replace(/^-/, '')}` : '';
  const long = option.long ? ` -l ${option.long.replace(/^--/, '')}` : '';
  return `${short}${long}${option.value ? valueArgs(option.value, [], '') : ''} -d ${quote(option.description)}`;
}

/** `-x` takes a value and offers no files; `-F` offers files. */
function valueArgs(kind: ValueKind, commands: readonly string[], decks: string): string {
  switch (kind.kind) {
    case 'decks':
      return ` -a ${quote(`(${decks})`)}`;
    case 'files':
      return ' -r -F';
    case 'dirs':
      return ` -x -a ${quote('(__fish_complete_directories)')}`;
    case 'commands':
      return ` -x -a ${quote(commands.join(' '))}`;
    case 'choices':
      return ` -x -a ${quote(kind.values.join(' '))}`;
    case 'any':
      return ' -x';
  }
}

/** A fish single-quoted string: only `\` and `'` are special in it. */
function quote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}
