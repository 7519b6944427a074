/**
 * `--time-limit` values: one or more `<number><unit>` parts with units h, m and s, largest
 * first (`90s`, `10m`, `1h30m`, `1.5h`). A bare number is refused rather than guessed, since
 * "10" could mean seconds or minutes.
 */

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** A day is more than any exam; larger values are almost certainly typos. */
export const MAX_TIME_LIMIT_MS = 24 * UNIT_MS.h;

export type Parsed<T> = { value: T } | { error: string };

export function parseTimeLimit(text: string): Parsed<number> {
  const trimmed = text.trim().toLowerCase();
  const match = DURATION.exec(trimmed);
  const example = 'use a duration such as 90s, 10m or 1h30m';
  if (!trimmed || !match || match.slice(1).every((p) => p === undefined)) {
    return { error: `--time-limit "${text}" is not a duration; ${example}` };
  }
  const [h = 0, m = 0, s = 0] = match.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  const ms = Math.round(h * UNIT_MS.h + m * UNIT_MS.m + s * UNIT_MS.s);
  if (ms < 1_000) return { error: `--time-limit "${text}" is shorter than a second; ${example}` };
  if (ms > MAX_TIME_LIMIT_MS) return { error: `--time-limit "${text}" is longer than 24 hours; ${example}` };
  return { value: ms };
}

/** `1:05` for 65 seconds, `1:02:03` past an hour: for the countdown and the result line. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
