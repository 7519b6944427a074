import type { Context } from '@inquirer/type';
import { ENGLISH } from '../../core/messages/index.js';
import { choicePrompt, type ChoiceConfig } from './choice.js';

export type TrueFalseResult = { action: 'answer'; value: boolean } | { action: string; value?: undefined };

export type TrueFalseConfig = Omit<ChoiceConfig, 'choices' | 'letters' | 'multiple'>;

/**
 * True or False: `t` and `f` answer at once; the numbers and arrows with Enter work too, as in
 * any choice. The words are the screen's language.
 */
export async function trueFalsePrompt(config: TrueFalseConfig, context?: Context): Promise<TrueFalseResult> {
  const m = config.messages ?? ENGLISH;
  const result = await choicePrompt(
    { ...config, choices: [m.trueWord, m.falseWord], letters: { t: 0, f: 1 } },
    context,
  );
  return result.indexes === undefined
    ? { action: result.action }
    : { action: 'answer', value: result.indexes[0] === 0 };
}
