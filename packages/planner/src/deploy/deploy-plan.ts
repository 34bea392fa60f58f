/*
 * Deploying through a target's own tools (`compose`, `k8s`, `do`, `aws`, and
 * `vps` for a cloud manifest): the plan's files are written where its
 * commands look (plan --out), the tools the commands name are checked, and
 * the commands run in order - exactly the lines the plan prints. Terraform's
 * plan is shown and must be confirmed before `apply`. A missing tool is
 * refused by name before anything runs.
 */
import { randomUUID } from 'node:crypto';
import { SdkError } from '@deployment-manager/core';
import { commandLine, type PlanCommand } from '../command-line.ts';
import type { DeploymentInput, DeploymentPlan } from '../plan.ts';
import { writePlanFiles } from '../write-plan-files.ts';
import { hasProgram } from './build-bundle.ts';
import { runCommand } from './deploy-host.ts';
import { whoAmI, type DeployIdentity } from './deploy-release.ts';
import { appendHistory, type DeployOutcome, type DeployRecord } from './history.ts';

/** A tool a command needs, and how to tell it is there. */
export interface ToolCheck {
  /** What to call it in a refusal (`docker compose v2`). */
  readonly tool: string;
  /** The command whose success proves it (`docker compose version`). */
  readonly probe: PlanCommand;
}

/** The tool check of a command's program: Compose v2 is a docker plugin, the rest are programs on the PATH. Pure. */
export function toolCheckOf(argv: readonly string[]): ToolCheck {
  const program = argv[0] ?? '';
  if (program === 'docker' && argv[1] === 'compose') return { tool: 'docker compose (v2)', probe: { argv: ['docker', 'compose', 'version'] } };
  return { tool: program, probe: { argv: ['sh', '-c', 'command -v "$1" >/dev/null', 'sh', program] } };
}

/** The tools a plan's commands need that this machine lacks (each named once). */
export async function missingTools(commands: readonly PlanCommand[]): Promise<string[]> {
  const checks = new Map(commands.map((c) => toolCheckOf(c.argv)).map((c) => [c.tool, c] as const));
  const missing: string[] = [];
  for (const c of checks.values()) {
    const ok = c.probe.argv[0] === 'sh' ? hasProgram(c.probe.argv[4] ?? '') : (await runCommand(c.probe, { timeoutMs: 60_000 })).code === 0;
    if (!ok) missing.push(c.tool);
  }
  return missing;
}

/** Options of {@link deployPlan}. */
export interface DeployPlanOptions {
  /** The plan's input (its `outDir` is where the files go). */
  readonly input: DeploymentInput;
  /** The plan. */
  readonly plan: DeploymentPlan;
  /** The history file. */
  readonly history: string;
  /** What is deployed, for the records. */
  readonly identity: DeployIdentity;
  /** Only write the files and list the commands. */
  readonly dryRun?: boolean;
  /** Values of operator secrets, by env name: given to the commands' environment only, never printed. */
  readonly secretEnv?: Readonly<Record<string, string>>;
  /** Asked after `terraform show` before `apply`; false stops the deploy. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** Receives each command before it runs, and each line it prints. */
  readonly onLine?: (line: string) => void;
}

/** How a plan deploy went. */
export interface PlanDeployResult {
  /** `success`, `failed`, or `dry-run`. */
  readonly outcome: 'success' | 'failed' | 'dry-run';
  /** Every command, as shell lines, in order. */
  readonly commands: readonly string[];
  /** Tools missing on this machine (a dry run lists them; a real run refuses). */
  readonly missing: readonly string[];
  /** The command that failed, and why. */
  readonly failed?: { readonly command: string; readonly reason: string };
  /** The final history record (none on a dry run). */
  readonly record?: DeployRecord;
}

/**
 * Deploys a plan with its target's tools: writes the files, refuses a
 * missing tool (`TOOL_MISSING`, naming it) or a blocked plan
 * (`PLAN_BLOCKED`), then runs the stage commands in order, asking
 * `confirm` between `terraform show` and `apply`. Never throws for a failing
 * command: the result and the history say which.
 *
 * @example
 * ```ts
 * const plan = planDeployment(input);
 * const result = await deployPlan({ input, plan, history: 'state/history.jsonl', identity: { scenario: 'recipe-hub', environment: 'production', target: 'compose' } });
 * ```
 */
export async function deployPlan(options: DeployPlanOptions): Promise<PlanDeployResult> {
  const { plan } = options;
  if (plan.outcome.status === 'error') throw new SdkError('PLAN_BLOCKED', `the plan is blocked at ${plan.outcome.stage}: ${plan.outcome.reason}`, { hint: plan.outcome.fix_suggestion });
  const commands = plan.stages.flatMap((s) => s.invocations);
  const lines = commands.map(commandLine);
  const missing = await missingTools(commands);
  if (missing.length > 0 && options.dryRun !== true) {
    throw new SdkError('TOOL_MISSING', `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed, and deploying to ${plan.target} runs ${missing.length === 1 ? 'it' : 'them'}`, {
      hint: `install ${missing.join(' and ')}, or run \`deployment-manager plan ... --out <dir>\` and the printed commands where they are`,
      details: { tools: missing },
    });
  }
  await writePlanFiles(options.input, plan);
  if (options.dryRun === true) return { outcome: 'dry-run', commands: lines, missing };
  const t0 = Date.now();
  const base = {
    format: 'deployment-manager.deploy/1' as const,
    id: randomUUID(),
    action: 'deploy' as const,
    scenario: options.identity.scenario,
    version: plan.version,
    environment: options.identity.environment,
    target: options.identity.target,
    host: options.identity.target,
    manifestSha256: plan.manifestSha256 ?? '',
    who: whoAmI(),
  };
  const record = (outcome: DeployOutcome, extra: Partial<DeployRecord> = {}): DeployRecord => {
    const r: DeployRecord = { ...base, time: new Date().toISOString(), outcome, durationMs: Date.now() - t0, ...extra };
    appendHistory(options.history, r);
    return r;
  };
  record('started');
  for (const [i, command] of commands.entries()) {
    const line = lines[i] as string;
    const stage = plan.stages.find((s) => s.invocations.includes(command))?.id ?? 'deploy';
    options.onLine?.(`$ ${line}`);
    const r = await runCommand(command, { env: { ...options.secretEnv }, ...(options.onLine === undefined ? {} : { onLine: options.onLine }), timeoutMs: 3_600_000 });
    if (r.code !== 0) {
      const reason = `\`${line}\` exited with ${String(r.code)}`;
      return { outcome: 'failed', commands: lines, missing, failed: { command: line, reason }, record: record('failed', { failedStage: stage, reason }) };
    }
    if (command.argv[0] === 'terraform' && command.argv.includes('show')) {
      const ok = options.confirm === undefined ? false : await options.confirm('apply this terraform plan?');
      if (!ok) return { outcome: 'failed', commands: lines, missing, failed: { command: line, reason: 'the terraform plan was not confirmed' }, record: record('failed', { failedStage: 'provision', reason: 'the terraform plan was not confirmed' }) };
    }
  }
  return { outcome: 'success', commands: lines, missing, record: record('success') };
}
