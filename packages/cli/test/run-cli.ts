// The one way a test runs `deployment-manager` in-process and looks at what it printed: runCli with
// stdout and stderr each captured as text, not a terminal. Tests that need a terminal, or stdout in
// the chunks it was written in, call runCli with their own CliIo.
import { runCli } from '../src/cli.ts';

/** What one in-process run of the CLI returned and printed. */
export interface CliRun {
  /** The exit code runCli returned. */
  readonly code: number;
  /** Everything written to stdout, in order. */
  readonly out: string;
  /** Everything written to stderr, in order. */
  readonly err: string;
}

/**
 * Runs the CLI in this process with stdout and stderr captured (`isTTY: false`). Arguments are
 * strings or lists of strings, flattened in order, so each test writes whichever reads best.
 *
 * @example
 * ```ts
 * const { code, out } = await cli('secrets', ['picker-wheel', '--root', root], '--json');
 * ```
 */
export async function cli(...argv: readonly (string | readonly string[])[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv.flat(), { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}
