import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembleScenario } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { checkCloudBundle, planCloud } from '../src/index.ts';

const workspace = loadWorkspace(fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url)));

describe.each(['saas', 'enterprise'] as const)('recipe-hub assembled by the bundle package for %s', (tier) => {
  const { result, secretPlan } = assembleScenario(workspace, 'recipe-hub', { tier });

  it('packs clean: every artifact validates offline', () => {
    expect(result.ok).toBe(true);
    if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    expect(checkCloudBundle(result.manifest)).toEqual([]);
  });

  it('delivers each planned secret by its class: ExternalSecret for remote, the install Secret otherwise', () => {
    if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    const plan = planCloud(result.manifest);
    const shipped = (result.manifest.secrets ?? []).map((s) => [s.id, s.class] as const);
    expect(shipped.length).toBeGreaterThan(0);
    const external = plan.kubernetes.get('external-secret.yaml')?.[0] as { spec: { data: { secretKey: string }[] } } | undefined;
    const remote = shipped.filter(([, c]) => c === 'remote_fetch').map(([id]) => id.replace(/[^-._a-zA-Z0-9]/g, '_'));
    expect(external?.spec.data.map((d) => d.secretKey) ?? []).toEqual(remote);
    const script = plan.files.find((f) => f.path === 'kubernetes/create-secrets.sh')?.content ?? '';
    for (const [id, cls] of shipped) expect(script.includes(`--from-file=${id.replace(/[^-._a-zA-Z0-9]/g, '_')}=`)).toBe(cls !== 'remote_fetch');
    expect(secretPlan.tier).toBe(tier);
  });
});
