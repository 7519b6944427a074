import type { Argument, Command, Option } from 'commander';
import { renderBash } from '../core/completion/bash.js';
import { renderFish } from '../core/completion/fish.js';
import {
  isPlainWord,
  type CompletionCommand,
  type CompletionOption,
  type CompletionSpec,
  type ValueKind,
} from '../core/completion/spec.js';
import { renderZsh } from '../core/completion/zsh.js';
import { UsageError } from '../errors.js';

const RENDERERS = { bash: renderBash, zsh: renderZsh, fish: renderFish } as const;

/** Prints the completion script for `shell`, built from the program's own command tree. */
export async function runCompletion(
  shell: string,
  program: Command,
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<void> {
  const render = RENDERERS[shell as keyof typeof RENDERERS];
  if (!render) throw new UsageError(`unknown shell "${shell}"; use one of ${Object.keys(RENDERERS).join(', ')}`);
  out(render(completionSpec(program)));
}

/** Commands, options and arguments as commander's help shows them (so hidden ones stay hidden). */
export function completionSpec(program: Command): CompletionSpec {
  const help = program.createHelp();
  const commands: CompletionCommand[] = help.visibleCommands(program).map((command) => ({
    name: command.name(),
    description: command.description() || command.summary(),
    options: help.visibleOptions(command).map(completionOption),
    args: argumentsKind(command.registeredArguments),
  }));
  for (const word of commands
    .flatMap((c) => [c.name, ...c.options.flatMap((o) => [o.short ?? '', o.long ?? ''])])
    .filter(Boolean)) {
    // Scripts put these unquoted in word lists; a name a shell would split is a bug here.
    if (!isPlainWord(word)) throw new Error(`cannot complete the name ${JSON.stringify(word)}`);
  }
  return { program: program.name(), globalOptions: help.visibleOptions(program).map(completionOption), commands };
}

function completionOption(option: Option): CompletionOption {
  const takesValue = option.required || option.optional;
  return {
    ...(option.short ? { short: option.short } : {}),
    ...(option.long ? { long: option.long } : {}),
    description: option.description,
    ...(takesValue ? { value: optionValueKind(option) } : {}),
    // A custom parser here is the collect() of repeatable filters (--tag a --tag b).
    repeatable: Boolean(takesValue && option.parseArg && !option.argChoices),
  };
}

/** From the value's name in the flags: `<file>` and `<path>` are files; choices are offered. */
function optionValueKind(option: Option): ValueKind {
  if (option.argChoices) return { kind: 'choices', values: option.argChoices };
  const name = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  return /^(file|path)$/.test(name) ? { kind: 'files' } : { kind: 'any' };
}

/** What a command's arguments are, from the first one's name: `[paths...]` are decks. */
function argumentsKind(args: readonly Argument[]): ValueKind | undefined {
  const first = args[0];
  if (!first) return undefined;
  if (first.argChoices) return { kind: 'choices', values: first.argChoices };
  switch (first.name()) {
    case 'paths':
      return { kind: 'decks' };
    case 'dir':
      return { kind: 'dirs' };
    case 'command':
      return { kind: 'commands' };
    case 'file':
      return { kind: 'files' };
    default:
      return { kind: 'any' };
  }
}
