import chalk from 'chalk';
import { plainChartPaint, type ChartPaint, type Paint } from '../core/paint.js';

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

const GREENS = ['#9be9a8', '#40c463', '#30a14e', '#216e39'];

/** The Paint of stats' charts: the terminal Paint, and four greens for the heatmap (shades without colour). */
export function terminalChartPaint(): ChartPaint {
  if (chalk.level === 0) return plainChartPaint;
  return {
    ...terminalPaint(),
    colour: true,
    // 16-colour terminals (FORCE_COLOR=1) get four greens of their own: hex colours would all round to one.
    heat: (level, s) => {
      const l = Math.min(4, Math.max(1, level)) - 1;
      return chalk.level >= 2
        ? chalk.hex(GREENS[l]!)(s)
        : [chalk.dim.green, chalk.green, chalk.greenBright, chalk.bold.greenBright][l]!(s);
    },
  };
}
