import type { Context } from '@inquirer/type';
import { ENGLISH } from '../../core/messages/index.js';
import { parseOrderInput } from '../../core/order.js';
import { typedPrompt, type TypedConfig } from './typed.js';

export type OrderResult = { action: 'order'; picked: number[] } | { action: 'skip' };

export interface OrderConfig extends Omit<TypedConfig, 'validate'> {
  /** How many steps are shown (numbered 1 to count above the prompt). */
  count: number;
}

/**
 * The numbers of the shown steps typed in the right order (`3142`; spaces and commas are fine).
 * An order that is not one (a step missing, repeated or out of range) is refused with the
 * reason and kept for correcting. Returns the shown steps' indexes (0-based) in the order given.
 */
export async function orderPrompt(config: OrderConfig, context?: Context): Promise<OrderResult> {
  const read = (text: string) => parseOrderInput(text, config.count, config.messages ?? ENGLISH);
  const result = await typedPrompt({ ...config, validate: (text) => errorOf(read(text)) }, context);
  if (result.action === 'skip') return result;
  const parsed = read(result.text);
  return { action: 'order', picked: 'value' in parsed ? parsed.value : [] };
}

function errorOf(parsed: { value: unknown } | { error: string }): string | undefined {
  return 'error' in parsed ? parsed.error : undefined;
}
