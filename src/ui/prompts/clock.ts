import { useEffect, useState } from '@inquirer/core';

/**
 * Milliseconds left until `deadline`, redrawn every second while the prompt waits; undefined
 * without a deadline. With --time-limit the clock is visible while thinking, not only when a
 * question starts.
 */
export function useTimeLeft(deadline: number | undefined, now: () => number = Date.now): number | undefined {
  const [time, setTime] = useState(now());
  useEffect(() => {
    if (deadline === undefined) return;
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === undefined ? undefined : Math.max(0, deadline - time);
}
