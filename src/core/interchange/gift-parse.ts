import type { Card } from '../deck/schema.js';
import { cleanText } from './anki-notes.js';
import { htmlToText } from './html.js';
import { idAllocator } from './ids.js';
import type { ImportedCards } from './imported.js';

/**
 * Reads GIFT (docs.moodle.org/en/GIFT_format) into cards: true/false, multiple choice (one or
 * several right answers, `%50%` weights), short answer (alternatives become `accept`),
 * missing-word questions (a short answer in the middle becomes a cloze card), general feedback
 * (`####`) as `why`, titles as ids, `$CATEGORY:` as section, `// [tag:x]` comments as tags.
 * Numerical, matching and essay questions and descriptions have no card type; they are named.
 */
interface GiftQuestion {
  title?: string;
  /** The `[html]`, `[moodle]`, `[plain]` or `[markdown]` marker; `moodle` (HTML allowed) when none. */
  format: string;
  before: string;
  after: string;
  body: string;
  tags: string[];
  category?: string;
  line: number;
}

export function parseGift(source: string): ImportedCards {
  const result: ImportedCards = { cards: [], messages: [] };
  const questions = splitQuestions(source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), result.messages);
  const allocate = idAllocator();
  const pieces = new Map<string, { at: number; text: string; answer: string; before: number }[]>();
  for (const q of questions) {
    const card = toCard(q, result.messages);
    if (!card) continue;
    // Several missing-word questions titled id/c1, id/c2... are one cloze card with several deletions.
    const piece = q.title === undefined ? undefined : /^(.+)\/c(\d+)$/.exec(q.title);
    if (piece && card.type === 'cloze') {
      const parts = pieces.get(piece[1]!);
      const match = /^([\s\S]*?)\{\{([\s\S]*?)\}\}([\s\S]*)$/.exec(card.text)!;
      const entry = {
        at: result.cards.length,
        text: match[1]! + match[2]! + match[3]!,
        answer: match[2]!,
        before: match[1]!.length,
      };
      if (parts) {
        parts.push(entry);
        continue;
      }
      pieces.set(piece[1]!, [entry]);
      result.cards.push({ ...card, id: allocate(piece[1]!, 'question') });
      continue;
    }
    result.cards.push({ ...card, id: allocate(card.id, 'question') });
  }
  for (const parts of pieces.values()) joinCloze(result.cards, parts);
  // In file order: descriptions are found while splitting, the rest while converting.
  const lineOf = (m: string) => Number(/^line (\d+)/.exec(m)?.[1] ?? 0);
  result.messages.sort((a, b) => lineOf(a) - lineOf(b));
  return result;
}

/** Rebuilds a cloze card from its one-deletion questions: the full text is the same in each; each names where its blank is. */
function joinCloze(cards: Card[], parts: { at: number; text: string; answer: string; before: number }[]): void {
  const first = cards[parts[0]!.at] as Extract<Card, { type: 'cloze' }>;
  if (parts.length === 1 || parts.some((p) => p.text !== parts[0]!.text)) return;
  const full = parts[0]!.text;
  const sorted = [...parts].sort((a, b) => a.before - b.before);
  let text = '';
  let at = 0;
  for (const p of sorted) {
    if (p.before < at) return;
    text += `${full.slice(at, p.before)}{{${p.answer}}}`;
    at = p.before + p.answer.length;
  }
  first.text = text + full.slice(at);
}

function splitQuestions(source: string, messages: string[]): GiftQuestion[] {
  const questions: GiftQuestion[] = [];
  let category: string | undefined;
  let tags: string[] = [];
  let block: string[] = [];
  let blockLine = 0;
  const flush = () => {
    const text = block.join('\n').trim();
    if (text) {
      const q = readQuestion(text, blockLine, messages);
      if (q) questions.push({ ...q, tags, category });
    }
    tags = [];
    block = [];
  };
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) {
      for (const m of trimmed.matchAll(/\[tag:([^\]]+)\]/g)) tags.push(m[1]!.trim());
      continue;
    }
    if (trimmed === '') {
      flush();
      continue;
    }
    if (block.length === 0 && /^\$CATEGORY:/i.test(trimmed)) {
      category = trimmed.replace(/^\$CATEGORY:\s*/i, '');
      continue;
    }
    if (block.length === 0) blockLine = i + 1;
    block.push(line);
  }
  flush();
  return questions;
}

/** Index of the first `char` not escaped with a backslash, from `from`. */
function findUnescaped(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(char, i)) return i;
  }
  return -1;
}

function readQuestion(
  text: string,
  line: number,
  messages: string[],
): Omit<GiftQuestion, 'tags' | 'category'> | undefined {
  let rest = text;
  let title: string | undefined;
  if (rest.startsWith('::')) {
    const end = findUnescaped(rest, '::', 2);
    if (end !== -1) {
      title = unescape(rest.slice(2, end)).trim();
      rest = rest.slice(end + 2);
    }
  }
  const marker = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(rest);
  const format = marker ? marker[1]!.toLowerCase() : 'moodle';
  if (marker) rest = rest.slice(marker[0].length);
  const open = findUnescaped(rest, '{');
  const close = open === -1 ? -1 : findUnescaped(rest, '}', open + 1);
  if (open === -1 || close === -1) {
    messages.push(`line ${line}: a description (text without answers) has no card type; skipped`);
    return undefined;
  }
  return {
    title,
    format,
    before: rest.slice(0, open),
    body: rest.slice(open + 1, close),
    after: rest.slice(close + 1),
    line,
  };
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** Question text, feedback or a choice: escapes undone, and HTML read as text unless the format says plain or markdown. */
function plainText(raw: string, format: string, messages: string[], line: number): string {
  let text = unescape(raw);
  if (format === 'html' || format === 'moodle') {
    const { text: plain, dropped } = htmlToText(text);
    for (const d of dropped) messages.push(`line ${line}: ${d} dropped`);
    text = plain;
  }
  return cleanText(text);
}

interface Answer {
  correct: boolean;
  weight?: number;
  text: string;
}

function splitAnswers(body: string): Answer[] {
  const answers: Answer[] = [];
  let i = 0;
  while (i < body.length) {
    const mark = body[i];
    if (mark !== '=' && mark !== '~') {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < body.length && !((body[end] === '=' || body[end] === '~') && body[end - 1] !== '\\')) end++;
    let text = body.slice(i + 1, end);
    let weight: number | undefined;
    const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (w) {
      weight = Number(w[1]);
      text = text.slice(w[0].length);
    }
    const feedback = findUnescaped(text, '#');
    if (feedback !== -1) text = text.slice(0, feedback);
    answers.push({ correct: mark === '=' || (weight ?? 0) > 0, weight, text: cleanText(unescape(text)) });
    i = end;
  }
  return answers.filter((a) => a.text !== '');
}

function toCard(q: GiftQuestion, messages: string[]): Card | undefined {
  const where = `line ${q.line}${q.title ? ` (${q.title})` : ''}`;
  let body = q.body;
  let why: string | undefined;
  const general = findUnescaped(body, '####');
  if (general !== -1) {
    why = plainText(body.slice(general + 4), q.format, messages, q.line) || undefined;
    body = body.slice(0, general);
  }
  const before = plainText(q.before, q.format, messages, q.line);
  const after = plainText(q.after, q.format, messages, q.line);
  const missingWord = after !== '';
  const stem = missingWord
    ? `${before}${/\s$/.test(q.before) ? ' ' : ''}_____${/^\s/.test(q.after) ? ' ' : ''}${after}`
    : before;
  const id = q.title ?? stem.split(/\s+/).slice(0, 8).join(' ');
  const section = sectionOf(q.category);
  const common = {
    id,
    ...(q.tags.length ? { tags: q.tags } : {}),
    ...(section ? { section } : {}),
    ...(why ? { why } : {}),
  };
  const trimmed = body.trim();
  if (stem === '') {
    messages.push(`${where}: a question without text; skipped`);
    return undefined;
  }
  const tf = /^(T|TRUE|F|FALSE)\s*(?:#[\s\S]*)?$/i.exec(trimmed);
  if (tf) return { ...common, type: 'truefalse', q: stem, answer: tf[1]!.toUpperCase().startsWith('T') };
  if (trimmed === '') return skip(messages, where, 'an essay question');
  if (trimmed.startsWith('#')) {
    // An exact number is a basic card's answer (typed answers compare numbers as text); a range or tolerance has no card type.
    const exact = /^#\s*=?\s*(-?\d+(?:\.\d+)?)(?:\s*:\s*0+(?:\.0+)?)?\s*(?:#[\s\S]*)?$/.exec(trimmed);
    if (exact) return { ...common, q: stem, a: exact[1]! };
    return skip(messages, where, 'a numerical question with a range or tolerance');
  }
  if (/->/.test(trimmed) && !/~/.test(trimmed)) return skip(messages, where, 'a matching question');
  const answers = splitAnswers(trimmed);
  if (answers.length === 0) return skip(messages, where, 'a question without answers');
  const isChoice = /(^|[^\\])~/.test(trimmed);
  if (!isChoice) {
    const [first, ...others] = answers;
    if (missingWord) {
      if (others.length)
        messages.push(
          `${where}: the other accepted answers of a missing-word question dropped (a cloze deletion has one answer)`,
        );
      // The blank is marked with a private-use character while the text is read, so the spacing around it stays as written.
      const text = plainText(`${q.before}\ue000${q.after}`, q.format, messages, q.line).replace(
        '\ue000',
        `{{${first!.text}}}`,
      );
      return { ...common, type: 'cloze', text };
    }
    return { ...common, q: stem, a: first!.text, ...(others.length ? { accept: others.map((a) => a.text) } : {}) };
  }
  // Choices are written in the question's format; short answers are compared as typed, so they stay plain.
  const choiceText = (a: Answer) => (q.format === 'html' ? cleanText(htmlToText(a.text).text) : a.text);
  const choices = [...new Set(answers.map(choiceText))];
  const correct = answers.filter((a) => a.correct).map(choiceText);
  if (choices.length < 2 || correct.length === 0)
    return skip(messages, where, 'a multiple-choice question without two choices and a right one');
  const multi = answers.some((a) => a.weight !== undefined) && correct.length > 1;
  return { ...common, type: 'choice', q: stem, choices, answer: multi ? correct : correct[0]! };
}

function skip(messages: string[], where: string, what: string): undefined {
  messages.push(`${where}: ${what} has no quizdeck card type; skipped`);
  return undefined;
}

/** `$course$/hypervisors/xen` -> `xen`: the category below the deck's own. */
function sectionOf(category: string | undefined): string | undefined {
  if (!category) return undefined;
  const parts = categoryParts(category);
  return parts.length > 1 ? parts.slice(1).join('/') : undefined;
}

/** The first segment of the first `$CATEGORY:` (quizdeck writes the deck id there). */
export function giftDeckName(source: string): string | undefined {
  const match = /^\$CATEGORY:\s*(.+)$/m.exec(source);
  return match ? categoryParts(match[1]!)[0] : undefined;
}

/** A category path's names, without Moodle's `$course$` and `top`; `//` is a slash inside a name. */
function categoryParts(path: string): string[] {
  return path
    .replace(/\/\//g, '\ue001')
    .split('/')
    .map((p) => p.replace(/\ue001/g, '/').trim())
    .filter((p) => p && !/^\$\w+\$$/.test(p) && p !== 'top');
}
