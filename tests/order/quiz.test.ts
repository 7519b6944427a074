import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/core/deck/items.js';
import type { Card } from '../../src/core/deck/schema.js';
import { canOverrule, gradeResponse } from '../../src/core/question/grade.js';
import { quizQuestion, type Question } from '../../src/core/question/model.js';
import { responseText, rightAnswerText } from '../../src/core/question/text.js';
import { formatResult } from '../../src/core/quiz/report.js';
import { scoreOutcomes } from '../../src/core/quiz/score.js';
import { formatFeedback, formatQuestion } from '../../src/core/quiz/screen.js';

const CARD = {
  id: 'xen-boot-order',
  type: 'order',
  section: 'xen',
  q: 'Put the start of a Xen host in order.',
  steps: ['BIOS', 'Xen hypervisor', 'Dom0', 'DomU'],
  why: 'Xen is loaded first.',
} as Card;
const [ITEM] = expandCard({ deck: 'hv', lang: 'en' }, CARD);

function orderQuestion(seed: string): Extract<Question, { kind: 'order' }> {
  const q = quizQuestion(ITEM!, seed);
  if (q.kind !== 'order') throw new Error('not an order question');
  return q;
}

/** The shown numbers (0-based) that put the steps in `wanted`'s order. */
function picks(q: Extract<Question, { kind: 'order' }>, wanted: readonly string[]): number[] {
  return wanted.map((step) => q.steps.shown.indexOf(step));
}

describe('order questions in a quiz', () => {
  it('shuffle the steps by the seed: the same seed, the same order', () => {
    const a = orderQuestion('42');
    expect(orderQuestion('42').steps).toEqual(a.steps);
    expect(a.steps.shown).not.toEqual(CARD.type === 'order' ? CARD.steps : []);
    const seen = new Set(Array.from({ length: 20 }, (_, i) => orderQuestion(`s${i}`).steps.shown.join('|')));
    expect(seen.size).toBeGreaterThan(3);
  });

  it('list the shown steps, numbered, under the question', () => {
    const q = orderQuestion('42');
    const lines = formatQuestion(q, { number: 1, total: 1 }, 80);
    expect(lines).toContain('Put the steps in the right order:');
    q.steps.shown.forEach((step, i) => expect(lines).toContain(`  ${i + 1}. ${step}`));
  });

  it('are all or nothing: two neighbours swapped is wrong, as any other mistake', () => {
    const q = orderQuestion('42');
    const right = gradeResponse(q, { kind: 'order', picked: picks(q, ['BIOS', 'Xen hypervisor', 'Dom0', 'DomU']) });
    const swapped = gradeResponse(q, { kind: 'order', picked: picks(q, ['Xen hypervisor', 'BIOS', 'Dom0', 'DomU']) });
    const reversed = gradeResponse(q, { kind: 'order', picked: picks(q, ['DomU', 'Dom0', 'Xen hypervisor', 'BIOS']) });
    expect([right.correct, swapped.correct, reversed.correct]).toEqual([true, false, false]);
    expect(swapped.order?.verdict).toBe('almost');
    expect(canOverrule(swapped)).toBe(false);
    expect(scoreOutcomes([right, swapped, reversed, gradeResponse(q, undefined)])).toMatchObject({
      correct: 1,
      total: 4,
    });
  });

  it('show the right order with each wrong place marked in the feedback and the missed list', () => {
    const q = orderQuestion('42');
    const outcome = gradeResponse(q, { kind: 'order', picked: picks(q, ['Xen hypervisor', 'BIOS', 'Dom0', 'DomU']) });
    expect(responseText(outcome.response, q)).toBe('Xen hypervisor → BIOS → Dom0 → DomU');
    expect(rightAnswerText(q)).toBe('BIOS → Xen hypervisor → Dom0 → DomU');
    expect(formatFeedback(outcome, 80)).toEqual([
      '✗ Wrong: 2 of 4 steps in the right place',
      'Right order:',
      '  ✗ 1. BIOS (you: Xen hypervisor)',
      '  ✗ 2. Xen hypervisor (you: BIOS)',
      '  ✓ 3. Dom0',
      '  ✓ 4. DomU',
      expect.stringMatching(/^Why:\s+Xen is loaded first\.$/),
    ]);
    const result = formatResult({ outcomes: [outcome], width: 80 });
    expect(result).toMatch(/Your answer:\s+Xen hypervisor → BIOS → Dom0 → DomU/);
    expect(result).toMatch(/Expected:\s+BIOS → Xen hypervisor → Dom0 → DomU/);
    expect(result).toContain('      ✗ 1. BIOS (you: Xen hypervisor)');
  });

  it('say only "Correct" when the order is right', () => {
    const q = orderQuestion('7');
    const outcome = gradeResponse(q, { kind: 'order', picked: picks(q, ['BIOS', 'Xen hypervisor', 'Dom0', 'DomU']) });
    expect(formatFeedback(outcome, 80)[0]).toBe('✓ Correct');
    expect(formatResult({ outcomes: [outcome] })).toMatch(/^Score 1\/1 \(100%\)/);
  });
});
