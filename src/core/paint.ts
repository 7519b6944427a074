/**
 * The one colour interface of every screen and report (validate, study, quiz): roles, not
 * colours. Core text functions take a Paint and stay pure; `ui/paint.ts` is the one place that
 * builds one from chalk. `plainPaint` is text without colour: what tests and pipes read.
 */
export interface Paint {
  /** Right, passed, done: green. */
  ok(s: string): string;
  /** Wrong, failed, an error: red. */
  error(s: string): string;
  /** A warning, a near miss, a notice: yellow. */
  warning(s: string): string;
  /** Labels, hints and notes: dim. */
  dim(s: string): string;
  /** Headings and the question: bold. */
  bold(s: string): string;
  /** The answer and the highlighted choice: cyan. */
  accent(s: string): string;
  /** Neutral counts (study's new cards): blue. */
  info(s: string): string;
  /** In the expected answer, characters that were not typed; without colour, [in brackets]. */
  missing(s: string): string;
  /** In a typed answer, characters that are not in the answer; without colour, (in parentheses). */
  extra(s: string): string;
}

const same = (s: string) => s;

export const plainPaint: Paint = {
  ok: same,
  error: same,
  warning: same,
  dim: same,
  bold: same,
  accent: same,
  info: same,
  missing: (s) => `[${s}]`,
  extra: (s) => `(${s})`,
};

/** The Paint of charts (stats, the exam plan): whether there is colour at all, and a heatmap's shades. */
export interface ChartPaint extends Paint {
  /** False when colours are off: shades instead of coloured squares. */
  colour: boolean;
  /** A heatmap cell of level 1-4. */
  heat(level: number, s: string): string;
}

export const plainChartPaint: ChartPaint = { ...plainPaint, colour: false, heat: (_level, s) => s };
