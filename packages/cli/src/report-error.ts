import type { CliIo } from './io.ts';
import { EXIT } from './exit-codes.ts';
import { isUsageError } from './usage-error.ts';
import { writeJson } from './json-output.ts';

/** How {@link reportError} prints. */
export interface ReportErrorOptions {
  /** `--json` was asked for: the error goes to stdout as `{"error": {code, message, hint}}`. */
  readonly json: boolean;
  /** The usage text printed after a usage error (human output only). */
  readonly usage?: string;
}

/** The `--json` error document. */
export interface ErrorJson {
  /** The error. */
  readonly error: {
    /** Stable code (`INVALID_ARGUMENT`, `SCENARIO_NOT_FOUND`, ... or `INTERNAL`). */
    readonly code: string;
    /** What went wrong, naming the offending value. */
    readonly message: string;
    /** What to do about it. */
    readonly hint: string | null;
  };
}

interface Described {
  readonly code: string;
  readonly message: string;
  readonly hint: string | undefined;
  readonly exit: number;
}

async function describe(error: unknown): Promise<Described> {
  if (isUsageError(error)) return { code: error.code, message: error.message, hint: error.hint, exit: EXIT.usage };
  // Only a command that already loaded the SDK can throw its errors: this import is then free.
  const { isSdkError } = await import('@deployment-manager/core');
  if (isSdkError(error)) return { code: error.code, message: error.message, hint: error.hint, exit: error.code === 'INTERNAL' ? EXIT.bug : EXIT.usage };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `internal error: ${message}`, hint: 'this is a bug in deployment-manager; please report it with the command you ran (DEBUG=1 shows the stack)', exit: EXIT.bug };
}

/**
 * Turns a thrown value into one error line, a hint line and the exit code:
 * 2 for a usage error or an `SdkError` (bad invocation or bad input), 70 for
 * anything else (a bug). With `json`, one `{"error": ...}` document on stdout
 * instead. Never prints a stack unless `DEBUG` is set.
 */
export async function reportError(error: unknown, io: CliIo, options: ReportErrorOptions): Promise<number> {
  const d = await describe(error);
  if (options.json) {
    const doc: ErrorJson = { error: { code: d.code, message: d.message, hint: d.hint ?? null } };
    writeJson(io, doc);
  } else {
    io.stderr(`error [${d.code}]: ${d.message}\n${d.hint === undefined ? '' : `hint: ${d.hint}\n`}${isUsageError(error) ? (options.usage ?? '') : ''}`);
  }
  if (d.exit === EXIT.bug && process.env['DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return d.exit;
}
