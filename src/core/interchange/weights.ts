/**
 * Moodle grades an answer by a fraction from a fixed list; a multi-select choice card gives
 * each correct choice 100/k percent (k correct) and each wrong one -100/w (w wrong), so the
 * correct ones sum to 100% and ticking every box scores nothing. 100/k is in Moodle's list
 * for k up to 10; beyond it the nearest listed grade is used.
 */
const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5,
];

export function shareOf100(count: number): number {
  const exact = 100 / count;
  let best = MOODLE_GRADES[0]!;
  for (const g of MOODLE_GRADES) if (Math.abs(g - exact) < Math.abs(best - exact)) best = g;
  return best;
}

export function formatPercent(value: number): string {
  return String(Number(value.toFixed(5)));
}

/** Whether `count` shares of shareOf100(count) make 100% (to Moodle's five decimals): true for counts up to 10. */
export function sharesMake100(count: number): boolean {
  return Math.abs(shareOf100(count) * count - 100) < 0.001;
}

/** What an export says when a multi-select card has more right choices than Moodle's grades can split evenly. */
export const UNEVEN_WEIGHTS =
  "weights summing to 100% for more than 10 right choices (Moodle's grade list has no 100/k; the nearest grade is used)";
