import { fileURLToPath } from 'node:url';
import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, lookupEntry } from '@deployment-manager/catalog';
import { assembleScenario } from '@deployment-manager/bundle';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { workspaceArb } from '@deployment-manager/testkit';
import { planCloud } from '../src/index.ts';
import { fromPlan, render, wiringProblems } from './wiring.ts';

const workspace = loadWorkspace(fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url)));

describe.each(['saas', 'enterprise'] as const)('recipe-hub on %s with the suggested swaps', (tier) => {
  const { result } = assembleScenario(workspace, 'recipe-hub', { tier, acceptSuggested: 'all-gains' });
  if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
  const manifest = result.manifest;
  const plan = planCloud(manifest);

  it('wires each managed replacement connection secret into compose and Kubernetes, and mounts data where the image keeps it', () => {
    expect(wiringProblems(manifest, fromPlan(plan), DEFAULT_CATALOG)).toEqual([]);
  });

  it('keeps postgres data in the official image data directory when postgres stays', () => {
    const kept = assembleScenario(workspace, 'recipe-hub', { tier }).result.manifest;
    if (kept.target !== 'cloud') throw new Error('not a cloud manifest');
    const pg = kept.services.find((s) => s.id === 'postgres');
    expect(pg?.volumes).toEqual([{ name: 'data', mount_path: '/var/lib/postgresql/data', persistent: true }]);
    expect(pg?.env?.['PGDATA']).toBe('/var/lib/postgresql/data/pgdata');
    expect(wiringProblems(kept, fromPlan(planCloud(kept)), DEFAULT_CATALOG)).toEqual([]);
  });
});

describe('a swap to a managed service', () => {
  it('reaches the app: postgres -> managed-postgres gives the api DATABASE_URL in compose and Kubernetes', () => {
    const { result } = assembleScenario(workspace, 'recipe-hub', { tier: 'saas', swaps: [{ from: 'postgres', to: 'managed-postgres' }] });
    if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    const m = result.manifest;
    expect(m.secrets?.find((s) => s.id === 'managed-postgres.database_url')).toMatchObject({ class: 'remote_fetch', target: { type: 'env', name: 'DATABASE_URL' } });
    expect(m.services.some((s) => s.id === 'postgres')).toBe(false);
    const problems = wiringProblems(m, fromPlan(planCloud(m)), DEFAULT_CATALOG);
    expect(problems).toEqual([]);
    // and the check is not vacuous: drop the secret from the api and it is reported
    const broken = { ...m, services: m.services.map((s) => ({ ...s, secrets: (s.secrets ?? []).filter((x) => x !== 'managed-postgres.database_url') })) };
    expect(wiringProblems(broken, fromPlan(planCloud(broken)), DEFAULT_CATALOG).join('\n')).toContain('no service reads it');
  });
});

// Generated workspaces on a cloud tier, each with a random set of the swaps their records offer there
// (managed services among them): whatever is chosen, the generated files wire it and keep data where the image does.
const cloudCaseArb = fc.tuple(workspaceArb, fc.constantFrom('saas' as const, 'enterprise' as const)).chain(([ws, tier]) => {
  const graph = buildGraph(ws.workspace, ws.scenario, { policy: 'active' });
  const offers = graph.nodes.flatMap((n) => {
    const record = n.kind === 'resource' ? lookupEntry(DEFAULT_CATALOG, n.name) : undefined;
    return (record?.swaps ?? []).filter((s) => s.tiers.includes(tier)).map((s) => ({ from: n.name, to: s.to }));
  });
  const onePerNode = [...new Map(offers.map((o) => [o.from, o])).values()];
  return fc.subarray(onePerNode).map((swaps) => ({ ws, tier, swaps }));
});

describe('generated workspaces packaged for the cloud', () => {
  test.prop([cloudCaseArb], { numRuns: 1000 })('wire every managed replacement connection secret and mount every persistent volume at its data directory', ({ ws, tier, swaps }) => {
    const { result } = assembleScenario(ws.workspace, ws.scenario, { tier, swaps });
    if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    fc.pre(result.ok);
    expect(wiringProblems(result.manifest, render(result.manifest), DEFAULT_CATALOG)).toEqual([]);
  });
});
