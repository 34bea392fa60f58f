import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import type { DependencyGraph, Diagnostic, Tier } from '@deployment-manager/core';
import { scoreGraph, type FitnessReport } from '@deployment-manager/fitness';
import type { SecretPlan } from '@deployment-manager/secrets';
import { suppliedSecretName } from '@deployment-manager/packager-vps';
import type { SecretSource } from './environment.ts';
import { planDiagnostic, type PlanDiagnostic, type PlanDiagnosticCode } from './diagnostic-codes.ts';
import type { TargetId } from './targets-data.ts';

// Another package's diagnostic (manifest validation, a secret plan) carried under a planner code, its own code kept in the message.
function carried(code: PlanDiagnosticCode, d: Diagnostic, prefix = ''): PlanDiagnostic {
  return planDiagnostic(code, `${prefix}${d.message} [${d.code}]`, { path: d.path, hint: d.hint ?? 'see the diagnostic code in the package docs', severity: d.severity });
}

/**
 * Fitness findings for one tier: every blocker (a required dependency that
 * cannot run there) is an error naming the facts that block it; unknown
 * dependencies are warnings. Pass the graph after the profile's swaps. Pure.
 */
export function fitnessFindings(input: { readonly graph?: DependencyGraph; readonly fitness?: FitnessReport }, tier: Tier): PlanDiagnostic[] {
  const report = input.fitness ?? (input.graph === undefined ? undefined : scoreGraph(input.graph, { tiers: [tier] }));
  if (report === undefined) return [planDiagnostic('FITNESS_NOT_CHECKED', 'no dependency graph was given, so fitness was not checked', { hint: 'pass the (swapped) dependency graph to include fitness in pre-flight', severity: 'info' })];
  const t = report.tiers[tier];
  if (t === undefined) return [planDiagnostic('FITNESS_NOT_CHECKED', `the fitness report has no ${tier} tier`, { hint: `score the graph for ${tier}` })];
  const out: PlanDiagnostic[] = [];
  for (const id of t.blockers) {
    const why = t.reasons.filter((r) => r.blocker && r.dependency === id).map((r) => r.message);
    out.push(planDiagnostic('FITNESS_BLOCKER', `${id} cannot run on tier ${tier}${why.length > 0 ? `: ${why.join('; ')}` : ''}`, { hint: `swap ${id} for a replacement that fits ${tier} (deployment-manager swaps suggest) or make it optional` }));
  }
  for (const id of report.unknown) out.push(planDiagnostic('FITNESS_UNKNOWN', `${id} has no catalog entry, so its fitness for ${tier} is unknown`, { hint: 'add a catalog entry for it so pre-flight can judge it' }));
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
 * secretFindings(manifest, undefined, [], 'vps', { kind: 'env-file', ref: '.env.production' })[0]?.message // 'Missing ENV: OPENAI_API_KEY'
 * ```
 */
export function secretFindings(manifest: CloudManifest, plan: SecretPlan | undefined, provided: readonly string[], target: TargetId, source: SecretSource): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  for (const d of plan?.blockers ?? []) out.push(carried('SECRET_PLAN_BLOCKER', d, 'secret plan: '));
  const have = new Set(provided);
  const generated: string[] = [];
  (manifest.secrets ?? []).forEach((s, i) => {
    if (s.class === 'per_install_generated') {
      generated.push(s.id);
      return;
    }
    if (s.class === 'remote_fetch' && target === 'k8s') {
      out.push(planDiagnostic('SECRET_REMOTE_REFERENCE', `secret ${s.id} is read at run time from the external secret store (key ${s.logical_id ?? `${manifest.app.name}/${s.id}`})`, { path: `/secrets/${i}`, hint: 'make sure the key exists in the store the cluster\'s ExternalSecret reads' }));
      return;
    }
    if (s.class !== 'user_prompt' && s.class !== 'remote_fetch') return;
    const name = suppliedSecretName(s);
    if (have.has(name) || have.has(s.id)) return;
    const about = s.prompt?.label === undefined ? (s.description ?? s.id) : `${s.prompt.label}${s.prompt.description === undefined ? '' : ` - ${s.prompt.description}`}`;
    const fix = `set ${name} in ${describeSource(source)} before deploying (${about})`;
    out.push(planDiagnostic('SECRET_MISSING', `Missing ENV: ${name}`, { path: `/secrets/${i}`, hint: s.required === false ? `${fix}; without it the feature that needs it is off` : fix, severity: s.required === false ? 'warning' : 'error' }));
  });
  if (generated.length > 0) {
    out.push(planDiagnostic('SECRET_GENERATED_ON_DEPLOY', `${generated.length} per-install secret(s) are generated on the first deploy and kept across deploys: ${generated.join(', ')}`, { hint: 'nothing to do; back up the secret source so a rebuilt host keeps them' }));
  }
  return out;
}

/** What {@link manifestFindings} found: the manifest when it is a valid cloud manifest, and the findings. */
export interface ManifestCheck {
  /** The validated cloud manifest, or undefined when it is invalid or not a cloud manifest. */
  readonly manifest: CloudManifest | undefined;
  /** Validation findings (`manifest` stage). */
  readonly findings: readonly PlanDiagnostic[];
}

/** Validates the manifest (schema and semantics) and that it is a cloud manifest for the plan's scenario, version and tier. Pure. */
export function manifestFindings(input: unknown, expect: { readonly scenario: string; readonly version: string; readonly tier: Tier }): ManifestCheck {
  const result = validateManifest(input);
  const findings = [...(result.ok ? [] : result.issues.map((d) => carried('MANIFEST_INVALID', d))), ...result.warnings.map((d) => carried('MANIFEST_WARNING', d))];
  if (!result.ok) return { manifest: undefined, findings };
  const m = result.value;
  if (m.target !== 'cloud') {
    return { manifest: undefined, findings: [...findings, planDiagnostic('MANIFEST_NOT_CLOUD', `the manifest targets ${m.target}, not cloud`, { path: '/target', hint: `assemble ${expect.scenario} for the saas or enterprise tier` })] };
  }
  const want = expect.version.replace(/^v/, '');
  if (m.app.version !== want && !m.app.version.startsWith(`${want}.`)) {
    findings.push(planDiagnostic('MANIFEST_INVALID', `the manifest is version ${m.app.version}, but version ${expect.version} was asked for`, { path: '/app/version', hint: `assemble the manifest from version ${expect.version} of ${expect.scenario}` }));
  }
  if ((m.app.scenario ?? m.app.name) !== expect.scenario) {
    findings.push(planDiagnostic('MANIFEST_INVALID', `the manifest is for scenario ${m.app.scenario ?? m.app.name}, not ${expect.scenario}`, { path: '/app/scenario', hint: `assemble the manifest of ${expect.scenario}` }));
  }
  if (m.tier !== expect.tier) {
    findings.push(planDiagnostic('TARGET_TIER_MISMATCH', `the manifest was assembled for tier ${m.tier}, but the plan is for ${expect.tier}`, { path: '/tier', hint: `assemble the manifest for ${expect.tier}` }));
  }
  return { manifest: m, findings };
}
