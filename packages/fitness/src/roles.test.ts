import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { createGraph, isAcyclic, type DependencyGraph, type NodeId } from '@deployment-manager/core';
import { ROLE_BY_RANK, computeRanks, edgeRank, type RoleRank } from './roles.ts';

const ROOT: NodeId = 'scenario:app';
const ids: NodeId[] = [ROOT, 'resource:a', 'resource:b', 'resource:c', 'resource:d', 'resource:e'];

/** Any graph over six nodes, cycles and self-loops included, with any edge flags. */
const anyGraphArb: fc.Arbitrary<DependencyGraph> = fc
  .array(fc.record({ from: fc.nat(5), to: fc.nat(5), required: fc.boolean(), enabled: fc.boolean() }), { maxLength: 14 })
  .map((es) => createGraph({ root: ROOT, edges: es.map((e) => ({ from: ids[e.from] as NodeId, to: ids[e.to] as NodeId, required: e.required, enabled: e.enabled })) }));

/**
 * The definition, computed the slow way: a node's rank is the best, over every path from the
 * root that avoids excluded nodes, of the weakest edge on it (the root itself 2). Relaxed until
 * nothing changes, which terminates because ranks only rise and are bounded.
 */
function ranksByDefinition(g: DependencyGraph, excluded: ReadonlySet<NodeId>): Map<NodeId, RoleRank> {
  const rank = new Map<NodeId, RoleRank>();
  if (excluded.has(g.root)) return rank;
  rank.set(g.root, 2);
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of g.edges) {
      const from = rank.get(e.from);
      if (from === undefined || excluded.has(e.to)) continue;
      const r = Math.min(from, edgeRank(e)) as RoleRank;
      if (r > (rank.get(e.to) ?? -1)) {
        rank.set(e.to, r);
        changed = true;
      }
    }
  }
  return rank;
}

describe('edgeRank', () => {
  it('is 2 for a required edge (enabled or not), 1 for an enabled optional one, 0 for a disabled optional one', () => {
    expect([edgeRank({ required: true, enabled: true }), edgeRank({ required: true, enabled: false }), edgeRank({ required: false, enabled: true }), edgeRank({ required: false, enabled: false })]).toEqual([2, 2, 1, 0]);
    expect(ROLE_BY_RANK).toEqual(['disabled', 'optional', 'required']);
  });
});

describe('computeRanks', () => {
  it('takes the best path, each path as weak as its weakest edge, and leaves out excluded nodes and what hangs only off them', () => {
    const g = createGraph({
      root: ROOT,
      edges: [
        { from: ROOT, to: 'resource:a', required: false },
        { from: 'resource:a', to: 'resource:b' },
        { from: ROOT, to: 'resource:c', required: false, enabled: false },
        { from: 'resource:c', to: 'resource:b' },
        { from: ROOT, to: 'resource:d' },
        { from: 'resource:d', to: 'resource:e' },
        { from: 'resource:e', to: 'resource:d' },
      ],
    });
    expect(Object.fromEntries(computeRanks(g))).toEqual({ [ROOT]: 2, 'resource:a': 1, 'resource:b': 1, 'resource:c': 0, 'resource:d': 2, 'resource:e': 2 });
    expect(Object.fromEntries(computeRanks(g, new Set<NodeId>(['resource:a', 'resource:d'])))).toEqual({ [ROOT]: 2, 'resource:b': 0, 'resource:c': 0 });
    expect(computeRanks(g, new Set([ROOT])).size).toBe(0);
  });

  it('agrees with the definition on any graph, cyclic or not, with any nodes excluded (1,000 cases)', () => {
    let cyclicOrExcluding = 0;
    fc.assert(
      fc.property(anyGraphArb, fc.subarray(ids.slice(1), { maxLength: 2 }), (g, off) => {
        const excluded = new Set(off);
        expect(Object.fromEntries(computeRanks(g, excluded))).toEqual(Object.fromEntries(ranksByDefinition(g, excluded)));
        if (excluded.size > 0 || !isAcyclic(g)) cyclicOrExcluding++;
      }),
      { numRuns: 1000 },
    );
    expect(cyclicOrExcluding / 1000).toBeGreaterThan(0.5);
  });
});
