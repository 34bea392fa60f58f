import type { Command, CommandEntry, OptionSpec, PositionalSpec } from './command.ts';
import { EXIT } from './exit-codes.ts';
import { allOptions } from './parse-invocation.ts';

const BIN = 'deployment-manager';

const positionalText = (p: PositionalSpec): string => (p.optional === true ? `[${p.name}]` : `<${p.name}>`);

/** The command's usage line(s): one per action, or one with its positionals. */
export function usageLines(name: string, command: Command): string[] {
  if (command.actions === undefined) return [`${BIN} ${name}${(command.positionals ?? []).map((p) => ` ${positionalText(p)}`).join('')} [options]`];
  return Object.entries(command.actions).map(([action, a]) => `${BIN} ${name} ${action === command.defaultAction ? `[${action}]` : action}${a.positionals.map((p) => ` ${positionalText(p)}`).join('')} [options]`);
}

/** The short usage printed under a usage error. */
export function shortUsage(name: string, command: Command | undefined): string {
  if (command === undefined) return `usage: ${BIN} <command> [options]   (${BIN} --help lists the commands)\n`;
  const [first, ...more] = usageLines(name, command);
  return `usage: ${first}\n${more.map((l) => `       ${l}\n`).join('')}       (${BIN} help ${name} for every option)\n`;
}

function optionLine(long: string, o: OptionSpec): [string, string] {
  const flag = `${o.short === undefined ? '    ' : `-${o.short}, `}--${long}${o.type === 'string' ? ` ${o.value ?? '<value>'}` : ''}`;
  const parts = [o.description];
  if (o.choices !== undefined) parts.push(`one of: ${o.choices.join(', ')}`);
  if (o.required === true) parts.push('required');
  if (o.multiple === true) parts.push('repeatable');
  if (o.default !== undefined) parts.push(`default: ${o.default}`);
  else if (o.defaultText !== undefined) parts.push(`default: ${o.defaultText}`);
  return [flag, parts.join('; ')];
}

function columns(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.min(34, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) => (a.length > width ? `${indent}${a}\n${indent}${' '.repeat(width)}  ${b}` : `${indent}${a.padEnd(width)}  ${b}`));
}

/**
 * `help <command>` / `<command> --help`: usage, description, actions,
 * arguments, every option with its valid values and default, what the exit
 * codes mean for this command, and examples.
 */
export function commandHelp(name: string, command: Command): string {
  const usage = usageLines(name, command);
  const out: string[] = [...(usage.length === 1 ? [`usage: ${usage[0] as string}`] : ['usage:', ...usage.map((l) => `  ${l}`)]), '', command.description, ''];
  if (command.actions !== undefined) {
    out.push('actions:', ...columns(Object.entries(command.actions).map(([a, spec]) => [a, `${spec.summary}${a === command.defaultAction ? ' (the default: its name may be left out)' : ''}`])), '');
  }
  const positionals = command.actions === undefined ? (command.positionals ?? []) : Object.values(command.actions).flatMap((a) => a.positionals);
  const seen = new Set<string>();
  const unique = positionals.filter((p) => !seen.has(p.name) && seen.add(p.name));
  if (unique.length > 0) out.push('arguments:', ...columns(unique.map((p) => [positionalText(p), p.description])), '');
  out.push('options:', ...columns(Object.entries(allOptions(command)).map(([long, o]) => optionLine(long, o))), '');
  const codes = [`${EXIT.ok} done`, ...(command.exitOne === undefined ? [] : [`${EXIT.no} ${command.exitOne}`]), `${EXIT.usage} bad invocation or bad input`, `${EXIT.bug} a bug in ${BIN}`];
  out.push(`exit codes: ${codes.join('; ')}`, '');
  if (command.examples.length > 0) out.push('examples:', ...command.examples.map((e) => `  ${BIN} ${e}`), '');
  return `${out.join('\n')}`;
}

/** The top-level help: every command with its summary, and the conventions all share. */
export function topHelp(commands: readonly CommandEntry[], version: string): string {
  return [
    `${BIN} ${version} - can I ship this app on that platform, and what must change?`,
    '',
    `usage: ${BIN} <command> [arguments] [options]`,
    '',
    'commands:',
    ...columns(commands.map((c) => [c.name, c.summary])),
    '',
    `every command takes --json (one JSON document on stdout, errors included) and --help.`,
    `${BIN} help <command> shows a command's options, valid values and defaults.`,
    `exit codes: ${EXIT.ok} done; ${EXIT.no} the answer is "no" (see each command); ${EXIT.usage} bad invocation or bad input; ${EXIT.bug} a bug.`,
    `${BIN} --version prints the version.`,
    '',
  ].join('\n');
}
