import { closestMatch } from '@deployment-manager/core/pure';
import type { Command, CommandEntry } from './command.ts';
import { COMMANDS } from './command-table.ts';
import { EXIT } from './exit-codes.ts';
import { commandHelp, shortUsage, topHelp } from './help-text.ts';
import type { CliIo } from './io.ts';
import { asksForHelp, parseInvocation } from './parse-invocation.ts';
import { reportError } from './report-error.ts';
import { sanitizeTerminalText } from './terminal-text.ts';
import { UsageError } from './usage-error.ts';
import { cliVersion } from './version.ts';

/** The options that stand before any command. */
const TOP_OPTIONS = ['--help', '--version'] as const;

function findCommand(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry !== undefined) return entry;
  if (name.startsWith('-')) {
    const near = closestMatch(name, TOP_OPTIONS);
    throw new UsageError(`unknown option "${name}"`, near === undefined ? 'options go after the command: deployment-manager <command> [options]' : `did you mean ${near}?`);
  }
  const near = closestMatch(name, COMMANDS.map((c) => c.name));
  throw new UsageError(`command "${name}" is not known`, near === undefined ? `commands: ${COMMANDS.map((c) => c.name).join(', ')}` : `did you mean "${near}"?`);
}

/** True when `--json` comes before any `--`: errors are then printed as JSON too. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** The io a command writes through: people's text sanitized, machine output exact. */
function commandIo(io: CliIo, machine: boolean): CliIo {
  return {
    isTTY: io.isTTY,
    stdout: machine ? io.stdout : (text) => io.stdout(sanitizeTerminalText(text, io.isTTY)),
    stderr: (text) => io.stderr(sanitizeTerminalText(text, io.isTTY)),
  };
}

async function runCommand(entry: CommandEntry, argv: readonly string[], io: CliIo, setCommand: (c: Command) => void): Promise<number> {
  const command = await entry.load();
  setCommand(command);
  if (asksForHelp(argv)) {
    io.stdout(commandHelp(entry.name, command));
    return EXIT.ok;
  }
  const invocation = parseInvocation(entry.name, command, argv);
  const machine = command.machineOutput === undefined ? invocation.json : command.machineOutput(invocation);
  return await command.run(invocation, commandIo(io, machine));
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and
 * returns the exit code (0 done, 1 a "no" answer, 2 bad invocation or input,
 * 70 a bug). Only the command that runs is loaded: `--help` and `--version`
 * load none.
 *
 * @example
 * ```ts
 * const code = await runCli(['graph', 'picker-wheel', '--root', 'ws', '--json'], { stdout: console.log, stderr: console.error, isTTY: false });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = wantsJson(argv);
  let name: string | undefined;
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      io.stdout(`${cliVersion()}\n`);
      return EXIT.ok;
    }
    if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
      io.stdout(topHelp(COMMANDS, cliVersion()));
      return EXIT.ok;
    }
    if (first === undefined || first === '--json') throw new UsageError('no command given', `run deployment-manager --help for the commands`);
    if (first === 'help') {
      const [topic, ...extra] = rest;
      if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] as string}"`, 'help takes one command name');
      const entry = findCommand(topic as string);
      io.stdout(commandHelp(entry.name, await entry.load()));
      return EXIT.ok;
    }
    const entry = findCommand(first);
    name = entry.name;
    return await runCommand(entry, rest, io, (c) => (command = c));
  } catch (error) {
    return await reportError(error, commandIo(io, json), { json, usage: shortUsage(name ?? '', command) });
  }
}
