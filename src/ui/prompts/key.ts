import { createPrompt, isEnterKey, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import { useTimeLeft } from './clock.js';
import { bottomLines, isHelpKey, promptTheme, useScreenAbove, type ActionKeys, type CommonConfig } from './theme.js';

export interface KeyConfig extends CommonConfig {
  /** key name → action returned; `enter` names the Enter key. */
  keys: ActionKeys;
  /** What to show after the message once answered, by action (e.g. `{ overrule: 'I was right' }`). */
  echo?: Readonly<Record<string, string>>;
}

/**
 * Waits for one of a few keys ("Enter to show the answer", "Enter: next · r: I was right") and
 * returns the key's action; other keys are ignored.
 */
export const keyPrompt = createPrompt<string, KeyConfig>((config, done) => {
  const theme = promptTheme();
  const [status, setStatus] = useState<Status>('idle');
  const [chosen, setChosen] = useState('');
  const left = useTimeLeft(status === 'idle' ? config.deadline : undefined, config.now);
  const prefix = usePrefix({ status, theme });
  const above = useScreenAbove(config);
  const [helpShown, setHelpShown] = useState(false);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (config.help && isHelpKey(key)) {
      rl.clearLine(0);
      return setHelpShown(!helpShown);
    }
    const name = isEnterKey(key) ? 'enter' : key.name?.toLowerCase();
    const action = name ? config.keys[name] : undefined;
    rl.clearLine(0);
    if (action === undefined) return;
    setChosen(action);
    setStatus('done');
    done(action);
  });
  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  if (status === 'idle') return [above + message, bottomLines(config, undefined, left, helpShown)];
  const echo = config.echo?.[chosen];
  // "Press Enter to show the answer" has done its job once pressed: no leftover line (issue 12).
  return echo === undefined ? above.trimEnd() : `${above}${message} ${theme.style.answer(echo)}`;
});
