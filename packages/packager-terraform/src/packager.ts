import type { CloudManifest } from '@deployment-manager/bundle';
import { definePackager, type Packager } from '@deployment-manager/core';
import { checkHostEnvironment, checkHostManifest, writeHostFiles } from '@deployment-manager/packager-vps';
import { renderTerraformHost, type TerraformHostOptions, type TerraformProvider } from './render-terraform.ts';

/** Options of {@link createDigitalOceanPackager} and {@link createAwsPackager}. */
export type TerraformPackagerOptions = TerraformHostOptions;

function createTerraformPackager(name: string, target: string, provider: TerraformProvider, options: TerraformPackagerOptions): Packager<CloudManifest> {
  return definePackager<CloudManifest>({
    name,
    target,
    check: (bundle) => [...checkHostManifest(bundle, provider === 'digitalocean' ? 'a DigitalOcean droplet' : 'an AWS EC2 host'), ...checkHostEnvironment(options.environment)],
    pack: async (bundle, ctx) => {
      const render = renderTerraformHost(bundle, provider, options);
      return { artifacts: writeHostFiles(ctx, name, render.files), notes: render.notes };
    },
  });
}

/**
 * A packager for DigitalOcean: a Terraform module (droplet, data volume,
 * firewall; the token only as `var.do_token`), cloud-init, and the compose
 * host files (override with a Caddy proxy, Caddyfile, systemd unit,
 * deploy.sh, smoke.sh). The planner passes the size its cost estimate picks.
 *
 * @example
 * ```ts
 * await runPackagers([createCloudPackager(), createDigitalOceanPackager({ environment: { name: 'production' } })], manifest, { outDir: 'out' });
 * ```
 */
export function createDigitalOceanPackager(options: TerraformPackagerOptions = {}): Packager<CloudManifest> {
  return createTerraformPackager('terraform-digitalocean', 'terraform+digitalocean-droplet+docker-compose', 'digitalocean', options);
}

/**
 * A packager for AWS: a Terraform module (EC2 with a gp3 data volume,
 * security group, Elastic IP; credentials from the provider's chain only),
 * cloud-init, and the compose host files.
 *
 * @example
 * ```ts
 * const p = createAwsPackager({ environment: { name: 'staging' }, region: 'eu-west-1' });
 * ```
 */
export function createAwsPackager(options: TerraformPackagerOptions = {}): Packager<CloudManifest> {
  return createTerraformPackager('terraform-aws', 'terraform+aws-ec2+docker-compose', 'aws', options);
}
