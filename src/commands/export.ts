import { writeFileSync } from 'node:fs';
import { systemDeps, type CommandDeps } from './shared/deps.js';
import type { Deck } from '../core/deck/schema.js';
import { preferredLanguages } from '../core/deck/translations.js';
import { renderAnkiText } from '../core/interchange/anki-text.js';
import { buildAnkiCollection } from '../core/interchange/apkg.js';
import { renderDelimited } from '../core/interchange/csv.js';
import { parseExportFormat, type ExportFormat } from '../core/interchange/formats.js';
import { renderGift } from '../core/interchange/gift.js';
import { describeLosses, type Loss } from '../core/interchange/losses.js';
import { renderMoodleXml } from '../core/interchange/moodle-xml.js';
import { neutralizeLine } from '../core/text.js';
import { ExitError, UsageError } from '../errors.js';

export interface ExportOptionInput {
  to?: string;
  output?: string;
}

/** The shared shape (out, err, clock: an .apkg's rows are stamped with its time, random), and a file writer. */
export interface ExportDeps extends CommandDeps {
  writeFile: (path: string, data: string | Uint8Array) => void;
}

export const defaultExportDeps: ExportDeps = { ...systemDeps(), writeFile: (path, data) => writeFileSync(path, data) };

const FORMAT_NAMES: Record<ExportFormat, string> = {
  anki: 'Anki text',
  apkg: 'Anki package',
  gift: 'GIFT',
  'moodle-xml': 'Moodle XML',
  csv: 'CSV',
  tsv: 'TSV',
};

/** `quizdeck export --to FORMAT [paths...] -o FILE`: the decks in another tool's format; what it cannot carry is said on stderr. */
export async function runExport(
  paths: string[],
  input: ExportOptionInput & { lang?: string },
  deps: ExportDeps = defaultExportDeps,
): Promise<void> {
  const format = parseExportFormat(input.to, input.output);
  if ('error' in format) throw new UsageError(format.error);
  if (format.value === 'apkg' && input.output === undefined)
    throw new UsageError('an .apkg is a binary file: name it with -o, e.g. -o deck.apkg');
  const [{ requireValidWholeDecks }, { describeFsError }] = await Promise.all([
    import('./shared/decks.js'),
    import('../io/deckFiles.js'),
  ]);
  const decks = await requireValidWholeDecks(paths, { languages: preferredLanguages(input.lang, process.env) });
  const { data, losses } = await render(format.value, decks, deps);
  const sayLosses = () => {
    for (const line of describeLosses(FORMAT_NAMES[format.value], losses))
      deps.err(`quizdeck: ${neutralizeLine(line)}\n`);
  };
  if (input.output === undefined) {
    deps.out(data as string);
    sayLosses();
    return;
  }
  try {
    deps.writeFile(input.output, data);
  } catch (error) {
    throw new ExitError(2, `cannot write ${input.output}: ${describeFsError(error)}`);
  }
  sayLosses();
  const cards = decks.reduce((n, d) => n + d.cards.length, 0);
  const carried = cards - new Set(losses.filter((l) => l.whole).map((l) => `${l.deckId}/${l.cardId}`)).size;
  deps.err(
    `quizdeck: wrote ${neutralizeLine(input.output)} (${carried} of ${cards} ${cards === 1 ? 'card' : 'cards'})\n`,
  );
}

async function render(
  format: ExportFormat,
  decks: readonly Deck[],
  deps: ExportDeps,
): Promise<{ data: string | Uint8Array; losses: Loss[] }> {
  switch (format) {
    case 'anki':
      return asData(renderAnkiText(decks));
    case 'gift':
      return asData(renderGift(decks));
    case 'moodle-xml':
      return asData(renderMoodleXml(decks));
    case 'csv':
      return asData(renderDelimited(decks, ','));
    case 'tsv':
      return asData(renderDelimited(decks, '\t'));
    case 'apkg': {
      const collection = buildAnkiCollection(decks, deps.clock.now());
      const { writeApkg } = await import('../io/apkg.js');
      return { data: writeApkg(collection), losses: collection.losses };
    }
  }
}

function asData(result: { text: string; losses: Loss[] }) {
  return { data: result.text, losses: result.losses };
}
