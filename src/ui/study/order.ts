import chalk from 'chalk';
import { ENGLISH, type Messages } from '../../core/messages/index.js';
import { checkOrder, orderDiff, orderExample, parseOrderInput, shuffleSteps, type OrderCheck } from '../../core/order.js';
import { typedAnswerPrompt } from '../prompts.js';
import { formatCardText, terminalColumns } from '../terminal.js';

/**
 * Asks an order card: the steps shuffled by `seed` (the card and its review count, as choices
 * are) and numbered, then the numbers typed in the right order (`3142`; spaces and commas are
 * fine). Esc reveals the answer instead. Returns the check, or undefined when revealed.
 */
export async function askOrder(steps: readonly string[], seed: string, m: Messages = ENGLISH): Promise<OrderCheck | undefined> {
  const shown = shuffleSteps(steps, seed);
  const read = (text: string) => parseOrderInput(text, steps.length, m);
  const message = `${m.study.orderSteps}\n${formatShownSteps(shown.shown, terminalColumns())}\n${m.study.order}`;
  const hint = m.study.orderHint(orderExample(steps.length));
  const result = await typedAnswerPrompt({ message, hint, validate: (text) => {
    const parsed = read(text);
    return 'error' in parsed ? parsed.error : undefined;
  } });
  if (result.action === 'skip') return undefined;
  const parsed = read(result.text);
  return checkOrder('value' in parsed ? parsed.value : [], shown);
}

/** The shown steps, numbered, as the order prompt lists them above its input line. */
export function formatShownSteps(shown: readonly string[], width: number): string {
  return shown.map((step, i) => formatCardText(step, width, '     ').replace(/^ {5}/, `  ${i + 1}. `)).join('\n');
}

/**
 * The feedback on an order: the verdict (two neighbours swapped is "almost", Hard suggested),
 * then the right order with each place marked ✓ or ✗ and what was put there instead.
 */
export function formatOrderFeedback(steps: readonly string[], check: OrderCheck, width: number, m: Messages = ENGLISH): string[] {
  const placed = steps.length - check.wrong.length;
  const verdict =
    check.verdict === 'correct'
      ? chalk.green(`✓ ${m.feedback.correct}`)
      : check.verdict === 'almost'
        ? chalk.yellow(`≈ ${m.study.orderAlmost}`)
        : chalk.red(`✗ ${m.study.orderNotQuite(placed, steps.length)}`);
  const lines = [verdict, chalk.dim(m.quiz.rightOrder)];
  for (const line of orderDiff(steps, check)) {
    const mark = line.ok ? chalk.green('✓') : chalk.red('✗');
    // What was put in this place instead goes on the same line, wrapped with the step.
    const given = line.given === undefined ? '' : m.quiz.orderYou(line.given);
    const text = formatCardText(`${line.position + 1}. ${line.step}${given}`, width, '    ').replace(/^ {4}/, '');
    lines.push(`  ${mark} ${line.ok ? chalk.cyan(text) : text}`);
  }
  return lines;
}
