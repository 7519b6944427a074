import { randomInt } from 'node:crypto';
import { systemClock, type Clock } from '../../io/clock.js';

/**
 * What a command takes from the world, in one shape for every command (issue 12): where its
 * output goes, the clock and randomness. A command's own deps add what only it needs (a UI, a
 * file writer, a browser); tests give what they fake and get the system's for the rest.
 */
export interface CommandDeps {
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
  /** A fresh seed when none is given (quiz, print): the command shows it so the run can be repeated. */
  random: () => string;
}

export function systemDeps(): CommandDeps {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    clock: systemClock,
    // Six digits, never starting with 0, so the seed reads and types as a plain number.
    random: () => String(randomInt(100_000, 1_000_000)),
  };
}

/** The local calendar date (YYYY-MM-DD) of `clock`'s now. */
export function localDate(clock: Clock): string {
  const now = clock.now();
  return new Date(now + clock.utcOffsetMinutes(now) * 60_000).toISOString().slice(0, 10);
}
