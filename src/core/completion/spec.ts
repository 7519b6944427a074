/**
 * What a shell completes, read from the command tree (src/commands/completion.ts builds it
 * from commander), so a new command or option is completed without anyone listing it twice.
 */

/** What a word in a position is: a deck file, a folder, one of fixed values... */
export type ValueKind =
  | { kind: 'decks' } // *.yaml / *.yml files, and folders to search
  | { kind: 'files' }
  | { kind: 'dirs' }
  | { kind: 'commands' }
  | { kind: 'choices'; values: readonly string[] }
  | { kind: 'any' }; // free text: nothing to offer

export interface CompletionOption {
  short?: string; // `-f`
  long?: string; // `--format`
  description: string;
  /** Absent for a flag; what its value is for an option that takes one. */
  value?: ValueKind;
  /** Given more than once (`--tag a --tag b`). */
  repeatable: boolean;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: readonly CompletionOption[];
  /** What its arguments are; absent for a command that takes none. */
  args?: ValueKind;
}

export interface CompletionSpec {
  /** The name the shell completes: `quizdeck`. */
  program: string;
  globalOptions: readonly CompletionOption[];
  commands: readonly CompletionCommand[];
}

/** The option's spellings that a person types: `-f`, `--format`. */
export function optionNames(option: CompletionOption): string[] {
  return [option.short, option.long].filter((n): n is string => n !== undefined);
}

/** A value that can stand unquoted in every shell's word list: commands, options, choices. */
export function isPlainWord(word: string): boolean {
  return /^[\w.+@%/-]+$/.test(word);
}
