import type { ExamStrings } from '../messages/types.js';
import { niceMax } from '../stats/charts.js';
import type { ChartPaint } from '../paint.js';
import { displayWidth, neutralizeLine, padEndDisplay, wrapText } from '../text.js';
import type { ExamDayLoad, ExamPlan, ExamProblem } from './plan.js';

/**
 * The exam plan on the terminal (`stats --exam`): where the items stand, what the plan does,
 * whether it fits the limits and why not, and the work per day: a table for a plan of up to
 * three weeks, a bar chart (a bar for one or several days) for a longer one.
 */

/** Plans of up to this many days (the exam's included) get a row a day. */
export const TABLE_DAYS = 22;

const EIGHTHS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export function renderExamText(
  plan: ExamPlan,
  options: { columns: number; labels: ExamStrings; paint: ChartPaint },
): string {
  const L = options.labels;
  const paint = options.paint;
  const width = Math.max(60, options.columns);
  const t = plan.total;
  const target = percent(plan.target);
  const lines = [paint.bold(L.title(plan.exam, plan.daysLeft, target))];
  const say = (text: string, mark = '') =>
    lines.push(...indent(wrapText(text, width - 2 - displayWidth(mark)), `  ${mark}`));
  say(L.normal(group(t.atTarget), group(t.items), target, group(t.new)));
  if (t.new - t.notIntroduced > 0 && t.lastNewDay !== null)
    say(L.newItems(group(t.new), group(t.newPerDay), t.lastNewDay));
  else if (t.new === 0) say(L.noNewItems);
  if (t.pulledReviews > 0) say(L.pulled(group(t.pulledReviews), group(t.pulledItems)));
  say(L.following(group(t.plannedAtTarget), group(t.items), target, group(t.cram)));
  if (plan.feasible)
    say(L.feasible(group(plan.limits.newPerDay), group(plan.limits.reviewsPerDay)), `${paint.ok('✓')} `);
  else {
    say(L.notFeasible, `${paint.error('✗')} `);
    for (const problem of plan.problems) lines.push(...indent(wrapText(problemText(problem, L), width - 4), '    '));
  }
  lines.push('');
  lines.push(
    ...(plan.total.days.length <= TABLE_DAYS ? dayTable(plan, width, L, paint) : dayChart(plan, width, L, paint)),
  );
  return `${lines.join('\n').replace(/[ \t]+$/gm, '')}\n`;
}

export function problemText(p: ExamProblem, L: ExamStrings): string {
  const deck = neutralizeLine(p.deck);
  return p.kind === 'new'
    ? L.tooManyNew(deck, group(p.remaining), p.days, group(p.limit), group(p.notIntroduced))
    : L.tooManyReviews(deck, p.days, p.date, group(p.reviews), group(p.limit));
}

export function dayTotal(d: ExamDayLoad): number {
  return d.new + d.due + d.pulled + d.cram;
}

function dayTable(plan: ExamPlan, width: number, L: ExamStrings, paint: ChartPaint): string[] {
  const days = plan.total.days;
  const last = days.length - 1;
  const name = (k: number) => `${days[k]!.date}${k === last ? ` ${L.exam}` : k === 0 ? ` ${L.today}` : ''}`;
  const header = [L.columns.date, L.columns.new, L.columns.due, L.columns.pulled, L.columns.cram, L.columns.total];
  const rows = days.map((d, k) => [
    name(k),
    group(d.new),
    group(d.due),
    k === last ? '' : group(d.pulled),
    k === last ? group(d.cram) : '',
    group(dayTotal(d)),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const cell = (c: string, i: number) =>
    i === 0 ? padEndDisplay(c, widths[i]!) : ' '.repeat(widths[i]! - displayWidth(c)) + c;
  const room = width - 2 - widths.reduce((a, b) => a + b + 2, 0);
  const top = Math.max(1, ...days.map(dayTotal));
  const out = [paint.bold(L.workload), paint.dim(`  ${header.map(cell).join('  ')}`)];
  rows.forEach((r, k) => {
    const n = dayTotal(days[k]!);
    const bar = room >= 4 && n > 0 ? paint.accent('█'.repeat(Math.max(1, Math.round((n / top) * room)))) : '';
    out.push(`  ${r.map(cell).join('  ')}  ${bar}`);
  });
  return out;
}

function dayChart(plan: ExamPlan, width: number, L: ExamStrings, paint: ChartPaint): string[] {
  const days = plan.total.days;
  const totals = days.map(dayTotal);
  // A bar (and a space) per day when they fit, else a bar for every `bucket` days.
  // The axis label is never wider than the sum of all days'.
  const axis = String(niceMax(totals.reduce((a, b) => a + b, 0))).length;
  const maxBars = Math.max(1, Math.floor((width - 2 - axis - 2) / 2));
  const bucket = Math.ceil(days.length / maxBars);
  const sums: number[] = [];
  for (let k = 0; k < days.length; k += bucket) sums.push(totals.slice(k, k + bucket).reduce((a, b) => a + b, 0));
  const top = niceMax(Math.max(...sums));
  const label = String(top).length;
  const height = 6;
  const out = [paint.bold(bucket === 1 ? L.workload : L.workloadBars(bucket))];
  for (let row = height - 1; row >= 0; row--) {
    const bars = sums.map((n) => {
      const eighths = Math.round((n / top) * height * 8) - row * 8;
      return eighths <= 0 ? (n > 0 && row === 0 ? '▁' : ' ') : EIGHTHS[Math.min(8, eighths)]!;
    });
    const y = row === height - 1 ? String(top).padStart(label) : row === 0 ? '0'.padStart(label) : ' '.repeat(label);
    out.push(`  ${y} ┤${paint.accent(bars.join(' '))}`);
  }
  const length = sums.length * 2 - 1;
  out.push(`  ${' '.repeat(label)} └${'─'.repeat(length)}`);
  const left = `${L.today} ${days[0]!.date}`;
  const right = `${days.at(-1)!.date} ${L.exam}`;
  const gap = Math.max(1, length - displayWidth(left) - displayWidth(right));
  out.push(`  ${' '.repeat(label + 2)}${left}${' '.repeat(gap)}${right}`);
  const today = days[0]!;
  const exam = days.at(-1)!;
  let busiest = 0;
  for (let k = 1; k < days.length - 1; k++) if (totals[k]! > totals[busiest]!) busiest = k;
  out.push(
    ...indent(
      wrapText(
        `${L.todayLine(group(today.new), group(today.due), group(today.pulled))} · ${L.busiest(days[busiest]!.date, group(totals[busiest]!))}`,
        width - 2,
      ),
      '  ',
    ),
  );
  out.push(...indent(wrapText(L.examDay(group(exam.cram), group(exam.due), group(exam.new)), width - 2), '  '));
  return out;
}

function indent(lines: string[], first: string): string[] {
  const rest = ' '.repeat(displayWidth(first.replace(/\u001b\[[0-9;]*m/g, '')));
  return lines.map((l, i) => (i === 0 ? first : rest) + l);
}

/** 90% or 92.5%. */
export function percent(r: number): string {
  const p = Math.round(r * 1000) / 10;
  return `${p}%`;
}

/** 12,345 (by hand, as stats does: toLocaleString loads ICU's number formats). */
export function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
