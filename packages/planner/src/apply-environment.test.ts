import type { CloudManifest } from '@deployment-manager/bundle';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyEnvironment, checkEnvironment, findEnvironment } from './apply-environment.ts';
import type { EnvironmentOverlay } from './environment.ts';
import { BUILTIN_ENVIRONMENTS } from './environments-data.ts';

const base: CloudManifest = {
  schema_version: 'v0.1',
  target: 'cloud',
  tier: 'saas',
  app: { name: 'app', version: '1.0.0' },
  services: [
    { id: 'api', kind: 'app', image: 'api:1', env: { A: '1' }, resources: { cpu: '250m' } },
    { id: 'db', kind: 'resource', image: 'db:1', replicas: 1 },
  ],
  ingress: { routes: [{ path: '/', service: 'api', port_name: 'http' }] },
};
const override = fc.record({ replicas: fc.integer({ min: 0, max: 5 }), env: fc.dictionary(fc.stringMatching(/^[A-Z]{1,4}$/), fc.string({ maxLength: 5 }), { maxKeys: 3 }), resources: fc.record({ memory: fc.constantFrom('256Mi', '1Gi') }) }, { requiredKeys: [] });
const overlay: fc.Arbitrary<EnvironmentOverlay> = fc.record({ name: fc.constantFrom('qa', 'perf', 'production'), apps: override, services: fc.record({ db: override }, { requiredKeys: [] }), ingress: fc.record({ host: fc.constant('x.example.com'), tls: fc.boolean() }, { requiredKeys: [] }) }, { requiredKeys: ['name'] });

describe('applyEnvironment', () => {
  test.prop([overlay])('is idempotent and leaves its input alone', (env) => {
    const before = JSON.stringify(base);
    const once = applyEnvironment(base, env);
    expect(applyEnvironment(once.manifest, env).manifest).toEqual(once.manifest);
    expect(JSON.stringify(base)).toBe(before);
    expect(once.findings).toEqual([]);
  });

  test.prop([overlay])('apps overrides reach app services only, service overrides win, env keys merge', (env) => {
    const { manifest } = applyEnvironment(base, env);
    const api = manifest.services[0];
    const db = manifest.services[1];
    expect(api?.replicas).toBe(env.apps?.replicas ?? undefined);
    expect(db?.replicas).toBe(env.services?.['db']?.replicas ?? 1);
    expect(api?.env).toEqual({ A: '1', ...env.apps?.env });
    expect(api?.resources?.cpu).toBe('250m');
  });

  it('reports malformed overlays and unknown services instead of throwing', () => {
    const bad: EnvironmentOverlay = { name: 'Prod!', apps: { replicas: -1, resources: { cpu: 'lots' } }, services: { ghost: {} }, guardrails: { maxMonthlyCost: Number.NaN } };
    expect(checkEnvironment(bad).map((f) => f.code)).toEqual(['ENVIRONMENT_INVALID', 'ENVIRONMENT_INVALID', 'ENVIRONMENT_INVALID', 'ENVIRONMENT_INVALID']);
    expect(applyEnvironment(base, bad).findings.map((f) => f.code)).toContain('ENVIRONMENT_SERVICE_UNKNOWN');
  });

  it('finds built-ins, lets custom environments shadow them, and never reads the prototype', () => {
    expect(findEnvironment('staging')).toBe(BUILTIN_ENVIRONMENTS['staging']);
    expect(findEnvironment('staging', [{ name: 'staging', apps: { replicas: 9 } }])?.apps?.replicas).toBe(9);
    expect(findEnvironment('constructor')).toBeUndefined();
    for (const env of Object.values(BUILTIN_ENVIRONMENTS)) expect(checkEnvironment(env)).toEqual([]);
  });
});
