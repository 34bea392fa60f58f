import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCloud } from '@deployment-manager/packager-cloud';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyEnvironment } from '../src/apply-environment.ts';
import { renderComposeOverride } from '@deployment-manager/packager-vps';
import { DEVELOPMENT, PRODUCTION, STAGING } from '../src/environments-data.ts';
import { renderHelmValues } from '../src/helm-values.ts';
import { exampleCloudApp } from '@deployment-manager/testkit';

/*
 * The planner's per-environment files override the cloud packager's output,
 * so they must use its keys: Compose service names, and the Helm chart's
 * values layout (its values.schema.json admits nothing else).
 */

const { manifest } = exampleCloudApp();
const cloud = planCloud(manifest);
const environments = [DEVELOPMENT, STAGING, PRODUCTION, { name: 'perf', services: { api: { replicas: 4, resources: { cpu: '1', memory: '1Gi' } }, postgres: { resources: { memory: '2Gi' } } } }];
const hasCompose = spawnSync('docker-compose', ['version', '--short']).status === 0;

const merge = (base: unknown, over: unknown): unknown => {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof over !== 'object' || over === null || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
};

describe('coordination with the cloud packager', () => {
  it.each(environments.map((e) => [e.name, e] as const))('values-%s.yaml merged over the chart values validates against its values.schema.json', (_name, env) => {
    const { text } = renderHelmValues(manifest, applyEnvironment(manifest, env).manifest, env);
    // Helm merges a -f file over values.yaml key by key, like this merge.
    const merged = merge(cloud.chart.values, parseYaml(text) ?? {});
    const validate = new Ajv({ strict: false, allErrors: true }).compile(cloud.chart.valuesSchema);
    expect(validate(merged) ? [] : validate.errors).toEqual([]);
  });

  it('overrides only services the cloud Compose file has', () => {
    const services = Object.keys((cloud.compose['services'] ?? {}) as Record<string, unknown>).sort();
    for (const env of environments) {
      const override = parseYaml(renderComposeOverride(applyEnvironment(manifest, env).manifest, env)) as { services: Record<string, unknown> };
      expect(Object.keys(override.services).sort()).toEqual(services);
    }
  });

  it.skipIf(!hasCompose)('docker-compose accepts compose.yaml with each environment override (config -q)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-compose-'));
    try {
      for (const f of cloud.files.filter((x) => x.path.startsWith('compose/'))) {
        mkdirSync(join(dir, f.path, '..'), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
      const cdir = join(dir, 'compose');
      mkdirSync(join(cdir, 'secrets'), { recursive: true });
      // Every env file compose.yaml reads (create-secrets.sh writes them on a real host; their names are the packager's).
      const services = (cloud.compose['services'] ?? {}) as Record<string, { env_file?: string[] }>;
      for (const file of Object.values(services).flatMap((s) => s.env_file ?? [])) writeFileSync(join(cdir, file), 'X=x\n');
      for (const s of manifest.services) if (s.build !== undefined) mkdirSync(join(cdir, s.build.context), { recursive: true });
      for (const env of environments) {
        writeFileSync(join(cdir, `compose.${env.name}.yaml`), renderComposeOverride(applyEnvironment(manifest, env).manifest, env));
        const r = spawnSync('docker-compose', ['-f', 'compose.yaml', '-f', `compose.${env.name}.yaml`, 'config', '-q'], { cwd: cdir, encoding: 'utf8', timeout: 60_000 });
        expect({ env: env.name, status: r.status, stderr: r.stderr.trim() }).toEqual({ env: env.name, status: 0, stderr: '' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
