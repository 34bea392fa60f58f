/*
 * The file set of a Terraform-provisioned compose host: the Terraform module
 * of the provider (a machine, a data volume, a firewall), the cloud-init
 * user data that prepares the machine, and the compose host files of the VPS
 * packager that deploy onto it. The machine size and volume are decisions
 * the caller makes (the planner's cost estimate); defaults keep the packager
 * usable on its own. Pure.
 */
import type { CloudManifest } from '@deployment-manager/bundle';
import { memoryMiB } from '@deployment-manager/core';
import { hostLayout, renderComposeHost, type ComposeHostOptions, type HostFile } from '@deployment-manager/packager-vps';
import type { PackagerNote } from '@deployment-manager/core';
import { renderCloudInit } from './cloud-init.ts';
import { AWS_VOLUME_DEVICE, awsModule } from './terraform-aws.ts';
import { digitalOceanModule, digitalOceanVolumeDevice } from './terraform-digitalocean.ts';
import { renderTerraformModule, type TerraformModule } from './terraform-files.ts';

/** Providers the Terraform packager provisions on. */
export type TerraformProvider = 'digitalocean' | 'aws';

/** The machine size of each provider when the caller chooses none. */
export const DEFAULT_HOST_SIZES: Readonly<Record<TerraformProvider, string>> = { digitalocean: 's-2vcpu-4gb', aws: 't3.medium' };

/** Size (GiB) given to a persistent volume that declares none. */
export const DEFAULT_VOLUME_GIB = 10;

/** Options of {@link renderTerraformHost}. */
export interface TerraformHostOptions extends Omit<ComposeHostOptions, 'hostCommand'> {
  /** Default region (`digitalocean`: `nyc3`, `aws`: `us-east-1`). */
  readonly region?: string;
  /** Droplet size slug or EC2 instance type. Default {@link DEFAULT_HOST_SIZES}. */
  readonly size?: string;
  /** Data volume size in GiB (0: none). Default {@link persistentVolumeGiB} of the manifest. */
  readonly volumeGiB?: number;
}

/** What {@link renderTerraformHost} produced. */
export interface TerraformHostRender {
  /** Files, sorted by path: the host files, `cloud-init.yaml` and `terraform/*.tf`. */
  readonly files: readonly HostFile[];
  /** The Terraform module as typed HCL. */
  readonly terraform: TerraformModule;
  /** What a single host cannot express. */
  readonly notes: readonly PackagerNote[];
}

/**
 * The storage (GiB, rounded up per volume) a manifest's persistent volumes
 * ask for; a volume without a size counts `unsizedGiB`.
 *
 * @example
 * ```ts
 * persistentVolumeGiB(manifest) // 30
 * ```
 */
export function persistentVolumeGiB(manifest: CloudManifest, unsizedGiB: number = DEFAULT_VOLUME_GIB): number {
  let total = 0;
  for (const s of manifest.services) {
    for (const v of s.volumes ?? []) {
      if (!v.persistent) continue;
      const mib = v.size === undefined ? undefined : memoryMiB(v.size);
      total += mib === undefined ? unsizedGiB : Math.ceil(mib / 1024);
    }
  }
  return total;
}

/**
 * Renders everything a Terraform-provisioned compose host needs: the
 * provider's module under `terraform/`, `cloud-init.yaml`, and the compose
 * host files (whose deploy.sh finds the host through `terraform output`).
 *
 * @example
 * ```ts
 * renderTerraformHost(manifest, 'digitalocean', { environment: { name: 'production' }, size: 's-2vcpu-4gb' }).files.map((f) => f.path)
 * ```
 */
export function renderTerraformHost(manifest: CloudManifest, provider: TerraformProvider, options: TerraformHostOptions = {}): TerraformHostRender {
  const environment = options.environment ?? { name: 'production' };
  const layout = hostLayout(manifest, environment.name);
  const host = renderComposeHost(manifest, { ...options, environment, hostCommand: 'terraform -chdir="$HERE/terraform" output -raw ssh_destination' });
  const size = options.size ?? DEFAULT_HOST_SIZES[provider];
  const volumeGiB = options.volumeGiB ?? persistentVolumeGiB(manifest);
  const region = options.region === undefined ? {} : { region: options.region };
  const terraform =
    provider === 'digitalocean'
      ? digitalOceanModule({ manifest, environment: environment.name, layout, size, volumeGiB, ...region })
      : awsModule({ manifest, environment: environment.name, layout, instanceType: size, volumeGiB, ...region });
  const device = volumeGiB === 0 ? undefined : provider === 'digitalocean' ? digitalOceanVolumeDevice(layout) : AWS_VOLUME_DEVICE;
  const files: HostFile[] = [
    ...host.files,
    ...Object.entries(renderTerraformModule(terraform)).map(([name, text]) => ({ path: `terraform/${name}`, content: text, mediaType: 'text/x-hcl' })),
    { path: 'cloud-init.yaml', content: renderCloudInit({ layout, ...(device === undefined ? {} : { findDataDevice: device }) }), mediaType: 'text/cloud-config' },
  ];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), terraform, notes: host.notes };
}
