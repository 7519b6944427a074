import { parseCardTypes, parseList, parseSeed } from '../options.js';
import type { DeckFilter } from '../deck/filter.js';
import { ANSWER_MODES, MAX_VERSIONS, PAPER_SIZES, type AnswerMode, type PaperSize } from './model.js';
import { TEXT_FORMATS, type TextFormat } from './render.js';

/** What commander hands over: raw strings, checked here so every bad value gets one sentence. */
export interface PrintOptionInput {
  format?: string;
  output?: string;
  answers?: string;
  versions?: string;
  seed?: string;
  count?: string;
  tag?: string[];
  section?: string[];
  type?: string[];
  deck?: string[];
  title?: string;
  paper?: string;
  date?: string;
  browser?: string;
}

export const PRINT_FORMATS = [...TEXT_FORMATS, 'pdf'] as const;
export type PrintFormat = TextFormat | 'pdf';

export interface PrintSettings {
  format: PrintFormat;
  output?: string;
  answers: AnswerMode;
  versions: number;
  /** Undefined when not given: the shell then picks one and shows it. */
  seed?: string;
  count?: number;
  filter: DeckFilter;
  title?: string;
  paper: PaperSize;
  date?: string;
  browser?: string;
}

export type Parsed<T> = { value: T } | { error: string };

const EXTENSION_FORMATS: Record<string, PrintFormat> = {
  html: 'html',
  htm: 'html',
  md: 'md',
  markdown: 'md',
  txt: 'txt',
  text: 'txt',
  json: 'json',
  pdf: 'pdf',
};

/** --format, else the -o file's extension (an unknown one is refused), else txt (readable on a terminal). */
function chooseFormat(format: string | undefined, output: string | undefined): Parsed<PrintFormat> {
  if (format !== undefined) {
    const f = format.trim().toLowerCase();
    if (!(PRINT_FORMATS as readonly string[]).includes(f))
      return { error: `--format "${format}" is not an output format; use one of ${PRINT_FORMATS.join(', ')}` };
    return { value: f as PrintFormat };
  }
  // `-o sheet.docx` must not quietly get plain text in a file Word cannot open.
  const ext = output?.match(/\.([^./\\]+)$/)?.[1];
  if (ext === undefined) return { value: 'txt' };
  const known = EXTENSION_FORMATS[ext.toLowerCase()];
  if (!known)
    return {
      error: `-o "${output}": ".${ext}" is not an output format; name the file .html, .md, .txt, .json or .pdf, or choose one with --format`,
    };
  return { value: known };
}

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): Parsed<T> {
  if (value === undefined) return { value: fallback };
  const v = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    return { error: `${option} "${value}" is not valid; use one of ${allowed.join(', ')}` };
  return { value: v as T };
}

function wholeNumber(
  option: string,
  text: string | undefined,
  max: number | undefined,
  example: string,
): Parsed<number | undefined> {
  if (text === undefined) return { value: undefined };
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || (max !== undefined && n > max)) {
    const range = max === undefined ? 'a positive whole number' : `a whole number from 1 to ${max}`;
    return { error: `${option} "${text}" is not ${range}; use e.g. ${example}` };
  }
  return { value: n };
}

export function parsePrintOptions(input: PrintOptionInput): Parsed<PrintSettings> {
  const format = chooseFormat(input.format, input.output);
  if ('error' in format) return format;
  if (format.value === 'pdf' && input.output === undefined)
    return { error: '--format pdf needs an output file: add -o sheet.pdf' };
  const answers = oneOf('--answers', input.answers, ANSWER_MODES, 'end');
  if ('error' in answers) return answers;
  const paper = oneOf('--paper', input.paper, PAPER_SIZES, 'a4');
  if ('error' in paper) return paper;
  const versions = wholeNumber('--versions', input.versions, MAX_VERSIONS, '--versions 2');
  if ('error' in versions) return versions;
  const count = wholeNumber('-n', input.count, undefined, '-n 20');
  if ('error' in count) return count;
  const types = parseCardTypes(input.type);
  if ('error' in types) return types;
  const seed = parseSeed(input.seed);
  if ('error' in seed) return seed;
  if (input.title !== undefined && input.title.trim() === '') return { error: '--title must not be empty' };
  if (input.output !== undefined && input.output.trim() === '') return { error: '-o must name a file' };
  return {
    value: {
      format: format.value,
      output: input.output,
      answers: answers.value,
      versions: versions.value ?? 1,
      seed: seed.value,
      count: count.value,
      filter: {
        tags: parseList(input.tag ?? []),
        sections: parseList(input.section ?? []),
        types: types.value,
        decks: parseList(input.deck ?? []),
      },
      title: input.title?.trim(),
      paper: paper.value,
      date: input.date?.trim() || undefined,
      browser: input.browser,
    },
  };
}
