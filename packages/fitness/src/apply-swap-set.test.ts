import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { createGraph, nodeId, type NodeId } from '@deployment-manager/core';
import { swapWorldArb } from '../test/graphs.ts';
import { applySwapSet, type NodeSwap } from './apply-swap-set.ts';
import { planSwaps } from './apply-swaps.ts';
import { createCatalog, lookupEntry } from '@deployment-manager/catalog';
import { createScoringState } from './scoring-state.ts';

describe('applySwapSet', () => {
  test.prop([swapWorldArb(12), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 })], { numRuns: 300 })(
    'scores a swap set in a trial exactly as scoring the graph planSwaps makes, and leaves the state as it was',
    (w, picks) => {
      const resources = w.graph.nodes.filter((n) => n.kind === 'resource');
      const names = [...w.catalog.entries.keys()];
      // Any set resolveSwaps accepts: one replacement per node, no replacement swapped out itself.
      const set = new Map<NodeId, NodeId>();
      for (const [i, j] of picks) {
        const from = resources[i % resources.length]?.id as NodeId;
        const to = nodeId('resource', names[j % names.length] as string);
        if (to !== from && !set.has(from)) set.set(from, to);
      }
      const swaps: NodeSwap[] = [...set].filter(([, to]) => !set.has(to)).map(([from, to]) => ({ from, to }));
      const options = { catalog: w.catalog };
      const state = createScoringState(w.graph, options);
      const fresh = state.report();
      const present = new Set(w.graph.nodes.map((n) => n.id));
      const inTrial = state.trial(() => (applySwapSet(state, w.catalog, present, swaps), state.report()));
      const specs = swaps.map((s) => ({ from: s.from, to: lookupEntry(w.catalog, s.to.slice('resource:'.length))?.name as string }));
      expect(inTrial).toEqual(createScoringState(planSwaps(w.graph, specs, options).graph, options).report());
      expect(state.report()).toEqual(fresh);
    },
  );

  it('a dependent raised by a later swap of the set passes its new role on to the replacement it now depends on', () => {
    // u is optional and depends on a; b is required. Swapping a -> x, then b -> u: u becomes required through
    // b's edge, and so does x through u's redirected edge - even though a was moved before u rose.
    const catalog = createCatalog([{ name: 'a' }, { name: 'b' }, { name: 'u' }, { name: 'x', daemon: false }], { builtins: false });
    const graph = createGraph({
      root: 'scenario:app',
      edges: [
        { from: 'scenario:app', to: 'resource:u', required: false, enabled: true },
        { from: 'resource:u', to: 'resource:a', required: true, enabled: true },
        { from: 'scenario:app', to: 'resource:b', required: true, enabled: true },
      ],
    });
    const state = createScoringState(graph, { catalog });
    const swaps: NodeSwap[] = [{ from: 'resource:a', to: 'resource:x' }, { from: 'resource:b', to: 'resource:u' }];
    const report = state.trial(() => (applySwapSet(state, catalog, new Set(graph.nodes.map((n) => n.id)), swaps), state.report()));
    expect(report.dependencies.find((d) => d.id === 'resource:x')?.role).toBe('required');
    expect(report).toEqual(createScoringState(planSwaps(graph, [{ from: 'a', to: 'x' }, { from: 'b', to: 'u' }], { catalog }).graph, { catalog }).report());
  });
});
