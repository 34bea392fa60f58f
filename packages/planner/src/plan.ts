import { exportCanonical, type CloudManifest } from '@deployment-manager/bundle';
import type { DependencyGraph, PackagerNote, Tier } from '@deployment-manager/core';
import type { FitnessReport } from '@deployment-manager/fitness';
import type { SecretPlan } from '@deployment-manager/secrets';
import { findEnvironment } from './apply-environment.ts';
import { footprint, type CostEstimate, type Footprint } from './cost.ts';
import type { EnvironmentOverlay, Guardrails, RolloutSpec } from './environment.ts';
import { planDiagnostic, stageOf, type FindingStage, type PlanDiagnostic } from './diagnostic-codes.ts';
import { checkGuardrails } from './guardrails.ts';
import { fitnessFindings, manifestFindings, secretFindings } from './preflight.ts';
import type { PriceTable } from './price-table.ts';
import { renderTarget } from './render-target.ts';
import { planRollback, type PreviousRelease, type RollbackPlan } from './rollback.ts';
import { planRollout, type RolloutPlan } from './rollout.ts';
import { deriveSmokeChecks, type HostFile, type SmokeCheck } from '@deployment-manager/packager-vps';
import { planLayout, type PlanLayout } from './plan-layout.ts';
import { buildStages, type PlanStage } from './stages.ts';
import { TARGET_IDS, isTargetId } from './targets-data.ts';

/** What to plan: "deploy version v3.2 of recipe-hub to production on DigitalOcean". */
export interface DeploymentInput {
  /** Scenario name. */
  readonly scenario: string;
  /** Version to deploy (`3.2.0`, `v3.2`); the manifest must carry it. */
  readonly version: string;
  /** Tier the manifest was assembled for (`saas` or `enterprise`). */
  readonly tier: Tier;
  /** Environment name (built-in or one of `environments`). */
  readonly environment: string;
  /** Custom environments (shadow built-ins of the same name). */
  readonly environments?: readonly EnvironmentOverlay[];
  /** Target id: `do`, `aws`, `vps`, `compose`, `k8s`. */
  readonly target: string;
  /** The assembled (base) manifest, as exported; validated here. */
  readonly manifest: unknown;
  /** The dependency graph after the profile's swaps, for fitness. */
  readonly graph?: DependencyGraph;
  /** A fitness report, instead of a graph. */
  readonly fitness?: FitnessReport;
  /** The secret plan the manifest was assembled with. */
  readonly secretPlan?: SecretPlan;
  /** Names (env names or secret ids) present in the environment's secret source. Never values. */
  readonly providedSecrets?: readonly string[];
  /** Rollout, overriding the environment's. */
  readonly rollout?: RolloutSpec;
  /** The release to roll back to. */
  readonly previous?: PreviousRelease;
  /** Guardrails, merged over the environment's (these win). */
  readonly guardrails?: Guardrails;
  /** Confirms a cost above the confirmation threshold. */
  readonly confirmCost?: boolean;
  /** Price table. */
  readonly prices?: PriceTable;
  /** Provider region. */
  readonly region?: string;
  /** Where the plan's files are (or will be) written, so its commands can name them (see {@link planLayout}); default `out`. */
  readonly outDir?: string;
}

/** The seeds' report shapes: success with URLs and next steps, or the first blocking stage with a reason and a fix. */
export type PlanOutcome = PlanSuccess | PlanFailure;

/** The seeds' success shape. */
export interface PlanSuccess {
  /** Discriminator. */
  readonly status: 'success';
  /** Where the app will answer once deployed. */
  readonly urls: readonly string[];
  /** The commands to run, stage by stage. */
  readonly next_steps: readonly string[];
}

/** The seeds' failure shape: the first blocking finding, and all of them. */
export interface PlanFailure {
  /** Discriminator. */
  readonly status: 'error';
  /** Stage of the first blocking finding (`env_setup`, `cost`...). */
  readonly stage: FindingStage;
  /** Its reason (`Missing ENV: OPENAI_API_KEY`). */
  readonly reason: string;
  /** Its fix. */
  readonly fix_suggestion: string;
  /** Every blocking finding. */
  readonly errors: readonly PlanDiagnostic[];
}

/** A deployment plan: ordered stages, every finding, and what each part will do. */
export interface DeploymentPlan {
  /** Scenario. */
  readonly scenario: string;
  /** Version. */
  readonly version: string;
  /** Tier. */
  readonly tier: Tier;
  /** Environment name. */
  readonly environment: string;
  /** Target id as given. */
  readonly target: string;
  /** SHA-256 of the base manifest's canonical export, when it is JSON. */
  readonly manifestSha256?: string;
  /** Success or the first blocking finding. */
  readonly outcome: PlanOutcome;
  /** pre-flight, configure, package, provision, deploy, verify. */
  readonly stages: readonly PlanStage[];
  /** Every finding, errors first. */
  readonly findings: readonly PlanDiagnostic[];
  /** Monthly cost estimate, for priced targets. */
  readonly cost?: CostEstimate;
  /** What the manifest asks for in total. */
  readonly footprint?: Footprint;
  /** Rollout plan. */
  readonly rollout?: RolloutPlan;
  /** Rollback plan. */
  readonly rollback?: RollbackPlan;
  /** Smoke checks the verify stage runs. */
  readonly smoke: readonly SmokeCheck[];
  /** Files the target's packager renders. */
  readonly artifacts: readonly string[];
  /** What the target cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Where its files go: the commands name these paths. */
  readonly layout: PlanLayout;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

function mergeGuardrails(env: Guardrails | undefined, input: Guardrails | undefined): Guardrails {
  return { ...env, ...input, quotas: { ...env?.quotas, ...input?.quotas } };
}

function hashOf(value: unknown): string | undefined {
  try {
    return exportCanonical(value).sha256;
  } catch {
    return undefined;
  }
}

function outcomeOf(findings: readonly PlanDiagnostic[], urls: string[], nextSteps: string[]): PlanOutcome {
  const errors = findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  if (first === undefined) return { status: 'success', urls, next_steps: nextSteps };
  return { status: 'error', stage: stageOf(first), reason: first.message, fix_suggestion: first.hint ?? '', errors };
}

function urlsOf(manifest: CloudManifest, target: string): string[] {
  const host = manifest.ingress?.host;
  if (manifest.ingress === undefined) return [];
  if (host !== undefined) return [`${manifest.ingress.tls === true ? 'https' : 'http'}://${host}/`];
  return target === 'do' || target === 'aws' ? ['http://<terraform output host_ip>/'] : target === 'vps' ? ['http://<DEPLOY_HOST>/'] : [];
}

/**
 * Plans a deployment, purely: validates readiness (fitness blockers,
 * secret plan blockers and missing operator secrets, manifest validation,
 * target checks, cost guardrails, rollout support, rollback checksum) into
 * one pre-flight report, then lists the ordered stages - pre-flight,
 * configure, package, provision, deploy, verify - with what each will do,
 * what it needs and the artifacts it renders. The outcome has the seeds'
 * shapes: `{ status: 'success', urls, next_steps }` or `{ status: 'error',
 * stage, reason, fix_suggestion }`. No clock, no randomness, no I/O.
 *
 * @example
 * ```ts
 * const plan = planDeployment({ scenario: 'recipe-hub', version: '3.2.0', tier: 'saas', environment: 'production', target: 'do', manifest, graph, providedSecrets: [] });
 * plan.outcome // { status: 'error', stage: 'env_setup', reason: 'Missing ENV: OPENAI_API_KEY', fix_suggestion: 'set OPENAI_API_KEY in the env file .env.production ...' }
 * ```
 */
export function planDeployment(input: DeploymentInput): DeploymentPlan {
  const findings: PlanDiagnostic[] = [];
  const layout = planLayout(input.outDir ?? 'out', input.target);
  const env = findEnvironment(input.environment, input.environments);
  const known = [...new Set([...(input.environments ?? []).map((e) => e.name), 'development', 'staging', 'production'])];
  if (env === undefined) findings.push(planDiagnostic('ENVIRONMENT_UNKNOWN', `environment "${input.environment}" is not defined`, { path: '/environment', hint: `use one of ${known.join(', ')}, or pass a custom environment` }));
  const target = isTargetId(input.target) ? input.target : undefined;
  if (target === undefined) findings.push(planDiagnostic('TARGET_UNKNOWN', `target "${input.target}" is not known`, { path: '/target', hint: `use one of ${TARGET_IDS.join(', ')}` }));
  findings.push(...fitnessFindings(input, input.tier));
  const checked = manifestFindings(input.manifest, { scenario: input.scenario, version: input.version, tier: input.tier });
  findings.push(...checked.findings);
  const base = checked.manifest;

  let render: ReturnType<typeof renderTarget> | undefined;
  let rollout: RolloutPlan | undefined;
  let rollback: RollbackPlan | undefined;
  let cost: CostEstimate | undefined;
  let need: Footprint | undefined;
  if (base !== undefined && env !== undefined && target !== undefined) {
    render = renderTarget(base, target, env, { ...(input.prices === undefined ? {} : { prices: input.prices }), ...(input.region === undefined ? {} : { region: input.region }) });
    findings.push(...render.findings);
    findings.push(...secretFindings(render.manifest, input.secretPlan, input.providedSecrets ?? [], target, render.secretSource));
    for (const n of render.notes) findings.push(planDiagnostic('TARGET_LOST_FEATURE', `${target}: ${n.message}`, { path: n.path, hint: n.kind === 'lost' ? 'accept the loss or choose a target that keeps it (k8s)' : 'nothing to do; it works differently there', severity: n.kind === 'lost' ? 'warning' : 'info' }));
    need = footprint(render.manifest);
    if (render.cost.ok) cost = render.cost.estimate;
    else if (render.cost.reason === 'no-price-data') findings.push(planDiagnostic('COST_UNKNOWN', `target ${target} runs on infrastructure the planner has no prices for, so cost is not estimated`, { hint: 'check the capacity of the server or cluster against the footprint in the plan' }));
    findings.push(...checkGuardrails(cost, need, mergeGuardrails(env.guardrails, input.guardrails), input.confirmCost === true));
    rollout = planRollout(render.manifest, target, input.rollout ?? env.rollout ?? { strategy: 'rolling' }, env.name, layout);
    findings.push(...rollout.findings);
    rollback = planRollback(base, input.previous, target, env.name);
    findings.push(...rollback.findings);
  }
  const sortedFindings = findings.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => RANK[a.severity] - RANK[b.severity] || i - j).map(([f]) => f);
  const smoke = render === undefined ? [] : deriveSmokeChecks(render.manifest);
  const stages = buildStages({ input, env, target, render, rollout, rollback, smoke, findings: sortedFindings, layout });
  const sha = hashOf(input.manifest);
  return {
    scenario: input.scenario,
    version: input.version,
    tier: input.tier,
    environment: input.environment,
    target: input.target,
    ...(sha === undefined ? {} : { manifestSha256: sha }),
    outcome: outcomeOf(sortedFindings, render === undefined ? [] : urlsOf(render.manifest, input.target), stages.flatMap((s) => s.commands)),
    stages,
    findings: sortedFindings,
    ...(cost === undefined ? {} : { cost }),
    ...(need === undefined ? {} : { footprint: need }),
    ...(rollout === undefined ? {} : { rollout }),
    ...(rollback === undefined ? {} : { rollback }),
    smoke,
    artifacts: render === undefined ? [] : render.files.map((f) => f.path),
    notes: render?.notes ?? [],
    layout,
  };
}

/**
 * The files a plan writes under its target directory (`<out>/<target>/`),
 * rendered as `planDeployment` renders them: the environment applied, the
 * host sized by the cost estimate. Empty when the manifest, environment or
 * target is unusable (the plan's findings say why). Pure.
 *
 * @example
 * ```ts
 * renderPlanFiles(input).map((f) => f.path) // ['Caddyfile', 'cloud-init.yaml', 'compose.production.yaml', 'deploy.sh', ...]
 * ```
 */
export function renderPlanFiles(input: DeploymentInput): readonly HostFile[] {
  const env = findEnvironment(input.environment, input.environments);
  const base = manifestFindings(input.manifest, { scenario: input.scenario, version: input.version, tier: input.tier }).manifest;
  if (env === undefined || base === undefined || !isTargetId(input.target)) return [];
  return renderTarget(base, input.target, env, { ...(input.prices === undefined ? {} : { prices: input.prices }), ...(input.region === undefined ? {} : { region: input.region }) }).files;
}
