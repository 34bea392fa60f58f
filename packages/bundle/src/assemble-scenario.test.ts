import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { assembleScenario } from './assemble-scenario.ts';

// The example app shipped with the repo: recipe-hub (postgres, redis, ollama, n8n, qdrant, auth-lite).
const workspace = loadWorkspace(fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url)));

describe('assembleScenario', () => {
  it('blocks a desktop bundle that still needs a postgres server, naming the swap that fixes it', () => {
    const { result, secretPlan, swaps } = assembleScenario(workspace, 'recipe-hub', { tier: 'desktop' });
    expect(swaps).toEqual([]);
    expect(result.ok).toBe(false);
    const pg = secretPlan.blockers.filter((b) => b.message.includes('postgres'));
    expect(pg.length).toBeGreaterThan(0);
    expect(pg.some((b) => (b.hint ?? '').includes('sqlite'))).toBe(true);
  });

  it('accepts the best suggestion per dependency and then assembles a valid desktop manifest', () => {
    const a = assembleScenario(workspace, 'recipe-hub', { tier: 'desktop', acceptSuggested: true });
    expect(a.result.ok).toBe(true);
    expect(a.result.manifest.target).toBe('desktop');
    const froms = a.swaps.map((s) => s.from);
    expect(new Set(froms).size).toBe(froms.length); // one swap per dependency
    expect(a.swapped.nodes.map((n) => n.id)).not.toContain('resource:postgres');
    expect(a.secretPlan.secrets.some((s) => s.id.startsWith('postgres.'))).toBe(false);
    expect(a.decisions.filter((d) => d.status === 'accepted').length).toBe(a.swaps.length);
  });

  it('keeps an explicit swap and does not add a suggestion for the same dependency', () => {
    const a = assembleScenario(workspace, 'recipe-hub', { tier: 'desktop', swaps: [{ from: 'postgres', to: 'sqlite' }], acceptSuggested: true });
    expect(a.swaps.filter((s) => s.from === 'postgres' || s.from === 'resource:postgres')).toEqual([{ from: 'postgres', to: 'sqlite' }]);
  });

  it('uses a graph given by the caller instead of building one', () => {
    const graph = buildGraph(workspace, 'recipe-hub', { policy: 'all' });
    expect(assembleScenario(workspace, 'recipe-hub', { tier: 'saas', graph }).graph).toBe(graph);
  });

  it('is deterministic: same input, same manifest', () => {
    const a = assembleScenario(workspace, 'recipe-hub', { tier: 'saas' });
    const b = assembleScenario(workspace, 'recipe-hub', { tier: 'saas' });
    expect(JSON.stringify(b.result.manifest)).toBe(JSON.stringify(a.result.manifest));
    expect(a.result.manifest.target).toBe('cloud');
  });
});

describe('what the workspace states about running a resource reaches the desktop manifest', () => {
  it('copies startup order, timeout and recovery attempts from runtime.json into the service metadata the runtime reads', () => {
    const ws = workspace;
    const { result } = assembleScenario(ws, 'recipe-hub', { tier: 'desktop', swaps: [{ from: 'postgres', to: 'sqlite' }] });
    if (result.manifest.target !== 'desktop') throw new Error('not a desktop manifest');
    const spec = ws.resources.get('redis');
    const redis = result.manifest.services.find((s) => s.id === 'redis');
    expect(redis?.metadata).toEqual({
      ...(spec?.startupOrder === undefined ? {} : { startup_order: spec.startupOrder }),
      ...(spec?.startupTimeoutSec === undefined ? {} : { startup_timeout: spec.startupTimeoutSec }),
      ...(typeof spec?.extras['recovery_attempts'] === 'number' ? { recovery_attempts: spec.extras['recovery_attempts'] } : {}),
    });
    expect(redis?.metadata).toMatchObject({ startup_order: 1000, startup_timeout: 30 });
  });
});
