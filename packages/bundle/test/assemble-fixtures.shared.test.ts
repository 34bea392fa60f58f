import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGraph, loadWorkspace, type Tier } from '@deployment-manager/core';
import { applySwaps, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema } from '../src/ajv.ts';
import { assembleManifest, decisionsFromSuggestions, issueDrafts, swapDecisionsDocument, validateManifest, type AssembleResult } from '../src/index.ts';

const fixtures = new URL('../../../../shared/fixtures/vrooli/', import.meta.url);
const workspace = loadWorkspace(fileURLToPath(fixtures));
const predecessor = compileJsonSchema(JSON.parse(readFileSync(new URL('schemas/bundle-schema.desktop.v0.1.json', fixtures), 'utf8')) as Record<string, unknown>);
const scenarios = [...workspace.scenarios.keys()].sort();

/** Assembles a scenario for a tier after taking the best suggested swap for each dependency. */
function assembleWithSuggestions(name: string, tier: Tier): AssembleResult & { swaps: SwapSpec[] } {
  const spec = workspace.scenarios.get(name);
  if (spec === undefined) throw new Error(`no scenario ${name}`);
  const graph = buildGraph(workspace, name, { policy: 'active' });
  const suggestions = suggestSwaps(graph, tier);
  const best = new Map<string, SwapSpec>();
  for (const s of suggestions) if (!best.has(s.from)) best.set(s.from, { from: s.from, to: s.to });
  const swaps = [...best.values()];
  const plan = planSecrets(applySwaps(graph, swaps, { tier }), { tier, scenario: spec });
  const profile = { name, scenario: name, tiers: [tier], swaps, secrets: {}, settings: {} };
  return { ...assembleManifest(graph, decisionsFromSuggestions(suggestions, swaps), plan, profile, { scenario: spec }), swaps };
}

describe('assembling every fixture scenario for desktop after the suggested swaps', () => {
  const results = scenarios.map((name) => ({ name, ...assembleWithSuggestions(name, 'desktop') }));

  it('covers the fixture set, and most scenarios assemble cleanly', () => {
    expect(scenarios.length).toBe(40);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(30);
  });

  it.each(scenarios)('%s: the manifest validates against our schema and the predecessor draft-07 schema', (name) => {
    const r = results.find((x) => x.name === name) as (typeof results)[number];
    const ours = validateManifest(r.manifest);
    // A scenario that cannot be assembled fails for assembly reasons (unknown resources, secret plan blockers), never because the manifest is malformed.
    expect(ours.ok ? [] : ours.issues).toEqual([]);
    expect(predecessor(r.manifest)).toEqual([]);
    if (!r.ok) expect(r.diagnostics.filter((d) => d.severity === 'error').every((d) => d.code.startsWith('ASSEMBLY_') || d.code.startsWith('SECRET_'))).toBe(true);
  });

  it('picker-wheel: postgres is embedded as sqlite, its API is built from Go, its health endpoints come from service.json', () => {
    const r = results.find((x) => x.name === 'picker-wheel') as (typeof results)[number];
    expect(r.ok).toBe(true);
    const m = r.manifest as Extract<typeof r.manifest, { target: 'desktop' }>;
    expect(m.services.some((s) => s.id === 'postgres')).toBe(false);
    const api = m.services.find((s) => s.id === 'api');
    expect(api?.build).toMatchObject({ type: 'go', source_dir: 'api' });
    expect(api?.health.path).toBe('/health');
    expect(m.swaps?.map((s) => s.original)).toContain('postgres');
  });

  it('writes swap decisions and issue drafts for the swaps that need engineering work', () => {
    const r = results.find((x) => x.name === 'picker-wheel') as (typeof results)[number];
    const graph = buildGraph(workspace, 'picker-wheel', { policy: 'active' });
    const doc = swapDecisionsDocument('picker-wheel', ['desktop'], decisionsFromSuggestions(suggestSwaps(graph, 'desktop'), r.swaps));
    const drafts = issueDrafts(doc);
    expect(drafts.length).toBeGreaterThan(0);
    const pg = drafts.find((d) => d.title.includes('replace postgres with sqlite'));
    expect(pg?.body).toContain('jsonb');
    expect(pg?.labels).toContain('effort:medium');
  });
});

describe('assembling fixture scenarios for saas and mobile', () => {
  it.each(['picker-wheel', 'calendar', 'app-monitor'])('%s: cloud and mobile manifests validate against our schemas', (name) => {
    for (const tier of ['saas', 'mobile'] as const) {
      const r = assembleWithSuggestions(name, tier);
      const v = validateManifest(r.manifest);
      expect(v.ok ? [] : v.issues).toEqual([]);
    }
  });
});
