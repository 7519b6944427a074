import { normalizeAnswer } from '../answer.js';
import { clozeDeletions } from './cloze.js';
import { quoteText } from './diagnostic.js';
import type { Locate, Reporter } from './parsed.js';
import { cardTypeOf, type Card } from './schema.js';

/** Cross-field rules for one card that passed the schema. Returns false if it has errors. */
export function checkCard(card: Card, at: Locate, report: Reporter['report']): boolean {
  let ok = true;
  const error = (rule: string, message: string, path: (string | number)[]) => {
    ok = false;
    report('error', rule, message, at(path));
  };
  switch (card.type ?? 'basic') {
    case 'choice': {
      const c = card as Extract<Card, { type: 'choice' }>;
      const seen = new Map<string, number>();
      c.choices.forEach((choice, i) => {
        const key = normalizeAnswer(choice);
        const first = seen.get(key);
        if (first !== undefined)
          error('choice-duplicate', `choice ${i + 1} repeats choice ${first + 1} (${quoteText(choice)})`, [
            'choices',
            i,
          ]);
        else seen.set(key, i);
      });
      const answers = Array.isArray(c.answer) ? c.answer : [c.answer];
      answers.forEach((answer, i) => {
        if (!c.choices.includes(answer)) {
          error(
            'choice-answer-not-in-choices',
            `the answer ${quoteText(answer)} is not one of the choices; it must match a choice exactly`,
            Array.isArray(c.answer) ? ['answer', i] : ['answer'],
          );
        }
      });
      if (Array.isArray(c.answer) && new Set(c.answer).size !== c.answer.length)
        error('choice-duplicate', 'the answer list names the same choice twice', ['answer']);
      if (answers.length === c.choices.length && c.choices.length > 1)
        report(
          'warning',
          'choice-all-correct',
          'every choice is marked correct, so the question tests nothing',
          at(['answer']),
        );
      else if (Array.isArray(c.answer) && answers.length >= 2 && c.choices.length - answers.length === 1) {
        report(
          'warning',
          'choice-one-wrong',
          'all but one choice is correct, so spotting the odd one out is enough; add wrong choices or ask for the wrong one',
          at(['answer']),
        );
      }
      checkWhy(c.why, answers, at, report);
      break;
    }
    case 'cloze': {
      const c = card as Extract<Card, { type: 'cloze' }>;
      const deletions = clozeDeletions(c.text);
      if (deletions.length === 0)
        error(
          'cloze-no-deletion',
          'cloze text has no {{deletion}}; mark the words to hide as {{answer}} or {{answer::hint}}',
          ['text'],
        );
      for (const d of deletions) {
        if (d.answer === '')
          error(
            'cloze-empty-deletion',
            `deletion ${d.index + 1} of the cloze text is empty; put the hidden words inside {{ }}`,
            ['text'],
          );
        else if (d.answer.includes('{{') || d.hint?.includes('{{'))
          error(
            'cloze-nested',
            `deletion ${d.index + 1} of the cloze text has another {{ inside it; deletions cannot be nested, so close each one before the next opens`,
            ['text'],
          );
      }
      break;
    }
    case 'order': {
      const c = card as Extract<Card, { type: 'order' }>;
      // Two equal steps make two right orders, and the person cannot tell which number is which.
      const seen = new Map<string, number>();
      c.steps.forEach((step, i) => {
        const key = normalizeAnswer(step);
        const first = seen.get(key);
        if (first !== undefined)
          error(
            'order-duplicate-step',
            `step ${i + 1} repeats step ${first + 1} (${quoteText(step)}); every step must be different`,
            ['steps', i],
          );
        else seen.set(key, i);
      });
      break;
    }
    case 'basic': {
      const c = card as Extract<Card, { type?: 'basic' }>;
      const q = normalizeAnswer(c.q);
      const a = normalizeAnswer(c.a);
      if (a.length > 0 && containsWord(q, a))
        report(
          'warning',
          'answer-in-question',
          `the answer ${quoteText(c.a)} appears verbatim in the question, which gives it away`,
          at(['a']),
        );
      const accepted = new Map<string, number>();
      (c.accept ?? []).forEach((entry, i) => {
        const key = normalizeAnswer(entry);
        const first = accepted.get(key);
        if (key === a)
          report(
            'warning',
            'accept-repeats-answer',
            `accept entry ${quoteText(entry)} is the answer itself (as the checker compares them); remove it`,
            at(['accept', i]),
          );
        else if (first !== undefined)
          report(
            'warning',
            'accept-duplicate',
            `accept entry ${i + 1} repeats entry ${first + 1} (${quoteText(entry)}) as the checker compares them; remove it`,
            at(['accept', i]),
          );
        else accepted.set(key, i);
      });
      checkWhy(c.why, [c.a], at, report);
      break;
    }
  }
  return ok;
}

/** Rules across the cards of one deck: duplicate ids (errors) and duplicate questions (warnings). */
export function checkDeckCards(cards: unknown[], locateCard: (i: number) => Locate, report: Reporter['report']): void {
  const ids = new Map<string, number>();
  const questions = new Map<string, number>();
  cards.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object') return;
    const card = raw as Record<string, unknown>;
    const at = locateCard(i);
    if (typeof card.id === 'string') {
      const first = ids.get(card.id);
      if (first !== undefined) {
        report(
          'error',
          'duplicate-card-id',
          `duplicate card id ${quoteText(card.id)}; it is first used on line ${locateCard(first)(['id']).line}`,
          at(['id']),
        );
      } else ids.set(card.id, i);
    }
    const prompt = typeof card.q === 'string' ? card.q : typeof card.text === 'string' ? card.text : undefined;
    if (prompt !== undefined) {
      const key = `${cardTypeOf(card as Card)}\u0000${normalizeAnswer(prompt)}`;
      const first = questions.get(key);
      if (first !== undefined) {
        report(
          'warning',
          'duplicate-question',
          `this question repeats the one on line ${locateCard(first)([]).line}`,
          at([typeof card.q === 'string' ? 'q' : 'text']),
        );
      } else questions.set(key, i);
    }
  });
}

/** A `why` that says nothing but the answer teaches nothing: it should say why. */
function checkWhy(why: string | undefined, answers: readonly string[], at: Locate, report: Reporter['report']): void {
  if (why === undefined) return;
  const said = normalizeAnswer(why);
  for (const answer of answers) {
    const rest = said.replace(normalizeAnswer(answer), '').replace(/\b(the|an?)\b/g, '');
    if (said.length > 0 && (rest.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 3) {
      report(
        'warning',
        'why-repeats-answer',
        '`why` only repeats the answer; explain why it is right (or leave `why` out)',
        at(['why']),
      );
      return;
    }
  }
}

function containsWord(haystack: string, needle: string): boolean {
  const i = haystack.indexOf(needle);
  if (i === -1) return false;
  // Latin answers must match as whole words ("Xen" is not given away by "Xenix"); CJK text has no spaces.
  const before = haystack[i - 1];
  const after = haystack[i + needle.length];
  const wordChar = /[\p{L}\p{N}]/u;
  const latin = /^[\p{Script=Latin}\p{N}]/u.test(needle);
  return !latin || ((!before || !wordChar.test(before)) && (!after || !wordChar.test(after)));
}
