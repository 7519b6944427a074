import type { Context } from '@inquirer/type';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { orderExample, type OrderCheck } from '../../core/order.js';
import { formatOrderDiff } from '../../core/question/feedback.js';
import { formatSteps } from '../../core/question/prompt.js';
import { terminalPaint } from '../paint.js';
import { orderPrompt } from '../prompts/index.js';
import { terminalColumns } from '../terminal.js';

/**
 * Asks an order card: the shown steps (shuffled by the card and its review count, as choices
 * are) listed and numbered above the prompt, then their numbers typed in the right order
 * (`3142`; spaces and commas are fine). Esc reveals the answer instead: undefined.
 */
export async function askOrder(
  shown: readonly string[],
  m: Messages = ENGLISH,
  context?: Context,
  above?: () => string,
): Promise<number[] | undefined> {
  const message = [m.orderSteps, ...formatSteps(shown, terminalColumns()), m.study.order].join('\n');
  const result = await orderPrompt(
    {
      message,
      count: shown.length,
      hint: m.study.orderHint(orderExample(shown.length)),
      escape: true,
      messages: m,
      above,
    },
    context,
  );
  return result.action === 'order' ? result.picked : undefined;
}

/**
 * The feedback on an order: the verdict (two neighbours swapped is "almost", Hard suggested),
 * then the right order with each place marked ✓ or ✗ and what was put there instead.
 */
export function formatOrderFeedback(
  steps: readonly string[],
  check: OrderCheck,
  width: number,
  m: Messages = ENGLISH,
): string[] {
  const paint = terminalPaint();
  const placed = steps.length - check.wrong.length;
  const verdict =
    check.verdict === 'correct'
      ? paint.ok(`✓ ${m.feedback.correct}`)
      : check.verdict === 'almost'
        ? paint.warning(`≈ ${m.study.orderAlmost}`)
        : paint.error(`✗ ${m.study.orderNotQuite(placed, steps.length)}`);
  return [verdict, ...formatOrderDiff(steps, check, width, paint, m)];
}
