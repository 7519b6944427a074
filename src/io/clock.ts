/**
 * The shell's clock: the core takes `now` and the UTC offset as arguments, and these read them.
 */
export interface Clock {
  now(): number;
  /** Minutes east of UTC at `time`, in the local time zone (DST-aware). */
  utcOffsetMinutes(time: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // `0 -` rather than unary minus: UTC's offset is 0, not -0.
  utcOffsetMinutes: (time) => 0 - new Date(time).getTimezoneOffset(),
};
