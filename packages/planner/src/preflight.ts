import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import type { DependencyGraph, Tier } from '@deployment-manager/core';
import { scoreGraph, type FitnessReport } from '@deployment-manager/fitness';
import type { SecretPlan } from '@deployment-manager/secrets';
import { suppliedSecretName } from '@deployment-manager/packager-vps';
import { diagnosticToFinding } from './diagnostics-bridge.ts';
import type { SecretSource } from './environment.ts';
import { planFinding, type PlanFinding } from './finding.ts';
import type { TargetId } from './targets-data.ts';

/**
 * Fitness findings for one tier: every blocker (a required dependency that
 * cannot run there) is an error naming the facts that block it; unknown
 * dependencies are warnings. Pass the graph after the profile's swaps. Pure.
 */
export function fitnessFindings(input: { readonly graph?: DependencyGraph; readonly fitness?: FitnessReport }, tier: Tier): PlanFinding[] {
  const report = input.fitness ?? (input.graph === undefined ? undefined : scoreGraph(input.graph, { tiers: [tier] }));
  if (report === undefined) return [planFinding('FITNESS_NOT_CHECKED', 'info', 'no dependency graph was given, so fitness was not checked', 'pass the (swapped) dependency graph to include fitness in pre-flight')];
  const t = report.tiers[tier];
  if (t === undefined) return [planFinding('FITNESS_NOT_CHECKED', 'warning', `the fitness report has no ${tier} tier`, `score the graph for ${tier}`)];
  const out: PlanFinding[] = [];
  for (const id of t.blockers) {
    const why = t.reasons.filter((r) => r.blocker && r.dependency === id).map((r) => r.message);
    out.push(planFinding('FITNESS_BLOCKER', 'error', `${id} cannot run on tier ${tier}${why.length > 0 ? `: ${why.join('; ')}` : ''}`, `swap ${id} for a replacement that fits ${tier} (deployment-manager swaps suggest) or make it optional`));
  }
  for (const id of report.unknown) out.push(planFinding('FITNESS_UNKNOWN', 'warning', `${id} has no catalog entry, so its fitness for ${tier} is unknown`, 'add a catalog entry for it so pre-flight can judge it'));
  return out;
}

const describeSource = (source: SecretSource): string =>
  source.kind === 'env-file' ? `the env file ${source.ref}` : source.kind === 'kubernetes-secret' ? `the Kubernetes Secret ${source.ref}` : `the external secret store ${source.ref}`;

/**
 * Secret findings (`env_setup`): the secret plan's blockers, and every
 * secret the operator must supply (`user_prompt`, and `remote_fetch` outside
 * Kubernetes) that is not among `provided` (names or ids only - a value is
 * never needed or seen). A missing required one fails with the seeds'
 * `Missing ENV: NAME` reason and a fix naming it. Pure.
 *
 * @example
 * ```ts
 * secretFindings(manifest, undefined, [], 'vps', { kind: 'env-file', ref: '.env.production' })[0]?.reason // 'Missing ENV: OPENAI_API_KEY'
 * ```
 */
export function secretFindings(manifest: CloudManifest, plan: SecretPlan | undefined, provided: readonly string[], target: TargetId, source: SecretSource): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const d of plan?.blockers ?? []) out.push(diagnosticToFinding('SECRET_PLAN_BLOCKER', d, 'secret plan: '));
  const have = new Set(provided);
  const generated: string[] = [];
  (manifest.secrets ?? []).forEach((s, i) => {
    if (s.class === 'per_install_generated') {
      generated.push(s.id);
      return;
    }
    if (s.class === 'remote_fetch' && target === 'k8s') {
      out.push(planFinding('SECRET_REMOTE_REFERENCE', 'info', `secret ${s.id} is read at run time from the external secret store (key ${s.logical_id ?? `${manifest.app.name}/${s.id}`})`, 'make sure the key exists in the store the cluster\'s ExternalSecret reads', `/secrets/${i}`));
      return;
    }
    if (s.class !== 'user_prompt' && s.class !== 'remote_fetch') return;
    const name = suppliedSecretName(s);
    if (have.has(name) || have.has(s.id)) return;
    const about = s.prompt?.label === undefined ? (s.description ?? s.id) : `${s.prompt.label}${s.prompt.description === undefined ? '' : ` - ${s.prompt.description}`}`;
    const fix = `set ${name} in ${describeSource(source)} before deploying (${about})`;
    out.push(planFinding('SECRET_MISSING', s.required === false ? 'warning' : 'error', `Missing ENV: ${name}`, s.required === false ? `${fix}; without it the feature that needs it is off` : fix, `/secrets/${i}`));
  });
  if (generated.length > 0) {
    out.push(planFinding('SECRET_GENERATED_ON_DEPLOY', 'info', `${generated.length} per-install secret(s) are generated on the first deploy and kept across deploys: ${generated.join(', ')}`, 'nothing to do; back up the secret source so a rebuilt host keeps them'));
  }
  return out;
}

/** What {@link manifestFindings} found: the manifest when it is a valid cloud manifest, and the findings. */
export interface ManifestCheck {
  /** The validated cloud manifest, or undefined when it is invalid or not a cloud manifest. */
  readonly manifest: CloudManifest | undefined;
  /** Validation findings (`manifest` stage). */
  readonly findings: readonly PlanFinding[];
}

/** Validates the manifest (schema and semantics) and that it is a cloud manifest for the plan's scenario, version and tier. Pure. */
export function manifestFindings(input: unknown, expect: { readonly scenario: string; readonly version: string; readonly tier: Tier }): ManifestCheck {
  const result = validateManifest(input);
  const findings = [...(result.ok ? [] : result.issues.map((d) => diagnosticToFinding('MANIFEST_INVALID', d))), ...result.warnings.map((d) => diagnosticToFinding('MANIFEST_WARNING', d))];
  if (!result.ok) return { manifest: undefined, findings };
  const m = result.value;
  if (m.target !== 'cloud') {
    return { manifest: undefined, findings: [...findings, planFinding('MANIFEST_NOT_CLOUD', 'error', `the manifest targets ${m.target}, not cloud`, `assemble ${expect.scenario} for the saas or enterprise tier`, '/target')] };
  }
  const want = expect.version.replace(/^v/, '');
  if (m.app.version !== want && !m.app.version.startsWith(`${want}.`)) {
    findings.push(planFinding('MANIFEST_INVALID', 'error', `the manifest is version ${m.app.version}, but version ${expect.version} was asked for`, `assemble the manifest from version ${expect.version} of ${expect.scenario}`, '/app/version'));
  }
  if ((m.app.scenario ?? m.app.name) !== expect.scenario) {
    findings.push(planFinding('MANIFEST_INVALID', 'error', `the manifest is for scenario ${m.app.scenario ?? m.app.name}, not ${expect.scenario}`, `assemble the manifest of ${expect.scenario}`, '/app/scenario'));
  }
  if (m.tier !== expect.tier) {
    findings.push(planFinding('TARGET_TIER_MISMATCH', 'error', `the manifest was assembled for tier ${m.tier}, but the plan is for ${expect.tier}`, `assemble the manifest for ${expect.tier}`, '/tier'));
  }
  return { manifest: m, findings };
}
