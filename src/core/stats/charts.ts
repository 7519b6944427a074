import { DAY } from '../schedule/day.js';
import { weekday } from './report.js';

/** Chart geometry shared by the terminal and HTML renderers. */

export interface HeatCell {
  /** Study day number. */
  day: number;
  count: number;
  /** 0 (none) to 4, by quarters of the busiest day in the period, as GitHub does. */
  level: number;
}

/** The heatmap as weeks (columns) of 7 days (Monday first); the last week stops at today. */
export function heatWeeks(from: string, counts: readonly number[]): HeatCell[][] {
  const first = Math.round(Date.parse(`${from}T00:00:00Z`) / DAY);
  const max = Math.max(0, ...counts);
  const weeks: HeatCell[][] = [];
  counts.forEach((count, i) => {
    const day = first + i;
    if (weekday(day) === 0 || weeks.length === 0) weeks.push([]);
    weeks.at(-1)!.push({ day, count, level: count === 0 ? 0 : Math.max(1, Math.ceil((4 * count) / max)) });
  });
  return weeks;
}

/** Month (0-11) starting in a week, for labels above its column; null when none starts in it. */
export function monthStarting(week: readonly HeatCell[]): number | null {
  for (const cell of week) {
    const date = new Date(cell.day * DAY);
    if (date.getUTCDate() === 1) return date.getUTCMonth();
  }
  return null;
}

/** A round top for a bar chart's axis: 1, 2, 5, 10, 20, 50... at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}
