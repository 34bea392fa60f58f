import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, createGraph, type NodeId } from '@deployment-manager/core';
import { dagArb, graphOf, pickerWheel } from '../test/graphs.ts';
import { DEFAULT_CATALOG, lookupEntry, type CatalogEntry } from '@deployment-manager/catalog';
import { scoreEntry } from './score-dependency.ts';
import { scoreGraph } from './score-graph.ts';
import { TIER_CONSTRAINTS } from './tier-constraints.ts';

const entryArb: fc.Arbitrary<CatalogEntry> = fc.record({
  name: fc.constant('x'), aliases: fc.constant([]), description: fc.constant('x'), category: fc.constant('x'),
  daemon: fc.boolean(), network: fc.constantFrom('none', 'local', 'internet'), offline: fc.boolean(), gpu: fc.constantFrom('none', 'optional', 'required'),
  ramMb: fc.nat(1_000_000), diskMb: fc.nat(10_000_000),
  license: fc.record({ spdx: fc.constant('X'), class: fc.constantFrom('permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'source-available', 'proprietary', 'hosted-terms') }),
  platforms: fc.record({ os: fc.subarray(['linux', 'macos', 'windows', 'ios', 'android'] as const), arch: fc.subarray(['x64', 'arm64'] as const) }),
  persistence: fc.constantFrom('none', 'cache', 'durable'), provides: fc.constant([]), assumedNeeds: fc.constant([]), requires: fc.constant([]),
  hosting: fc.constant('bundled-service'), secrets: fc.constant([]), ports: fc.constant([]), compatibleWith: fc.constant([]), swaps: fc.constant([]),
});

describe('picker-wheel on desktop (default model)', () => {
  const report = scoreGraph(pickerWheel());
  it('gives postgres, ollama, n8n and qdrant each at least one reason naming the fact', () => {
    for (const name of ['postgres', 'ollama', 'n8n', 'qdrant']) {
      const dep = report.dependencies.find((d) => d.name === name);
      const reasons = dep?.tiers.desktop?.reasons ?? [];
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.every((r) => r.dependency === `resource:${name}` && r.delta < 0)).toBe(true);
    }
  });
  it('blocks every daemon on mobile and none on local', () => {
    expect(report.tiers.mobile?.blockers).toEqual(['resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant']);
    expect(report.tiers.local?.blockers).toEqual([]);
  });
});

describe('unknown dependencies', () => {
  it('get an explicit unknown verdict with a hint and stay out of the mean', () => {
    const g = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:mystery' }, { from: 'scenario:a', to: 'resource:sqlite' }] });
    const r = scoreGraph(g);
    const mystery = r.dependencies.find((d) => d.id === 'resource:mystery');
    expect(mystery?.tiers.desktop?.verdict).toBe('unknown');
    expect(mystery?.tiers.desktop?.score).toBeNull();
    expect(mystery?.tiers.desktop?.hint).toBeDefined();
    expect(r.unknown).toEqual(['resource:mystery']);
    expect(r.tiers.desktop?.coverage).toBe(0.5);
    expect(r.tiers.desktop?.score).toBe(scoreGraph(createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:sqlite' }] })).tiers.desktop?.score);
    expect(r.tiers.desktop?.warnings.some((w) => w.includes('resource:mystery'))).toBe(true);
  });
});

describe('roles and weights', () => {
  it('weighs required dependencies above optional ones', () => {
    const g = (required: boolean) => createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:sqlite' }, { from: 'scenario:a', to: 'resource:ollama', required, enabled: true }] });
    expect(scoreGraph(g(false)).tiers.desktop?.score).toBeGreaterThan(scoreGraph(g(true)).tiers.desktop?.score as number);
    expect(scoreGraph(g(false)).tiers.mobile?.blockers).toEqual([]);
    expect(scoreGraph(g(true)).tiers.mobile?.blockers).toEqual(['resource:ollama']);
  });
});

describe('properties', () => {
  test.prop([entryArb, fc.constantFrom(...TIERS)], { numRuns: 200 })('a dependency score and its sub-scores stay within 0..100', (entry, tier) => {
    const s = scoreEntry(entry, TIER_CONSTRAINTS[tier]);
    // A known entry always has a number (null >= 0 holds in JS, so check the type first).
    expect(typeof s.score).toBe('number');
    for (const v of [s.score as number, ...Object.values(s.subscores)]) expect(v >= 0 && v <= 100).toBe(true);
    expect(s.supported).toBe(!s.reasons.some((r) => r.blocker));
  });

  test.prop([dagArb], { numRuns: 100 })('graph scores stay within 0..100', (d) => {
    for (const t of Object.values(scoreGraph(graphOf(d)).tiers)) expect(t.score >= 0 && t.score <= 100).toBe(true);
  });

  test.prop([dagArb, fc.constantFrom('sqlite', 'openrouter', 'redis', 'ollama', 'comfyui', 'judge0', 'in-process-cache'), fc.boolean(), fc.constantFrom(...TIERS)], { numRuns: 200 })(
    'adding a dependency that scores below the graph never raises the graph score, above it never lowers it',
    (d, name, required, tier) => {
      const id: NodeId = `resource:${name}`;
      if (d.nodes.includes(id)) return;
      const before = scoreGraph(graphOf(d), { tiers: [tier] }).tiers[tier]?.score as number;
      const added = scoreGraph(graphOf({ ...d, nodes: [...d.nodes, id], edges: [...d.edges, { from: d.root, to: id, required, enabled: true }] }), { tiers: [tier] });
      const own = added.dependencies.find((x) => x.id === id)?.tiers[tier]?.score as number;
      const after = added.tiers[tier]?.score as number;
      if (own <= before) expect(after).toBeLessThanOrEqual(before + 0.01);
      if (own >= before) expect(after).toBeGreaterThanOrEqual(before - 0.01);
    },
  );

  it('uses the catalog facts, not names: a user override changes the score', () => {
    const e = lookupEntry(DEFAULT_CATALOG, 'postgres') as CatalogEntry;
    expect(scoreEntry({ ...e, daemon: false }, TIER_CONSTRAINTS.desktop).score).toBeGreaterThan(scoreEntry(e, TIER_CONSTRAINTS.desktop).score as number);
  });
});
