import { renderCloze } from '../deck/cloze.js';
import type { StudyItem } from '../deck/items.js';
import { ENGLISH, type Messages } from '../messages/index.js';
import { plainPaint, type Paint } from '../paint.js';
import { neutralizeControls, wrapText } from '../text.js';
import { isReverse } from './model.js';

/**
 * The question side of an item as screen lines, the same in `study` and `quiz`: the reverse
 * lead-in (one wording, from the catalogue), then the prompt wrapped by display width, bold;
 * a cloze shows its text with the asked deletion as [hint], highlighted.
 */
export function formatItemPrompt(
  item: StudyItem,
  width: number,
  paint: Paint = plainPaint,
  m: Messages = ENGLISH,
  indent = '',
): string[] {
  const lines: string[] = [];
  if (isReverse(item)) lines.push(paint.dim(m.reversePrompt));
  if (item.kind === 'cloze')
    lines.push(
      ...markedCloze(
        item,
        width,
        indent,
        (hint) => hint ?? '...',
        (s) => paint.bold(paint.warning(s)),
        true,
      ),
    );
  else for (const line of cardLines(item.prompt, width, indent)) lines.push(paint.bold(line));
  return lines;
}

/** A cloze answered: its whole text with the asked deletion filled in and highlighted. */
export function formatClozeAnswer(
  item: Extract<StudyItem, { kind: 'cloze' }>,
  width: number,
  paint: Paint = plainPaint,
  indent = '',
): string[] {
  return markedCloze(
    item,
    width,
    indent,
    () => item.answer,
    (s) => paint.bold(paint.accent(s)),
  );
}

/** Card text as screen lines: control characters made visible, wrapped by display width (CJK counts two), after `indent`. */
export function cardLines(text: string, width: number, indent = ''): string[] {
  return wrapText(neutralizeControls(text), Math.max(10, width - indent.length)).map((line) => indent + line);
}

/** The shown steps of an order question, numbered, wrapped under their text. */
export function formatSteps(shown: readonly string[], width: number): string[] {
  return shown.flatMap((step, i) =>
    cardLines(step, width, '     ').map((line, k) => (k === 0 ? line.replace(/^ {5}/, `  ${i + 1}. `) : line)),
  );
}

/**
 * A cloze's text, wrapped, with its target deletion replaced by `fill` and styled. Private-use
 * marks stand in for the brackets while wrapping (one column each, like the brackets), so the
 * deletion is found exactly even if the text has brackets too; `brackets` keeps them as [ ].
 */
function markedCloze(
  item: Extract<StudyItem, { kind: 'cloze' }>,
  width: number,
  indent: string,
  fill: (hint: string | undefined) => string,
  style: (s: string) => string,
  brackets = false,
): string[] {
  const marked = renderCloze(item.text, item.deletion, (hint) => `\uE000${fill(hint)}\uE001`);
  return cardLines(marked, width, indent)
    .join('\n')
    .replace(/\uE000([^\uE001]*)\uE001/, (_m, inner: string) =>
      (brackets ? `[${inner}]` : inner)
        .split('\n')
        .map((part) => part.replace(/^(\s*)(.*)$/, (_l, space: string, body: string) => space + style(body)))
        .join('\n'),
    )
    .split('\n');
}
