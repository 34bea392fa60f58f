import { parse as parseHcl } from '@cdktf/hcl2json';
import { exampleCloudApp, packagerContractSuite, unformattedHcl } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { createAwsPackager, createDigitalOceanPackager } from '../src/packager.ts';
import { renderTerraformHost, type TerraformProvider } from '../src/render-terraform.ts';
import { hclJsonView } from './hcl-json-view.ts';

const { manifest } = exampleCloudApp();
const invalid = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, dependencies: ['no-such-service'] } : s)) };
const PROVIDERS: readonly TerraformProvider[] = ['digitalocean', 'aws'];
const fileOf = (provider: TerraformProvider, path: string): string => renderTerraformHost(manifest, provider).files.find((f) => f.path === path)?.content ?? '';

describe('renderTerraformHost for the example app', () => {
  it('renders the Terraform module, cloud-init and the compose host files', () => {
    expect(renderTerraformHost(manifest, 'digitalocean', { environment: { name: 'staging' } }).files.map((f) => f.path)).toEqual([
      'Caddyfile',
      'cloud-init.yaml',
      'compose.staging.yaml',
      'deploy.sh',
      'recipe-hub-staging.service',
      'smoke.sh',
      'terraform/main.tf',
      'terraform/outputs.tf',
      'terraform/variables.tf',
      'terraform/versions.tf',
    ]);
  });

  it.each(PROVIDERS)('%s: every Terraform file parses back with hcl2json to the structure that was rendered', async (provider) => {
    const r = renderTerraformHost(manifest, provider);
    for (const [name, items] of Object.entries(r.terraform)) {
      const text = r.files.find((f) => f.path === `terraform/${name}`)?.content ?? '';
      expect(await parseHcl(name, text)).toEqual(hclJsonView(items));
    }
  });

  it('both modules are laid out as terraform fmt lays them out (hclwrite, no terraform binary needed)', async () => {
    const files = Object.fromEntries(
      PROVIDERS.flatMap((provider) => renderTerraformHost(manifest, provider).files.filter((f) => f.path.endsWith('.tf')).map((f) => [`${provider}/${f.path}`, f.content])),
    );
    expect(Object.keys(files)).toHaveLength(8);
    expect(await unformattedHcl(files)).toEqual([]);
    // The check can fail: unaligned `=` and a wrong indent are what terraform fmt -check reports.
    expect(await unformattedHcl({ 'a.tf': 'a = 1\nbb = 2\n', 'b.tf': 'x {\ny = 1\n}\n', 'c.tf': 'a  = 1\nbb = 2\n' })).toEqual(['a.tf', 'b.tf']);
  });

  it('keeps provider credentials as references: a sensitive variable without default, or none at all', async () => {
    const variables = (await parseHcl('variables.tf', fileOf('digitalocean', 'terraform/variables.tf'))) as { variable: Record<string, [Record<string, unknown>]> };
    const token = variables.variable['do_token']?.[0];
    expect(token).toMatchObject({ sensitive: true, type: '${string}' });
    expect(token).not.toHaveProperty('default');
    expect(fileOf('digitalocean', 'terraform/main.tf')).toContain('token = var.do_token');
    const aws = renderTerraformHost(manifest, 'aws').files.filter((f) => f.path.startsWith('terraform/')).map((f) => f.content).join('\n');
    expect(aws).not.toMatch(/^\s*(access_key|secret_key|token|profile)\s*=/m);
  });

  it('writes the size and volume it is given, and finds the host through terraform output', () => {
    const r = renderTerraformHost(manifest, 'aws', { size: 't3.large', volumeGiB: 0 });
    expect(r.files.find((f) => f.path === 'terraform/variables.tf')?.content).toContain('default     = "t3.large"');
    expect(r.files.find((f) => f.path === 'terraform/main.tf')?.content).not.toContain('aws_ebs_volume');
    expect(r.files.find((f) => f.path === 'deploy.sh')?.content).toContain('terraform -chdir="$HERE/terraform" output -raw ssh_destination');
  });
});

packagerContractSuite('terraform-digitalocean', { create: () => createDigitalOceanPackager(), validBundle: manifest, invalidBundle: invalid });
packagerContractSuite('terraform-aws', { create: () => createAwsPackager({ environment: { name: 'staging' } }), validBundle: manifest, invalidBundle: invalid });
