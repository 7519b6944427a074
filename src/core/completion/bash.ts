import { optionNames, type CompletionOption, type CompletionSpec, type ValueKind } from './spec.js';

/*
 * bash: one function that finds the command (the first word that is not an option; no global
 * option takes a value) and completes, in order: an option's value when the previous word is
 * that option, an option name when the word starts with `-`, else the command's arguments.
 */

export function renderBash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/\W/g, '_')}`;
  const commands = spec.commands.map((c) => c.name).join(' ');
  const cases = [
    branch(fn, "''", spec.globalOptions, { kind: 'choices', values: spec.commands.map((c) => c.name) }),
    ...spec.commands.map((c) => branch(fn, c.name, c.options, c.args)),
  ];
  return `# bash completion for ${spec.program}: commands, options and deck files (*.yaml, *.yml).
# Load it with:  source <(${spec.program} completion bash)
# or save it as ~/.local/share/bash-completion/completions/${spec.program}

${fn}_files() {
  # $1: decks (*.yaml, *.yml and folders), files, or dirs
  local IFS=$'\\n' f
  compopt -o filenames 2>/dev/null
  if [[ $1 == dirs ]]; then
    COMPREPLY=($(compgen -d -- "$cur"))
    return
  fi
  for f in $(compgen -f -- "$cur"); do
    if [[ $1 == files || -d $f || $f == *.yaml || $f == *.yml ]]; then COMPREPLY+=("$f"); fi
  done
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd= i
  local opts= args= commands='${commands}'
  COMPREPLY=()
  # \`--format=sarif\`: bash splits at the =, so the option is two words back.
  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      -* | =) ;;
      *) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done
  case $cmd in
${cases.join('\n')}
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case $args in
    decks | files | dirs) ${fn}_files "$args" ;;
    commands) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
    '') ;;
    *) COMPREPLY=($(compgen -W "$args" -- "$cur")) ;;
  esac
}

complete -F ${fn} ${spec.program}
`;
}

/** One `case` arm: the values of this command's options, its option names, its arguments. */
function branch(
  fn: string,
  pattern: string,
  options: readonly CompletionOption[],
  args: ValueKind | undefined,
): string {
  const lines = [`    ${pattern})`];
  const valued = options.filter((o) => o.value);
  if (valued.length > 0) {
    lines.push('      case $prev in');
    for (const o of valued)
      lines.push(`        ${optionNames(o).join(' | ')}) ${valueCompletion(fn, o.value!)}; return ;;`);
    lines.push('      esac');
  }
  lines.push(`      opts='${options.flatMap(optionNames).join(' ')}'`);
  lines.push(`      args='${args ? argsWord(args) : ''}'`);
  lines.push('      ;;');
  return lines.join('\n');
}

function argsWord(kind: ValueKind): string {
  return kind.kind === 'choices' ? kind.values.join(' ') : kind.kind === 'any' ? '' : kind.kind;
}

function valueCompletion(fn: string, kind: ValueKind): string {
  if (kind.kind === 'choices') return `COMPREPLY=($(compgen -W '${kind.values.join(' ')}' -- "$cur"))`;
  if (kind.kind === 'any') return ':';
  if (kind.kind === 'commands') return `COMPREPLY=($(compgen -W "$commands" -- "$cur"))`;
  return `${fn}_files ${kind.kind}`;
}
