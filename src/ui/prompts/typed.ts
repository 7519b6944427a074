import { createPrompt, isEnterKey, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import { ENGLISH } from '../../core/messages/index.js';
import { neutralizeControls } from '../../core/text.js';
import { useTimeLeft } from './clock.js';
import { bottomLines, promptTheme, useScreenAbove, type CommonConfig } from './theme.js';

export type TypedResult = { action: 'answer'; text: string } | { action: 'skip' };

export interface TypedConfig extends CommonConfig {
  /** What Enter says about the line: an error keeps the prompt open (an order such as `3142` that is not one). */
  validate?: (value: string) => string | undefined;
  /** Esc gives up typing (study: to reveal the answer instead); without it Esc does nothing. */
  escape?: boolean;
}

/**
 * A line of text typed as the answer. Enter on an empty line is refused with a word, so a
 * stray Enter does not cost a question; a line `validate` rejects stays, to be corrected.
 */
export const typedPrompt = createPrompt<TypedResult, TypedConfig>((config, done) => {
  const theme = promptTheme();
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const left = useTimeLeft(status === 'idle' ? config.deadline : undefined, config.now);
  const prefix = usePrefix({ status, theme });
  const above = useScreenAbove(config);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      if (value.trim() === '') return setError((config.messages ?? ENGLISH).typeSomething);
      const invalid = config.validate?.(value);
      if (invalid !== undefined) {
        // Enter emptied readline's line: put the text back so it can be corrected, not retyped.
        rl.write(value);
        return setError(invalid);
      }
      setStatus('done');
      done({ action: 'answer', text: value });
    } else if (key.name === 'escape' && config.escape) {
      setStatus('done');
      done({ action: 'skip' });
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });
  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  if (status === 'done')
    return above + (value === '' ? message : `${message} ${theme.style.answer(neutralizeControls(value))}`);
  return [`${above}${message} ${neutralizeControls(value)}`, bottomLines(config, error, left)];
});
