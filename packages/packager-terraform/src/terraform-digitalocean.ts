import type { CloudManifest } from '@deployment-manager/bundle';
import { attr, block, comment, expr, obj } from './hcl.ts';
import type { HostLayout } from '@deployment-manager/packager-vps';
import type { TerraformModule } from './terraform-files.ts';

/** Inputs of {@link digitalOceanModule}. */
export interface DigitalOceanModuleInput {
  /** The environment-applied manifest. */
  readonly manifest: CloudManifest;
  /** Environment name. */
  readonly environment: string;
  /** Host layout. */
  readonly layout: HostLayout;
  /** Droplet size slug (from the cost estimate). */
  readonly size: string;
  /** Data volume size in GiB (0: no volume). */
  readonly volumeGiB: number;
  /** Default region. Default `nyc3`. */
  readonly region?: string;
}

const firewallRule = (kind: 'inbound_rule' | 'outbound_rule', protocol: string, ports: string | undefined, cidrs: ReturnType<typeof expr> | readonly string[]) =>
  block(kind, [], [attr('protocol', protocol), ...(ports === undefined ? [] : [attr('port_range', ports)]), attr(kind === 'inbound_rule' ? 'source_addresses' : 'destination_addresses', cidrs)]);

/**
 * The Terraform module of a DigitalOcean compose host: one droplet (Ubuntu
 * 24.04, cloud-init user data), a block-storage volume for persistent data
 * attached at creation, and a firewall open only to ssh (restricted CIDRs),
 * HTTP and HTTPS. The API token is `var.do_token` - sensitive, no default,
 * set through `TF_VAR_do_token`. Pure.
 *
 * @example
 * ```ts
 * renderTerraformModule(digitalOceanModule({ manifest, environment: 'production', layout, size: 's-2vcpu-4gb', volumeGiB: 30 }))
 * ```
 */
export function digitalOceanModule(input: DigitalOceanModuleInput): TerraformModule {
  const { manifest, environment, layout, size, volumeGiB } = input;
  const tags = [layout.project, manifest.app.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-'), `env-${environment}`, 'deployment-manager'];
  const volume = volumeGiB > 0;
  const volumeName = `${layout.project}-data`;
  return {
    'versions.tf': [
      block('terraform', [], [
        attr('required_version', '>= 1.5.0'),
        block('required_providers', [], [attr('digitalocean', obj([['source', 'digitalocean/digitalocean'], ['version', '~> 2.46']]))]),
      ]),
    ],
    'variables.tf': [
      block('variable', ['do_token'], [
        attr('description', 'DigitalOcean API token. Set TF_VAR_do_token in the environment; never write it into a file.'),
        attr('type', expr('string')),
        attr('sensitive', true),
      ]),
      block('variable', ['region'], [attr('description', 'DigitalOcean region slug.'), attr('type', expr('string')), attr('default', input.region ?? 'nyc3')]),
      block('variable', ['droplet_size'], [attr('description', 'Droplet size slug, chosen by the cost estimate.'), attr('type', expr('string')), attr('default', size)]),
      block('variable', ['ssh_key_fingerprints'], [attr('description', 'Fingerprints of ssh keys (already in the DigitalOcean account) allowed to log in.'), attr('type', expr('list(string)'))]),
      block('variable', ['ssh_allowed_cidrs'], [attr('description', 'Networks allowed to reach ssh.'), attr('type', expr('list(string)'))]),
    ],
    'main.tf': [
      block('provider', ['digitalocean'], [attr('token', expr('var.do_token'))]),
      ...(volume
        ? [
            block('resource', ['digitalocean_volume', 'data'], [
              attr('name', volumeName),
              attr('region', expr('var.region')),
              attr('size', volumeGiB),
              attr('description', `persistent data of ${manifest.app.name} (${environment})`),
            ]),
          ]
        : []),
      block('resource', ['digitalocean_droplet', 'host'], [
        attr('name', layout.project),
        attr('image', 'ubuntu-24-04-x64'),
        attr('size', expr('var.droplet_size')),
        attr('region', expr('var.region')),
        attr('ssh_keys', expr('var.ssh_key_fingerprints')),
        attr('monitoring', true),
        ...(volume ? [attr('volume_ids', [expr('digitalocean_volume.data.id')])] : []),
        attr('user_data', expr('file("${path.module}/../cloud-init.yaml")')),
        attr('tags', tags),
      ]),
      block('resource', ['digitalocean_firewall', 'host'], [
        attr('name', layout.project),
        attr('droplet_ids', [expr('digitalocean_droplet.host.id')]),
        comment('only ssh (restricted), http and https reach the host; services talk on the compose network'),
        firewallRule('inbound_rule', 'tcp', '22', expr('var.ssh_allowed_cidrs')),
        firewallRule('inbound_rule', 'tcp', '80', ['0.0.0.0/0', '::/0']),
        firewallRule('inbound_rule', 'tcp', '443', ['0.0.0.0/0', '::/0']),
        firewallRule('outbound_rule', 'tcp', '1-65535', ['0.0.0.0/0', '::/0']),
        firewallRule('outbound_rule', 'udp', '1-65535', ['0.0.0.0/0', '::/0']),
        firewallRule('outbound_rule', 'icmp', undefined, ['0.0.0.0/0', '::/0']),
      ]),
    ],
    'outputs.tf': [
      block('output', ['host_ip'], [attr('description', 'Public IPv4 address of the host; point the ingress host name at it.'), attr('value', expr('digitalocean_droplet.host.ipv4_address'))]),
      block('output', ['ssh_destination'], [attr('description', 'ssh destination deploy.sh uses (DEPLOY_HOST).'), attr('value', expr('"root@${digitalocean_droplet.host.ipv4_address}"'))]),
    ],
  };
}

/** Shell that prints the device of a DigitalOcean volume by name (DigitalOcean exposes it by id). */
export function digitalOceanVolumeDevice(layout: HostLayout): string {
  return `echo /dev/disk/by-id/scsi-0DO_Volume_${layout.project}-data`;
}
