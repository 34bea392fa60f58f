import { reportError, type CliCommand, type CliIo } from './io.ts';
import { runBundleCommand } from './commands/bundle.ts';
import { runDiffCommand } from './commands/diff.ts';
import { runFitnessCommand } from './commands/fitness.ts';
import { runGraphCommand } from './commands/graph.ts';
import { runPackageCommand } from './commands/package.ts';
import { runPlanCommand } from './commands/plan.ts';
import { runProfileCommand } from './commands/profile.ts';
import { runSecretsCommand } from './commands/secrets.ts';
import { runSwapsCommand } from './commands/swaps.ts';

/** Subcommands by name. Each is a thin wrapper over the packages' functions. */
export const COMMANDS: Readonly<Record<string, { readonly summary: string; readonly run: CliCommand }>> = {
  graph: { summary: 'dependency graph of a scenario (nodes, edges, order, cycles, diagnostics)', run: runGraphCommand },
  fitness: { summary: 'fitness per tier with reasons and suggested swaps (--model default|vrooli)', run: runFitnessCommand },
  swaps: { summary: 'swaps suggest|cascade for a tier (--swap from=to ...)', run: runSwapsCommand },
  secrets: { summary: 'secret plan for a tier (--format json|env|k8s)', run: runSecretsCommand },
  bundle: { summary: 'bundle assemble|validate|export|verify a deployment manifest', run: runBundleCommand },
  profile: { summary: 'profile create|list|show|update|history|diff|rollback|export|import', run: runProfileCommand },
  package: { summary: 'the whole pipeline for a target: manifest + packager artifacts in --out', run: runPackageCommand },
  plan: { summary: 'deployment plan: stages, pre-flight, cost, rollout and rollback (--env, --target do|aws|vps|compose|k8s)', run: runPlanCommand },
  diff: { summary: 'what changes between two exported manifests', run: runDiffCommand },
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
