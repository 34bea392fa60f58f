import type { CloudManifest } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import { renderTerraformHost, type TerraformModule } from '@deployment-manager/packager-terraform';
import { deriveSmokeChecks, renderComposeHost, renderComposeOverride, renderSmokeScript, type HostFile } from '@deployment-manager/packager-vps';
import { applyEnvironment } from './apply-environment.ts';
import { estimateCost, footprint, type CostResult } from './cost.ts';
import type { EnvironmentOverlay, SecretSource } from './environment.ts';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';
import { renderHelmValues } from './helm-values.ts';
import { DEFAULT_PRICE_TABLE, type PriceTable } from './price-table.ts';
import { TARGETS, type TargetId } from './targets-data.ts';

/** Options of {@link renderTarget}. */
export interface RenderTargetOptions {
  /** Default region (`do`: `nyc3`, `aws`: `us-east-1`). */
  readonly region?: string;
  /** Price table. Default {@link DEFAULT_PRICE_TABLE}. */
  readonly prices?: PriceTable;
}

/** Everything one target renders for a manifest in an environment. */
export interface TargetRender {
  /** The manifest with the environment applied. */
  readonly manifest: CloudManifest;
  /** Files, sorted by path. */
  readonly files: readonly HostFile[];
  /** The Terraform module as typed HCL, for `do` and `aws`. */
  readonly terraform?: TerraformModule;
  /** What the target cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Findings (environment problems, no size fits, overrides the chart cannot take). */
  readonly findings: readonly PlanDiagnostic[];
  /** The cost estimate (or why there is none). */
  readonly cost: CostResult;
  /** Where secret values come from. */
  readonly secretSource: SecretSource;
}

const YAML = 'application/yaml';
const SH = 'application/x-sh';

/** The default secret source of a target in an environment. */
export function defaultSecretSource(manifest: CloudManifest, target: TargetId, environment: string): SecretSource {
  return target === 'k8s' ? { kind: 'kubernetes-secret', ref: `${manifest.app.name}-secrets` } : { kind: 'env-file', ref: `.env.${environment}` };
}

/**
 * Renders the files of one target for a base manifest in an environment:
 * the planner applies the environment and decides the machine size (the
 * cost estimate), then the target's packager renders:
 * - `compose`: `compose.<env>.yaml` (an override of the cloud packager's `compose.yaml`) and `smoke.sh`;
 * - `k8s`: `values-<env>.yaml` for the cloud packager's chart and `smoke.sh`;
 * - `vps`: the compose host set of `@deployment-manager/packager-vps` (its
 *   `compose.<env>.yaml` is complete: the host runs it alone);
 * - `do`, `aws`: the host set plus `cloud-init.yaml` and a Terraform module
 *   under `terraform/` (`@deployment-manager/packager-terraform`).
 * The cloud packager's own output (`compose.yaml`, manifests, chart) is
 * expected beside it. Pure.
 *
 * @example
 * ```ts
 * const r = renderTarget(manifest, 'do', PRODUCTION);
 * r.files.map((f) => f.path) // ['Caddyfile', 'cloud-init.yaml', 'compose.production.yaml', 'deploy.sh', ...]
 * ```
 */
export function renderTarget(base: CloudManifest, target: TargetId, environment: EnvironmentOverlay, options: RenderTargetOptions = {}): TargetRender {
  const { manifest, findings: envFindings } = applyEnvironment(base, environment);
  const findings: PlanDiagnostic[] = [...envFindings];
  const cost = estimateCost(manifest, target, options.prices ?? DEFAULT_PRICE_TABLE);
  const secretSource = environment.secrets ?? defaultSecretSource(manifest, target, environment.name);
  const done = (files: readonly HostFile[], notes: readonly PackagerNote[] = [], terraform?: TerraformModule): TargetRender => ({
    manifest,
    files,
    ...(terraform === undefined ? {} : { terraform }),
    notes,
    findings,
    cost,
    secretSource,
  });
  const smoke = (runtime: 'compose' | 'kubernetes'): HostFile => ({ path: 'smoke.sh', content: renderSmokeScript(manifest, deriveSmokeChecks(manifest), runtime, environment.name), mediaType: SH, executable: true });

  if (target === 'compose') return done([{ path: `compose.${environment.name}.yaml`, content: renderComposeOverride(manifest, environment), mediaType: YAML }, smoke('compose')]);
  if (target === 'k8s') {
    const helm = renderHelmValues(base, manifest, environment);
    findings.push(...helm.findings);
    return done([smoke('kubernetes'), { path: `values-${environment.name}.yaml`, content: helm.text, mediaType: YAML }]);
  }
  const host = {
    environment,
    strategy: environment.rollout?.strategy === 'recreate' ? ('recreate' as const) : ('rolling' as const),
    secretsFile: secretSource.kind === 'env-file' ? secretSource.ref : `.env.${environment.name}`,
  };
  if (target === 'vps') {
    const r = renderComposeHost(manifest, host);
    return done(r.files, r.notes);
  }
  if (!cost.ok) {
    const need = cost.needed;
    findings.push(planDiagnostic('TARGET_NO_SIZE', `no ${TARGETS[target].provider} size in the price table fits ${need.cpuMillis}m cpu, ${need.memoryMiB} MiB memory and ${need.gpus} gpu (plus host overhead)`, { hint: 'lower replicas or resource requests, swap heavy dependencies for hosted ones, or add a larger size to the price table' }));
    const r = renderComposeHost(manifest, host);
    return done(r.files, r.notes);
  }
  const r = renderTerraformHost(manifest, target === 'do' ? 'digitalocean' : 'aws', {
    ...host,
    size: cost.estimate.size.id,
    volumeGiB: footprint(manifest).volumeGiB,
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  return done(r.files, r.notes, r.terraform);
}
