/**
 * Thrown by commands to end the program with an exit code after they have printed what the
 * person needs to know. `cli.ts` is the only place that turns it into `process.exitCode`.
 */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** A usage problem or unreadable input: one sentence for the person, exit code 2. */
export class UsageError extends ExitError {
  constructor(message: string) {
    super(2, message);
    this.name = 'UsageError';
  }
}
