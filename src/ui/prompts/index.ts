/**
 * The one prompt family of `study` and `quiz`, each an @inquirer/core view: createPrompt owns
 * the terminal, and Ctrl-C rejects with ExitPromptError (see `ui/terminal.ts`), an aborted
 * signal with AbortPromptError. Every prompt takes an optional deadline (a running clock under
 * it) and the screen's messages, and draws with one theme.
 */
export { choicePrompt, type ChoiceConfig, type ChoiceResult } from './choice.js';
export { keyPrompt, type KeyConfig } from './key.js';
export { orderPrompt, type OrderConfig, type OrderResult } from './order.js';
export { numberKeys, promptTheme, type ActionKeys, type CommonConfig } from './theme.js';
export { trueFalsePrompt, type TrueFalseConfig, type TrueFalseResult } from './truefalse.js';
export { typedPrompt, type TypedConfig, type TypedResult } from './typed.js';
