import { spawnSync } from 'node:child_process';
import { exampleCloudApp } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { planCloud } from '@deployment-manager/packager-cloud';
import { parse as parseYaml } from 'yaml';
import { PRODUCTION } from '../src/environments-data.ts';
import { renderTarget } from '../src/render-target.ts';
import { TARGET_IDS } from '../src/targets-data.ts';

const { manifest } = exampleCloudApp();

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

  it('sizes the host from the manifest, prices it from the table, and hands the size to the Terraform packager', () => {
    const r = renderTarget(manifest, 'do', PRODUCTION);
    expect(r.cost.ok).toBe(true);
    if (!r.cost.ok) return;
    expect(r.cost.estimate.size.id).toMatch(/^s-/);
    expect(r.cost.estimate.monthlyUsd).toBe(r.cost.estimate.lines.reduce((s, l) => s + l.monthlyUsd, 0));
    expect(r.files.find((f) => f.path === 'terraform/variables.tf')?.content).toContain(`default     = "${r.cost.estimate.size.id}"`);
  });

  it('reports TARGET_NO_SIZE for a manifest no provider size fits, and no Terraform module', () => {
    const huge = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, resources: { cpu: '64', memory: '512Gi' } } : s)) };
    const r = renderTarget(huge, 'do', PRODUCTION);
    expect(r.findings.map((f) => f.code)).toContain('TARGET_NO_SIZE');
    expect(r.terraform).toBeUndefined();
    expect(renderTarget(huge, 'vps', PRODUCTION).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('renders a complete compose file for a host: the cloud rendering of the environment, no published port but the proxy\'s, no build', () => {
    const applied = renderTarget(manifest, 'vps', PRODUCTION);
    const text = applied.files.find((f) => f.path === 'compose.production.yaml')?.content ?? '';
    expect(text).not.toContain('!reset');
    const data = parseYaml(text, { version: '1.1' }) as { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };
    const cloud = planCloud(applied.manifest, { targets: ['compose'] }).compose as { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };
    expect(data.services['api']).toMatchObject({ deploy: { replicas: 2 }, environment: { APP_ENV: 'production', LOG_LEVEL: 'warn' } });
    // What the official images expect (data directories, connection settings, secrets) is the cloud packager's, unchanged.
    for (const [id, s] of Object.entries(cloud.services)) {
      const { ports: _ports, build: _build, ...rest } = s;
      expect(data.services[id], id).toEqual(rest);
    }
    expect(Object.entries(data.services).filter(([, s]) => s['ports'] !== undefined)).toEqual([['edge-proxy', expect.objectContaining({ ports: ['80:80', '443:443'] })]]);
    expect(data.volumes).toEqual({ ...cloud.volumes, 'edge-proxy-data': {} });
    for (const target of ['do', 'aws'] as const) expect(renderTarget(manifest, target, PRODUCTION).files.find((f) => f.path === 'compose.production.yaml')?.content).toBe(text);
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

  it('renders deploy and smoke scripts bash can parse on every target', () => {
    for (const target of TARGET_IDS) {
      for (const f of renderTarget(manifest, target, PRODUCTION).files.filter((x) => x.path.endsWith('.sh'))) {
        const r = spawnSync('bash', ['-n'], { input: f.content, encoding: 'utf8' });
        expect({ target, file: f.path, stderr: r.stderr }).toEqual({ target, file: f.path, stderr: '' });
      }
    }
  });
});
