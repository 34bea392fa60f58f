import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { packagerContractSuite } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseDocument } from 'yaml';
import { PRODUCTION, STAGING } from '../src/environments-data.ts';
import { createAwsPackager, createDigitalOceanPackager, createVpsPackager } from '../src/packagers.ts';
import { renderTarget } from '../src/render-target.ts';
import { TARGET_IDS } from '../src/targets-data.ts';
import { loadExample } from './example.ts';
import { hclJsonView } from './hcl-json-view.ts';
import { TERRAFORM_SKIP_REASON, terraformFmtCheck } from './terraform-cli.ts';

const { manifest } = loadExample();
const invalid = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, dependencies: ['no-such-service'] } : s)) };

describe('renderTarget for the example app in production', () => {
  it('renders the expected files per target', () => {
    const files = Object.fromEntries(TARGET_IDS.map((t) => [t, renderTarget(manifest, t, PRODUCTION).files.map((f) => f.path)]));
    const host = ['Caddyfile', 'compose.production.yaml', 'deploy.sh', 'recipe-hub-production.service', 'smoke.sh'];
    expect(files).toEqual({
      do: ['Caddyfile', 'cloud-init.yaml', 'compose.production.yaml', 'deploy.sh', 'recipe-hub-production.service', 'smoke.sh', 'terraform/main.tf', 'terraform/outputs.tf', 'terraform/variables.tf', 'terraform/versions.tf'],
      aws: ['Caddyfile', 'cloud-init.yaml', 'compose.production.yaml', 'deploy.sh', 'recipe-hub-production.service', 'smoke.sh', 'terraform/main.tf', 'terraform/outputs.tf', 'terraform/variables.tf', 'terraform/versions.tf'],
      vps: host,
      compose: ['compose.production.yaml', 'smoke.sh'],
      k8s: ['smoke.sh', 'values-production.yaml'],
    });
  });

  it.each(['do', 'aws'] as const)('%s: every Terraform file parses back with hcl2json to the structure that was rendered', async (target) => {
    const r = renderTarget(manifest, target, PRODUCTION);
    expect(r.terraform).toBeDefined();
    for (const [name, items] of Object.entries(r.terraform ?? {})) {
      const text = r.files.find((f) => f.path === `terraform/${name}`)?.content ?? '';
      expect(await parseHcl(name, text)).toEqual(hclJsonView(items));
    }
  });

  it.skipIf(TERRAFORM_SKIP_REASON !== undefined)('terraform fmt -check passes on both modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-tf-'));
    try {
      for (const target of ['do', 'aws'] as const) {
        for (const env of [PRODUCTION, STAGING]) {
          for (const f of renderTarget(manifest, target, env).files.filter((x) => x.path.endsWith('.tf'))) {
            mkdirSync(join(dir, target, env.name, 'terraform'), { recursive: true });
            writeFileSync(join(dir, target, env.name, f.path), f.content);
          }
        }
      }
      expect(terraformFmtCheck(dir)).toEqual({ ok: true, files: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps provider credentials as references: a sensitive variable without default, or none at all', async () => {
    const doMain = await parseHcl('variables.tf', renderTarget(manifest, 'do', PRODUCTION).files.find((f) => f.path === 'terraform/variables.tf')?.content ?? '');
    const token = (doMain as { variable: Record<string, [Record<string, unknown>]> }).variable['do_token']?.[0];
    expect(token).toMatchObject({ sensitive: true, type: '${string}' });
    expect(token).not.toHaveProperty('default');
    const doProvider = renderTarget(manifest, 'do', PRODUCTION).files.find((f) => f.path === 'terraform/main.tf')?.content ?? '';
    expect(doProvider).toContain('token = var.do_token');
    const aws = renderTarget(manifest, 'aws', PRODUCTION).files.filter((f) => f.path.startsWith('terraform/')).map((f) => f.content).join('\n');
    expect(aws).not.toMatch(/^\s*(access_key|secret_key|token|profile)\s*=/m);
  });

  it('sizes the host from the manifest and prices it from the table', () => {
    const r = renderTarget(manifest, 'do', PRODUCTION);
    expect(r.cost.ok).toBe(true);
    if (!r.cost.ok) return;
    expect(r.cost.estimate.size.id).toMatch(/^s-/);
    expect(r.cost.estimate.monthlyUsd).toBe(r.cost.estimate.lines.reduce((s, l) => s + l.monthlyUsd, 0));
    expect(r.files.find((f) => f.path === 'terraform/variables.tf')?.content).toContain(`default     = "${r.cost.estimate.size.id}"`);
  });

  it('renders a compose override that doubles app replicas, adds the proxy and resets published ports', () => {
    const text = renderTarget(manifest, 'vps', PRODUCTION).files.find((f) => f.path === 'compose.production.yaml')?.content ?? '';
    const doc = parseDocument(text, { customTags: [{ tag: '!reset', collection: 'seq', resolve: (v) => v }] });
    const data = doc.toJS() as { services: Record<string, { deploy?: { replicas: number }; ports?: unknown[]; environment?: Record<string, string> }> };
    expect(data.services['api']?.deploy?.replicas).toBe(2);
    expect(data.services['postgres']?.deploy?.replicas).toBe(1);
    expect(data.services['api']?.environment).toEqual({ APP_ENV: 'production', LOG_LEVEL: 'warn' });
    expect(data.services['edge-proxy']).toMatchObject({ ports: ['80:80', '443:443'] });
    expect(text).toMatch(/^ {4}ports: !reset \[\]$/m);
    expect(parseYaml(renderTarget(manifest, 'compose', PRODUCTION).files.find((f) => f.path === 'compose.production.yaml')?.content ?? '')).not.toHaveProperty(['services', 'edge-proxy']);
  });

  it('renders values-production.yaml in the chart layout with only what the environment changes', () => {
    const values = parseYaml(renderTarget(manifest, 'k8s', PRODUCTION).files.find((f) => f.path === 'values-production.yaml')?.content ?? '') as Record<string, unknown>;
    expect(values).toEqual({
      services: {
        api: { replicas: 2, env: { APP_ENV: 'production', LOG_LEVEL: 'warn' } },
        ui: { replicas: 2, env: { APP_ENV: 'production', LOG_LEVEL: 'warn' } },
      },
    });
  });

  it('never puts a secret into deploy.sh: supplied ones are read by name, generated ones made on the host', () => {
    const deploy = renderTarget(manifest, 'vps', PRODUCTION).files.find((f) => f.path === 'deploy.sh')?.content ?? '';
    expect(deploy).toContain("upload_secret 'secrets/openai.api_key.env' 'OPENAI_API_KEY' 'OPENAI_API_KEY'");
    expect(deploy).toContain("generate 'secrets/postgres.password.env' 'POSTGRES_PASSWORD' ");
    expect(deploy).toMatch(/Missing ENV: \$1/);
  });

  it('renders a deploy script and smoke script bash can parse', async () => {
    const { spawnSync } = await import('node:child_process');
    for (const target of ['do', 'aws', 'vps', 'compose', 'k8s'] as const) {
      for (const f of renderTarget(manifest, target, PRODUCTION).files.filter((x) => x.path.endsWith('.sh'))) {
        const r = spawnSync('bash', ['-n'], { input: f.content, encoding: 'utf8' });
        expect({ target, file: f.path, stderr: r.stderr }).toEqual({ target, file: f.path, stderr: '' });
      }
    }
  });
});

describe('provider packagers', () => {
  it('write executable scripts and report what a single host loses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-vps-'));
    try {
      const result = await createVpsPackager().pack(manifest, { outDir: dir, log: () => undefined, signal: new AbortController().signal });
      expect(statSync(join(dir, 'deploy.sh')).mode & 0o111).not.toBe(0);
      expect(readFileSync(join(dir, 'Caddyfile'), 'utf8')).toContain('reverse_proxy api:8080');
      expect(result.notes.map((n) => `${n.kind}:${n.feature}`)).toEqual(['lost:high-availability', 'emulated:ingress']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse a manifest no provider size fits', () => {
    const huge = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, resources: { cpu: '64', memory: '512Gi' } } : s)) };
    expect(createDigitalOceanPackager().check(huge).map((d) => d.code)).toContain('TARGET_NO_SIZE');
    expect(createVpsPackager().check(huge).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

packagerContractSuite('terraform-digitalocean', { create: () => createDigitalOceanPackager(), validBundle: manifest, invalidBundle: invalid });
packagerContractSuite('terraform-aws', { create: () => createAwsPackager({ environment: 'staging' }), validBundle: manifest, invalidBundle: invalid });
packagerContractSuite('vps', { create: () => createVpsPackager(), validBundle: manifest, invalidBundle: invalid });
