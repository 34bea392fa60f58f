// Real Vrooli data from ../shared: picker-wheel and a sweep over every fixture scenario.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIERS, buildGraph, loadWorkspace, type Workspace } from '@deployment-manager/core';
import { planSecrets, validatePlan } from '../src/index.ts';
import { swapResource } from './fixtures.ts';

// packages/secrets/test -> /work (the directory holding main/ and shared/).
const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/vrooli/', import.meta.url));
const workspace: Workspace = loadWorkspace(ROOT);
const scenarios = [...workspace.scenarios.values()];

describe('picker-wheel from the real fixtures', () => {
  const graph = buildGraph(workspace, 'picker-wheel', { policy: 'active' });

  it('on desktop without swaps: postgres credentials are infrastructure and block, with the swap that removes them', () => {
    const plan = planSecrets(graph, { tier: 'desktop', scenarios });
    const pg = plan.secrets.filter((s) => s.sources.includes('resource:postgres'));
    expect(pg.map((s) => [s.id, s.class])).toEqual([
      ['postgres.password', 'infrastructure'],
      ['postgres.user', 'infrastructure'],
    ]);
    // Exactly the swaps the postgres catalog record offers on desktop (the ones fitness suggests from).
    for (const s of pg) expect(s.removedBy).toEqual([{ from: 'postgres', to: 'managed-postgres' }, { from: 'postgres', to: 'sqlite' }, { from: 'postgres', to: 'supabase' }]);
    expect(plan.blockers.map((d) => d.code)).toEqual(['SECRET_INFRASTRUCTURE_REQUIRED', 'SECRET_INFRASTRUCTURE_REQUIRED']);
    for (const d of plan.blockers) expect(d.hint).toContain('postgres -> sqlite');
    expect(validatePlan(plan).ok).toBe(false);
  });

  it('on desktop with postgres -> sqlite: the postgres secrets are gone and the plan validates', () => {
    const plan = planSecrets(swapResource(graph, 'postgres', 'sqlite'), { tier: 'desktop', scenarios });
    expect(plan.secrets.filter((s) => s.id.startsWith('postgres.'))).toEqual([]);
    expect(plan.blockers).toEqual([]);
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe('every fixture scenario on every tier', () => {
  it('plans deterministically, blockers equal validatePlan issues, nothing unbundled has targets', () => {
    for (const s of scenarios) {
      const graph = buildGraph(workspace, s.name, { policy: 'active' });
      for (const tier of TIERS) {
        const plan = planSecrets(graph, { tier, scenarios });
        expect(JSON.stringify(planSecrets(graph, { tier, scenarios }))).toBe(JSON.stringify(plan));
        const v = validatePlan(plan);
        expect(v.ok ? [] : v.issues).toEqual(plan.blockers);
        for (const p of plan.secrets) expect(p.targets.length > 0).toBe(p.class !== 'infrastructure' && p.class !== 'unclassified');
      }
    }
  });

  it('postgres -> sqlite removes every postgres secret on desktop', () => {
    for (const s of scenarios) {
      const graph = swapResource(buildGraph(workspace, s.name, { policy: 'active' }), 'postgres', 'sqlite');
      const plan = planSecrets(graph, { tier: 'desktop', scenarios });
      expect(plan.secrets.filter((p) => p.id.startsWith('postgres.'))).toEqual([]);
    }
  });
});
