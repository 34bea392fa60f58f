/**
 * A bad command line: unknown command or option, missing value, value not
 * among the choices, wrong number of arguments. Exit code 2, the message on
 * one line, a hint, and the command's usage line. Kept apart from core's
 * `SdkError` so the parser never loads the SDK.
 */
export class UsageError extends Error {
  /** Always `INVALID_ARGUMENT`, the code core uses for bad arguments. */
  readonly code = 'INVALID_ARGUMENT' as const;
  /** What to do about it (a closest match, the valid values, or where help is). */
  readonly hint: string;
  /** The command whose usage line follows the error, when one was named. */
  readonly command: string | undefined;

  constructor(message: string, hint: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
    this.command = command;
  }
}

/** True for a {@link UsageError} (also across duplicate installs of this package). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError' && (error as { code?: unknown }).code === 'INVALID_ARGUMENT';
}
