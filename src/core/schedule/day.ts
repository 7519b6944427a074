/**
 * Study days: a day starts at `dayStartHour` local time (4 a.m. by default, as in Anki), so a
 * session past midnight still counts toward the evening's limits. The local offset is an
 * argument (`io/clock.ts` supplies it) so the core never reads the machine's time zone.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface StudyDay {
  start: number;
  /** Start of the next study day: when buried siblings come back. */
  end: number;
}

export function studyDay(now: number, dayStartHour: number, utcOffsetMinutes: number): StudyDay {
  const shift = utcOffsetMinutes * 60_000 - dayStartHour * HOUR;
  const start = Math.floor((now + shift) / DAY) * DAY - shift;
  return { start, end: start + DAY };
}

/** A short interval for grade buttons: 1m, 10m, 5h, 3d, 2.5mo, 1.2y. */
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = ms / HOUR;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(n: number): string {
  return n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n));
}
