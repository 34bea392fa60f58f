import type { CloudManifest } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import { applyEnvironment } from './apply-environment.ts';
import { renderCaddyfile } from './caddyfile.ts';
import { renderCloudInit } from './cloud-init.ts';
import { renderComposeOverride } from './compose-override.ts';
import { estimateCost, footprint, type CostResult } from './cost.ts';
import { renderDeployScript } from './deploy-script.ts';
import type { EnvironmentOverlay, SecretSource } from './environment.ts';
import { planFinding, type PlanFinding } from './finding.ts';
import { renderHelmValues } from './helm-values.ts';
import { hostLayout } from './host-layout.ts';
import { DEFAULT_PRICE_TABLE, type PriceTable } from './price-table.ts';
import { deriveSmokeChecks, renderSmokeScript } from './smoke.ts';
import { renderSystemdUnit } from './systemd-unit.ts';
import { AWS_VOLUME_DEVICE, awsModule } from './terraform-aws.ts';
import { digitalOceanModule, digitalOceanVolumeDevice } from './terraform-digitalocean.ts';
import { renderTerraformModule, type TerraformModule } from './terraform-files.ts';
import { TARGETS, type TargetId } from './targets-data.ts';

/** One file a target renders. */
export interface RenderedFile {
  /** POSIX path relative to the target's output directory. */
  readonly path: string;
  /** Text content. */
  readonly content: string;
  /** Media type. */
  readonly mediaType: string;
  /** Whether it should be executable. */
  readonly executable?: boolean;
}

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
  readonly files: readonly RenderedFile[];
  /** The Terraform module as typed HCL, for `do` and `aws`. */
  readonly terraform?: TerraformModule;
  /** What the target cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Findings (environment problems, no size fits, overrides the chart cannot take). */
  readonly findings: readonly PlanFinding[];
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

function hostNotes(manifest: CloudManifest, target: TargetId): PackagerNote[] {
  const notes: PackagerNote[] = [
    { kind: 'lost', feature: 'high-availability', message: `every service runs on one ${target} host: replicas share its CPU and memory and do not survive the host failing` },
    { kind: 'emulated', feature: 'ingress', message: 'routes, host name and TLS are served by a Caddy reverse proxy container on ports 80/443; only it is published' },
  ];
  manifest.services.forEach((s, i) => {
    if ((s.resources?.gpu ?? 0) > 0) notes.push({ kind: 'lost', feature: 'gpu', message: `"${s.id}" asks for a GPU; the host image does not install GPU drivers or the NVIDIA container toolkit`, path: `/services/${i}/resources/gpu` });
  });
  return notes;
}

/**
 * Renders the files of one target for a base manifest in an environment:
 * - `compose`: `compose.<env>.yaml` and `smoke.sh`;
 * - `k8s`: `values-<env>.yaml` for the cloud packager's chart and `smoke.sh`;
 * - `vps`: the compose host set - `compose.<env>.yaml` (with a Caddy proxy),
 *   `Caddyfile`, the systemd unit, `deploy.sh` and `smoke.sh`;
 * - `do`, `aws`: the host set plus `cloud-init.yaml` and a Terraform module
 *   under `terraform/`, sized by the cost estimate.
 * The cloud packager's own output (`compose.yaml`, manifests, chart) is
 * expected beside it: `deploy.sh` reads `../cloud/compose/compose.yaml`
 * (the layout `runPackagers` gives the cloud packager), or `COMPOSE_DIR`. Pure.
 *
 * @example
 * ```ts
 * const r = renderTarget(manifest, 'do', PRODUCTION);
 * r.files.map((f) => f.path) // ['Caddyfile', 'cloud-init.yaml', 'compose.production.yaml', 'deploy.sh', ...]
 * ```
 */
export function renderTarget(base: CloudManifest, target: TargetId, environment: EnvironmentOverlay, options: RenderTargetOptions = {}): TargetRender {
  const { manifest, findings: envFindings } = applyEnvironment(base, environment);
  const findings: PlanFinding[] = [...envFindings];
  const notes: PackagerNote[] = [];
  const files: RenderedFile[] = [];
  const prices = options.prices ?? DEFAULT_PRICE_TABLE;
  const cost = estimateCost(manifest, target, prices);
  const secretSource = environment.secrets ?? defaultSecretSource(manifest, target, environment.name);
  const smoke = renderSmokeScript(manifest, deriveSmokeChecks(manifest), target, environment.name);
  files.push({ path: 'smoke.sh', content: smoke, mediaType: SH, executable: true });
  let terraform: TerraformModule | undefined;

  if (target === 'compose') {
    files.push({ path: `compose.${environment.name}.yaml`, content: renderComposeOverride(manifest, environment), mediaType: YAML });
  } else if (target === 'k8s') {
    const helm = renderHelmValues(base, manifest, environment);
    findings.push(...helm.findings);
    files.push({ path: `values-${environment.name}.yaml`, content: helm.text, mediaType: YAML });
  } else {
    const layout = hostLayout(manifest, environment.name);
    const info = TARGETS[target];
    notes.push(...hostNotes(manifest, target));
    const strategy = environment.rollout?.strategy === 'recreate' ? 'recreate' : 'rolling';
    files.push(
      { path: layout.overrideFile, content: renderComposeOverride(manifest, environment, { proxy: true }), mediaType: YAML },
      { path: 'Caddyfile', content: renderCaddyfile(manifest), mediaType: 'text/plain' },
      { path: layout.unit, content: renderSystemdUnit(layout, `${manifest.app.name} (${environment.name})`), mediaType: 'text/plain' },
      {
        path: 'deploy.sh',
        content: renderDeployScript({
          manifest,
          environment: environment.name,
          layout,
          strategy,
          secretsFile: secretSource.kind === 'env-file' ? secretSource.ref : `.env.${environment.name}`,
          ...(info.provisions === 'terraform' ? { hostCommand: 'terraform -chdir="$HERE/terraform" output -raw ssh_destination' } : {}),
        }),
        mediaType: SH,
        executable: true,
      },
    );
    if (target === 'do' || target === 'aws') {
      if (!cost.ok) {
        const need = cost.needed;
        findings.push(planFinding('TARGET_NO_SIZE', 'error', `no ${info.provider} size in the price table fits ${need.cpuMillis}m cpu, ${need.memoryMiB} MiB memory and ${need.gpus} gpu (plus host overhead)`, 'lower replicas or resource requests, swap heavy dependencies for hosted ones, or add a larger size to the price table'));
      } else {
        const volumeGiB = footprint(manifest).volumeGiB;
        const size = cost.estimate.size.id;
        terraform =
          target === 'do'
            ? digitalOceanModule({ manifest, environment: environment.name, layout, size, volumeGiB, ...(options.region === undefined ? {} : { region: options.region }) })
            : awsModule({ manifest, environment: environment.name, layout, instanceType: size, volumeGiB, ...(options.region === undefined ? {} : { region: options.region }) });
        for (const [name, text] of Object.entries(renderTerraformModule(terraform))) files.push({ path: `terraform/${name}`, content: text, mediaType: 'text/x-hcl' });
        const device = volumeGiB === 0 ? undefined : target === 'do' ? digitalOceanVolumeDevice(layout) : AWS_VOLUME_DEVICE;
        files.push({ path: 'cloud-init.yaml', content: renderCloudInit({ layout, ...(device === undefined ? {} : { findDataDevice: device }) }), mediaType: 'text/cloud-config' });
      }
    }
  }
  return {
    manifest,
    files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    ...(terraform === undefined ? {} : { terraform }),
    notes,
    findings,
    cost,
    secretSource,
  };
}
