import chalk from 'chalk';
import type { Paint } from '../core/deck/report.js';

/** Colours for reports; chalk turns itself off when output is not a terminal or NO_COLOR is set. */
export function paint(): Paint {
  return { error: chalk.red, warning: chalk.yellow, dim: chalk.dim, ok: chalk.green };
}
