import { parseTier, type Diagnostic } from '@deployment-manager/core';
import { ROLLOUT_STRATEGIES, TARGET_IDS, TARGETS, commandLine, planDeployment, stageOf, targetServesTier, writePlanFiles, type DeploymentPlan, type PlanDiagnostic, type TargetId, type WrittenPlan } from '@deployment-manager/planner';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, SUGGESTED_SWAP_OPTIONS, SWAP_OPTION, TIER_OPTION, suggestedSwaps } from '../common-options.ts';
import { colour, type CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import { issueJson, type IssueJson } from './bundle.ts';
import { planInput } from './plan-input.ts';
import { writeJson } from '../json-output.ts';

/** `plan --json` when the assembly refuses: the same errors `package` stops on. */
export interface PlanRefusalJson {
  /** Scenario planned. */
  readonly scenario: string;
  /** Always false. */
  readonly ok: false;
  /** Where it stopped. */
  readonly stage: 'assembly';
  /** The assembly's findings (errors first). */
  readonly diagnostics: readonly IssueJson[];
}

/** The assembly's errors, for people. */
export function renderRefusal(scenario: string, diagnostics: readonly Diagnostic[], io: CliIo): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lines = [colour(io.isTTY, 'red', `${scenario}: no plan - the manifest cannot be assembled (${errors.length} error(s)), as package would refuse it`)];
  for (const d of errors) lines.push(`  ${d.code} ${d.path || '/'}: ${d.message}${d.hint === undefined ? '' : `\n    hint: ${d.hint}`}`);
  return `${lines.join('\n')}\n`;
}

const mark = (io: CliIo, f: PlanDiagnostic): string =>
  f.severity === 'error' ? colour(io.isTTY, 'red', 'error  ') : f.severity === 'warning' ? colour(io.isTTY, 'yellow', 'warning') : colour(io.isTTY, 'grey', 'info   ');

function renderPlan(plan: DeploymentPlan, io: CliIo, write: PlanWrite): string {
  const out: string[] = [`plan: ${plan.scenario} ${plan.version} -> ${plan.environment} on ${plan.target} (tier ${plan.tier})${plan.manifestSha256 === undefined ? '' : `, manifest sha256 ${plan.manifestSha256}`}`, ''];
  plan.stages.forEach((s, i) => {
    out.push(`${i + 1}. ${colour(io.isTTY, 'bold', s.id)} [${s.status === 'ready' ? colour(io.isTTY, 'green', 'ready') : colour(io.isTTY, 'red', 'blocked')}]`);
    for (const a of s.actions) out.push(`   - ${a}`);
    for (const c of s.commands) out.push(`   $ ${c}`);
    for (const n of s.needs) out.push(`   needs: ${n}`);
    if (s.id === 'pre-flight') for (const f of s.findings) out.push(`   ${mark(io, f)} [${stageOf(f)}/${f.code}] ${f.message}${f.severity === 'info' ? '' : `\n            fix: ${f.hint ?? ''}`}`);
  });
  if (plan.cost !== undefined) {
    out.push('', `cost: $${plan.cost.monthlyUsd.toFixed(2)}/month (${plan.cost.source})`);
    for (const l of plan.cost.lines) out.push(`   ${l.item}: ${l.quantity} x $${l.unitUsd} = $${l.monthlyUsd.toFixed(2)}`);
  }
  out.push('');
  if (plan.outcome.status === 'success') {
    out.push(colour(io.isTTY, 'green', 'status: success'));
    for (const u of plan.outcome.urls) out.push(`url: ${u}`);
    if (write.written !== undefined) out.push(`wrote ${write.written.files.length} file(s) under ${plan.layout.outDir}/`);
    out.push('next steps:', ...[...(write.written === undefined ? [write.command] : []), ...plan.outcome.next_steps].map((s) => `   $ ${s}`));
  } else {
    out.push(colour(io.isTTY, 'red', `status: error at ${plan.outcome.stage}: ${plan.outcome.reason}`), `fix: ${plan.outcome.fix_suggestion}`);
    if (plan.outcome.errors.length > 1) out.push(`(${plan.outcome.errors.length} blocking findings in all)`);
  }
  return `${out.join('\n')}\n`;
}

/** What `plan` did about files: written with --out, or the command that writes them. */
interface PlanWrite {
  /** The files written (with --out). */
  readonly written?: WrittenPlan;
  /** The same plan command with --out, every flag present (the first next step without --out). */
  readonly command: string;
}

/** `plan --json` with `--out`: the plan and the files written. */
export type PlanJson = DeploymentPlan & { readonly written?: WrittenPlan };

/** This plan invocation as a command line that writes its files to `out`: every flag that was given, then --out. */
function planCommandLine(scenario: string, values: Readonly<Record<string, unknown>>, out: string): string {
  const argv = ['deployment-manager', 'plan', scenario];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'out' || name === 'json' || name === 'help' || value === undefined || value === false) continue;
    if (value === true) argv.push(`--${name}`);
    else if (Array.isArray(value)) for (const v of value as string[]) argv.push(`--${name}`, v);
    else argv.push(`--${name}`, String(value));
  }
  return commandLine({ argv: [...argv, '--out', out] });
}

/**
 * `deployment-manager plan <scenario> --env <env> --target do|aws|vps|compose|k8s [--json]`:
 * assembles the scenario's manifest with bundle's `assembleScenario` (or
 * reads `--manifest`), then prints the deployment plan - pre-flight findings,
 * the six stages, cost, rollout, rollback and smoke checks. When the assembly
 * has errors it stops there, as `package` does. Secrets are given by name
 * only (`--secret`, or the names in `--secrets-file`). Exit code 0 when the
 * plan is clear, 1 when the assembly or pre-flight blocks (the findings are
 * printed), 2 on bad input.
 *
 * @example
 * ```sh
 * deployment-manager plan recipe-hub --root examples/end-to-end/workspace --env production --target do --swap ollama=openai --secret OPENAI_API_KEY
 * ```
 */
export const planCommand: Command = defineCommand({
  description:
    "Plans a deployment of the scenario to an environment on a target: it assembles the manifest exactly as package does (and stops on the same errors), runs pre-flight checks (secrets provided, fitness, cost guardrails), and prints the stages with their commands, the cost, the rollout and the rollback. Secrets are named, never given: --secret NAME, or --secrets-file whose names alone are read.",
  positionals: [{ name: 'scenario', description: 'the scenario to deploy' }],
  options: {
    target: { type: 'string', value: '<target>', choices: TARGET_IDS, required: true, description: 'where to deploy' },
    env: { type: 'string', value: '<environment>', default: 'production', description: 'the environment name' },
    root: { type: 'string', value: '<dir>', default: '.', description: 'the workspace holding the scenario' },
    manifest: { type: 'string', value: '<bundle.json>', description: 'plan this exported manifest instead of assembling one' },
    profile: { type: 'string', value: '<id>', description: 'assemble from a saved profile' },
    store: { type: 'string', value: '<dir>', default: '.deployment-manager/profiles', description: 'where profiles are kept' },
    swap: SWAP_OPTION,
    ...SUGGESTED_SWAP_OPTIONS,
    tier: { ...TIER_OPTION, default: 'saas', description: 'the tier to assemble for' },
    version: { type: 'string', value: '<version>', description: 'the release version', defaultText: "the manifest's app version" },
    secret: { type: 'string', value: '<NAME>', multiple: true, description: 'a secret that will be provided (name only)' },
    'secrets-file': { type: 'string', value: '<.env file>', description: 'an env file whose names (never values) count as provided' },
    strategy: { type: 'string', value: '<strategy>', choices: ROLLOUT_STRATEGIES, description: 'the rollout strategy', defaultText: "the target's default" },
    previous: { type: 'string', value: '<bundle.json>', description: 'the release deployed now, for the rollback plan' },
    'previous-sha256': { type: 'string', value: '<hex>', description: 'its checksum', defaultText: 'its .sha256 sidecar' },
    'confirm-cost': { type: 'boolean', description: "accept a cost over the target's guardrail" },
    region: { type: 'string', value: '<region>', description: "the provider's region" },
    catalog: CATALOG_OPTION,
    out: { type: 'string', value: '<dir>', description: "write every file the plan names there (manifest, cloud packager output, the target's files, plan.json); the commands name them", defaultText: 'nothing is written; the first next step writes them' },
  },
  exitOne: 'the assembly or pre-flight blocks (the findings are printed; nothing is written)',
  examples: ['plan recipe-hub --root examples/end-to-end/workspace --target compose --swap ollama=openai --secret OPENAI_API_KEY', 'plan recipe-hub --manifest out/bundle.json --target k8s --previous releases/1.0.0/bundle.json --json'],
  run: async ({ values, json, positionals: [scenario = ''] }, io) => {
    const tier = parseTier(values.tier);
    const target = values.target as TargetId;
    if (!targetServesTier(target, tier)) {
      throw new UsageError(`target ${target} cannot run a ${tier} manifest`, `${target} runs tiers ${TARGETS[target].tiers.join(', ')}; a ${tier} build is deployed with \`deployment-manager deploy ${scenario} --target local\` (desktop) or packaged with \`package --target ${tier === 'mobile' ? 'mobile' : 'desktop'}\``, 'plan');
    }
    const outDir = values.out ?? `out/${scenario}-${values.env}-${target}`;
    const planned = await planInput(scenario, tier, values, outDir);
    if (!planned.ok) {
      const doc: PlanRefusalJson = { scenario, ok: false, stage: 'assembly', diagnostics: planned.diagnostics.map(issueJson) };
      if (json) writeJson(io, doc);
      else io.stdout(renderRefusal(scenario, planned.diagnostics, io));
      return 1;
    }
    const { input } = planned;
    const plan = planDeployment(input);
    const written = values.out !== undefined && plan.outcome.status === 'success' ? await writePlanFiles(input, plan) : undefined;
    const doc: PlanJson = written === undefined ? plan : { ...plan, written };
    if (json) writeJson(io, doc);
    else io.stdout(renderPlan(plan, io, { ...(written === undefined ? {} : { written }), command: planCommandLine(scenario, values, outDir) }));
    return plan.outcome.status === 'success' ? 0 : 1;
  },
});
