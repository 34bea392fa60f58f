/*
 * A command a plan lists and `deploy` runs: a program and its arguments,
 * with environment assignments in front, printed as one POSIX shell line
 * that runs exactly as printed. A word is quoted (core's single-quote rule)
 * only when it holds a character the shell would read, so plain commands
 * stay readable.
 */
import { shellQuote } from '@deployment-manager/core';

/** One command: `env` assignments, then the program and its arguments. */
export interface PlanCommand {
  /** Program and arguments (`['terraform', '-chdir=out/do/terraform', 'init']`). */
  readonly argv: readonly string[];
  /** Variables set for this command only (`STRATEGY=rolling`); never secret values. */
  readonly env?: Readonly<Record<string, string>>;
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A word as the shell must see it: bare when plain, single-quoted otherwise. */
export function shellWord(word: string): string {
  return PLAIN.test(word) ? word : shellQuote(word);
}

/**
 * The shell line of a command.
 *
 * @example
 * ```ts
 * commandLine({ env: { STRATEGY: 'rolling' }, argv: ['bash', 'out/vps/deploy.sh'] }) // 'STRATEGY=rolling bash out/vps/deploy.sh'
 * ```
 */
export function commandLine(command: PlanCommand): string {
  const env = Object.entries(command.env ?? {}).map(([k, v]) => `${k}=${shellWord(v)}`);
  return [...env, ...command.argv.map(shellWord)].join(' ');
}
