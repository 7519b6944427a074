import type { UtcOffsetAt } from '../../src/core/schedule/day.js';

const MIN = 60_000;

/** Minutes east of UTC in `timeZone` at an instant, from Intl's wall-clock parts: a zone for tests that does not depend on the machine's TZ. */
export function offsetIn(timeZone: string): UtcOffsetAt {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (time) => {
    const p = Object.fromEntries(format.formatToParts(time).map((part) => [part.type, Number(part.value)]));
    return Math.round(
      (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour, p.minute, p.second) - Math.floor(time / 1000) * 1000) / MIN,
    );
  };
}
