import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import { basename, extname } from 'node:path';
import { noteToCard } from '../core/interchange/anki-notes.js';
import { parseAnkiText } from '../core/interchange/anki-text.js';
import { parseDelimited } from '../core/interchange/csv.js';
import { mergeDeckYaml, newDeckYaml, type DeckHeader } from '../core/interchange/deck-yaml.js';
import { detectImportFormat, parseImportFormat, type ImportFormat } from '../core/interchange/formats.js';
import { giftDeckName, parseGift } from '../core/interchange/gift-parse.js';
import { idAllocator, slugify } from '../core/interchange/ids.js';
import type { ImportedCards } from '../core/interchange/imported.js';
import { guessLang } from '../core/interchange/lang.js';
import { neutralizeLine } from '../core/text.js';
import { ExitError, UsageError } from '../errors.js';

export interface ImportOptionInput {
  output?: string;
  from?: string;
  lang?: string;
  deck?: string;
  title?: string;
  force?: boolean;
}

/** The shared shape (out, err, clock, random), and import's own: files. */
export interface ImportDeps extends CommandDeps {
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, data: string) => void;
  exists: (path: string) => boolean;
}

export const defaultImportDeps: ImportDeps = {
  ...systemDeps(),
  readFile: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
  exists: (path) => existsSync(path),
};

const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Messages about single notes are capped; a 5,000-note collection with a sound on each says so in a few lines. */
const MAX_MESSAGES = 20;

/** `quizdeck import FILE [-o deck.yaml]`: another tool's file as a valid deck, merged by card id into an existing one. */
export async function runImport(
  file: string,
  input: ImportOptionInput,
  deps: ImportDeps = defaultImportDeps,
): Promise<void> {
  const from = parseImportFormat(input.from);
  if ('error' in from) throw new UsageError(from.error);
  if (input.lang !== undefined && !LANG.test(input.lang))
    throw new UsageError(`--lang must be a BCP 47 language tag such as "en" or "zh-Hans" (got "${input.lang}")`);
  if (input.deck !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.deck))
    throw new UsageError(`--deck must be lowercase kebab-case, e.g. "my-deck" (got "${input.deck}")`);
  const { describeFsError } = await import('../io/deckFiles.js');
  let bytes: Uint8Array;
  try {
    bytes = deps.readFile(file);
  } catch (error) {
    throw new UsageError(`${file}: ${describeFsError(error)}`);
  }
  const text = () => new TextDecoder().decode(bytes);
  const format = from.value ?? detectImportFormat(file, bytes, text);
  const imported = await readCards(file, format, bytes, text);
  const shown = imported.messages.slice(0, MAX_MESSAGES);
  // The messages quote the file (media names, note text): control characters are shown, never sent.
  const say = (line: string) => deps.err(`quizdeck: ${neutralizeLine(line)}\n`);
  for (const m of shown) say(`${file}: ${m}`);
  if (imported.messages.length > shown.length)
    say(`${file}: and ${imported.messages.length - shown.length} more notes like these`);
  if (imported.cards.length === 0)
    throw new UsageError(`${file}: no cards found (read as ${format}; give --from if that is not its format)`);

  const { parseDeck } = await import('../core/deck/parse.js');
  const target = input.output;
  if (target !== undefined && deps.exists(target)) {
    const existing = new TextDecoder().decode(deps.readFile(target));
    const problem = parseDeck(target, existing).diagnostics.find((d) => d.severity === 'error');
    if (problem)
      throw new UsageError(
        `${target}:${problem.line}: ${problem.message}; fix the deck before importing into it (run \`quizdeck validate ${target}\`)`,
      );
    const merged = mergeDeckYaml(existing, imported.cards, input.force === true);
    if ('error' in merged) throw new UsageError(`${target}: cannot merge into this file: ${merged.error}`);
    checkValid(parseDeck, target, merged.text);
    save(deps, target, merged.text, describeFsError);
    const parts = [`${merged.added.length} added`, `${merged.updated.length} updated`, `${merged.unchanged} unchanged`];
    if (merged.kept.length)
      parts.push(
        `${merged.kept.length} kept as the file has them (your edits; --force takes the imported ones: ${merged.kept.slice(0, 5).join(', ')}${merged.kept.length > 5 ? ', ...' : ''})`,
      );
    say(`merged into ${target}: ${parts.join(', ')}`);
    return;
  }
  const header = deckHeader(file, format, imported, input, text);
  const yaml = newDeckYaml(header, imported.cards);
  checkValid(parseDeck, target ?? 'imported deck', yaml);
  if (target === undefined) {
    deps.out(yaml);
    return;
  }
  save(deps, target, yaml, describeFsError);
  say(
    `wrote ${target} (${imported.cards.length} ${imported.cards.length === 1 ? 'card' : 'cards'}, deck ${header.deck}, lang ${header.lang}${input.lang ? '' : ' guessed; --lang sets it'})`,
  );
}

async function readCards(
  file: string,
  format: ImportFormat,
  bytes: Uint8Array,
  text: () => string,
): Promise<ImportedCards> {
  switch (format) {
    case 'anki':
      return parseAnkiText(text());
    case 'gift':
      return parseGift(text());
    case 'csv':
      return parseDelimited(text(), ',');
    case 'tsv':
      return parseDelimited(text(), '\t');
    case 'apkg': {
      const { readApkg, ApkgReadError } = await import('../io/apkg.js');
      let apkg;
      try {
        apkg = readApkg(file, bytes);
      } catch (error) {
        if (error instanceof ApkgReadError) throw new UsageError(error.message);
        throw error;
      }
      const result: ImportedCards = { cards: [], messages: [...apkg.messages], title: apkg.title };
      const allocate = idAllocator();
      for (const note of apkg.notes) {
        const { card, notes } = noteToCard(note, allocate);
        if (card) result.cards.push(card);
        for (const n of notes) result.messages.push(`${note.where}: ${n}`);
      }
      return result;
    }
  }
}

function deckHeader(
  file: string,
  format: ImportFormat,
  imported: ImportedCards,
  input: ImportOptionInput,
  text: () => string,
): DeckHeader {
  const stem = basename(file, extname(file));
  const sourceName = format === 'gift' ? giftDeckName(text()) : imported.title?.split('::').pop();
  const title = input.title ?? (sourceName || stem);
  const deck =
    input.deck ??
    (slugify(sourceName ?? '') ||
      slugify(input.output ? basename(input.output, extname(input.output)) : stem) ||
      'imported');
  const lang = input.lang ?? guessLang(imported.cards.map(cardText));
  return { deck, title, lang, source: basename(file) };
}

function cardText(card: ImportedCards['cards'][number]): string {
  const c = card as { q?: string; a?: string; text?: string };
  return `${c.q ?? c.text ?? ''} ${c.a ?? ''}`;
}

function checkValid(
  parseDeck: (file: string, text: string) => { diagnostics: { severity: string; line: number; message: string }[] },
  file: string,
  text: string,
): void {
  const error = parseDeck(file, text).diagnostics.find((d) => d.severity === 'error');
  // The converters only make cards the format allows, so this is a bug: say so rather than write a broken deck.
  if (error)
    throw new ExitError(
      1,
      `the imported deck would not be valid (line ${error.line}: ${error.message}); nothing was written — please report this`,
    );
}

function save(deps: ImportDeps, path: string, text: string, describeFsError: (e: unknown) => string): void {
  try {
    deps.writeFile(path, text);
  } catch (error) {
    throw new ExitError(2, `cannot write ${path}: ${describeFsError(error)}`);
  }
}
