import { readFileSync } from 'node:fs';
import { SdkError, isSdkError } from '@deployment-manager/core';

/** Where a command writes: injected so commands are testable without a process. */
export interface CliIo {
  /** Standard output (a complete chunk, newline included by the caller). */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours, progress). */
  readonly isTTY: boolean;
}

/** A subcommand: arguments after its name in, exit code out. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Turns a thrown value into a clear message on stderr and an exit code:
 * 2 for an `SdkError` (bad input), 70 for anything else. Never prints a stack
 * unless `DEBUG` is set.
 */
export function reportError(error: unknown, io: CliIo): number {
  if (isSdkError(error)) {
    io.stderr(`error [${error.code}]: ${error.message}\n`);
    if (error.hint !== undefined) io.stderr(`hint: ${error.hint}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`internal error: ${message}\n`);
  io.stderr('hint: this is a bug in deployment-manager; please report it with the command you ran\n');
  if (process.env['DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 70;
}

const COLOURS = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

/** Wraps text in an ANSI colour when `enabled` (a TTY without NO_COLOR). */
export function colour(enabled: boolean, name: keyof typeof COLOURS, text: string): string {
  return enabled && !process.env['NO_COLOR'] ? `\u001b[${COLOURS[name]}m${text}\u001b[0m` : text;
}

/** Reads and parses a JSON file, or throws `FILE_UNREADABLE` / `PARSE_FAILED` naming the path. */
export function readJsonFile(path: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `cannot read ${path}`, { hint: 'check the path', cause, details: { path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${path} is not valid JSON`, { hint, cause, details: { path } });
  }
}

/** The single `<scenario>` positional of a command, or `INVALID_ARGUMENT` with the usage as hint. */
export function scenarioArgument(positionals: readonly string[], usage: string): string {
  const scenario = positionals[0];
  if (scenario === undefined || positionals.length > 1) {
    throw new SdkError('INVALID_ARGUMENT', scenario === undefined ? 'no scenario given' : `unexpected argument "${positionals[1]}"`, { hint: usage.trim() });
  }
  return scenario;
}
