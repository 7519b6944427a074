import chalk from 'chalk';
import type { Paint } from '../core/paint.js';

/**
 * The one place a Paint is built from chalk. chalk turns itself off when output is not a
 * terminal or NO_COLOR is set (see src/cli.ts); without colour, differences in a typed answer
 * still show, as [missing] and (extra) characters. chalk.level is read at each call, so a change
 * of level (--color, tests) applies to a Paint made earlier.
 */
export function terminalPaint(): Paint {
  return {
    ok: (s) => chalk.green(s),
    error: (s) => chalk.red(s),
    warning: (s) => chalk.yellow(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
    accent: (s) => chalk.cyan(s),
    info: (s) => chalk.blue(s),
    missing: (s) => (chalk.level > 0 ? chalk.bold.green.underline(s) : `[${s}]`),
    extra: (s) => (chalk.level > 0 ? chalk.bold.red.strikethrough(s) : `(${s})`),
  };
}
