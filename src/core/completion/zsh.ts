import { optionNames, type CompletionOption, type CompletionSpec, type ValueKind } from './spec.js';

/* zsh: `_arguments` for the global options and the command, then per command its own specs. */

export function renderZsh(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/\W/g, '_')}`;
  const commandList = spec.commands.map((c) => `    ${quote(`${c.name.replace(/:/g, '\\:')}:${c.description}`)}`);
  const names = spec.commands.map((c) => c.name);
  const optionSpecs = (o: CompletionOption) => optionSpecsOf(o, names);
  const arms = spec.commands.map((c) => {
    const specs = [...c.options.flatMap(optionSpecs), ...(c.args ? [argumentSpec(c.args, names)] : [])];
    return `        ${c.name})\n          _arguments -s -S \\\n            ${specs.join(' \\\n            ')}\n          ;;`;
  });
  return `#compdef ${spec.program}
# zsh completion for ${spec.program}: commands, options and deck files (*.yaml, *.yml).
# Load it with:  source <(${spec.program} completion zsh)   (after compinit)
# or save it as _${spec.program} in a folder of your $fpath.

${fn}() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  _arguments -C \\
    ${spec.globalOptions.flatMap(optionSpecs).join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->args' && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${commandList.join('\n')}
      )
      _describe -t commands command commands && ret=0
      ;;
    args)
      curcontext=\${curcontext%:*:*}:${spec.program}-$words[1]:
      case $words[1] in
${arms.join('\n')}
      esac
      ret=$?
      ;;
  esac
  return ret
}

if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.program}
fi
`;
}

/** `'(-f --format)'-f'[output format]:format:(text json)'` for each spelling of the option. */
function optionSpecsOf(option: CompletionOption, commands: readonly string[]): string[] {
  const names = optionNames(option);
  const exclusive = option.repeatable ? '*' : names.length > 1 ? `(${names.join(' ')})` : '';
  const value = option.value ? `:${valueLabel(option)}:${valueAction(option.value, commands)}` : '';
  return names.map((name) =>
    quote(
      `${exclusive}${name}${option.value && name.startsWith('--') ? '=' : ''}[${describe(option.description)}]${value}`,
    ),
  );
}

function argumentSpec(kind: ValueKind, commands: readonly string[]): string {
  return quote(
    `*:${kind.kind === 'decks' ? 'deck file' : kind.kind === 'dirs' ? 'directory' : kind.kind === 'commands' ? 'command' : 'argument'}:${valueAction(kind, commands)}`,
  );
}

function valueAction(kind: ValueKind, commands: readonly string[]): string {
  switch (kind.kind) {
    case 'decks':
      return '_files -g "*.(yaml|yml)"';
    case 'files':
      return '_files';
    case 'dirs':
      return '_files -/';
    case 'commands':
      return `(${commands.join(' ')})`;
    case 'choices':
      return `(${kind.values.join(' ')})`;
    case 'any':
      return ' ';
  }
}

function valueLabel(option: CompletionOption): string {
  return (option.long ?? option.short ?? 'value').replace(/^-+/, '');
}

/** An `_arguments` description: brackets and colons would end it early. */
function describe(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');
}

/** A zsh single-quoted word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
