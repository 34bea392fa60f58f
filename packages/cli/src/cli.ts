import { reportError, type CliCommand, type CliIo } from './io.ts';
import { runGraphCommand } from './commands/graph.ts';

/** Subcommands by name. Each is a thin wrapper over the packages' functions. */
export const COMMANDS: Readonly<Record<string, { readonly summary: string; readonly run: CliCommand }>> = {
  graph: { summary: 'dependency graph of a scenario (nodes, edges, order, cycles, diagnostics)', run: runGraphCommand },
};

const USAGE = (): string =>
  [
    'usage: deployment-manager <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'every command takes --json and --help',
    '',
  ].join('\n');

/**
 * Runs the CLI with the given arguments (without `node` and the script) and
 * returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['graph', 'picker-wheel', '--root', 'ws', '--json'], { stdout: console.log, stderr: console.error, isTTY: false });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`error [INVALID_ARGUMENT]: command "${name}" is not known\n${USAGE()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}
