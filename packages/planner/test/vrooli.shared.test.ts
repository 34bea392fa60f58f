import { assembleScenario, type CloudManifest } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { suppliedSecretName } from '@deployment-manager/packager-vps';
import { sharedFixture } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { planDeployment } from '../src/plan.ts';
import { PLAN_STAGES } from '../src/stages.ts';
import { TARGET_IDS } from '../src/targets-data.ts';

// Every real Vrooli scenario that assembles into a cloud manifest is planned on every target.
const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));
const manifests: [string, CloudManifest][] = [];
for (const name of [...workspace.scenarios.keys()].sort()) {
  const { result } = assembleScenario(workspace, name, { tier: 'saas' });
  if (result.ok && result.manifest.target === 'cloud') manifests.push([name, result.manifest]);
}

describe('planner over the Vrooli fixtures (saas)', () => {
  it('assembles enough scenarios to be meaningful', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(20);
  });

  it.each(manifests)('%s: plans on every target with six stages, and a missing operator secret is named', (name, manifest) => {
    const supplied = (manifest.secrets ?? []).filter((s) => (s.class === 'user_prompt' || s.class === 'remote_fetch') && s.required !== false).map(suppliedSecretName);
    for (const target of TARGET_IDS) {
      const all = planDeployment({ scenario: name, version: manifest.app.version, tier: 'saas', environment: 'production', target, manifest, providedSecrets: supplied, confirmCost: true, guardrails: { maxMonthlyCost: 1e9 } });
      expect(all.stages.map((s) => s.id)).toEqual([...PLAN_STAGES]);
      expect(all.findings.filter((f) => f.code === 'SECRET_MISSING' && f.severity === 'error')).toEqual([]);
      const errors = all.findings.filter((f) => f.severity === 'error').map((f) => f.code);
      // What may still block a real scenario: a strategy or a size the target does not have.
      expect(errors.filter((c) => c !== 'TARGET_NO_SIZE')).toEqual([]);
      if (supplied.length > 0 && !(target === 'k8s' && manifest.secrets?.every((s) => s.class !== 'user_prompt'))) {
        const none = planDeployment({ scenario: name, version: manifest.app.version, tier: 'saas', environment: 'production', target, manifest, providedSecrets: [] });
        const missing = none.findings.filter((f) => f.code === 'SECRET_MISSING' && f.severity === 'error').map((f) => f.message);
        expect(missing.length).toBeGreaterThan(0);
        expect(none.outcome.status).toBe('error');
      }
    }
  });
});
