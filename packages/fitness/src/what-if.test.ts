import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, createGraph, isSdkError, type NodeId } from '@deployment-manager/core';
import { dagArb, graphOf, pickerWheel } from '../test/graphs.ts';
import { applySwaps } from './apply-swaps.ts';
import { scoreGraph } from './score-graph.ts';
import { createWhatIf } from './what-if.ts';

describe('createWhatIf', () => {
  test.prop([dagArb, fc.array(fc.tuple(fc.nat(20), fc.boolean()), { maxLength: 12 })], { numRuns: 150 })(
    'after any sequence of toggles, scores equal a fresh scoring of the graph without the toggled-off nodes',
    (d, toggles) => {
      const g = graphOf(d);
      const w = createWhatIf(g);
      const off = new Set<NodeId>();
      for (const [i, enabled] of toggles) {
        const id = d.nodes[1 + (i % Math.max(1, d.nodes.length - 1))];
        if (id === undefined || id === d.root) continue;
        w.toggle(id, enabled);
        if (enabled) off.delete(id);
        else off.add(id);
      }
      const fresh = scoreGraph(createGraph({ root: d.root, nodes: d.nodes.filter((n) => !off.has(n)).map((id) => ({ id })), edges: d.edges.filter((e) => !off.has(e.from) && !off.has(e.to)) }));
      for (const t of TIERS) {
        expect(w.score(t)).toBe(fresh.tiers[t]?.score);
        expect(w.blockers(t)).toEqual(fresh.tiers[t]?.blockers);
      }
      expect(w.report()).toEqual(fresh);
    },
  );

  it('re-scores only the toggled node and what hangs off it', () => {
    const g = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:windmill' }, { from: 'resource:windmill', to: 'resource:postgres' }, { from: 'scenario:a', to: 'resource:redis' }] });
    const w = createWhatIf(g);
    const step = w.toggle('resource:windmill', false);
    expect([...step.changed].sort()).toEqual(['resource:postgres', 'resource:windmill']);
    expect(w.toggle('resource:windmill', true).tiers.desktop?.after).toBe(scoreGraph(g).tiers.desktop?.score);
  });

  it('a swap gives the scores of the swapped graph, in place or not', () => {
    const g = pickerWheel();
    const w = createWhatIf(g);
    w.swap({ from: 'postgres', to: 'sqlite' });
    w.swap({ from: 'qdrant', to: 'local-vector-index' });
    const expected = scoreGraph(applySwaps(g, [{ from: 'postgres', to: 'sqlite' }, { from: 'qdrant', to: 'local-vector-index' }]));
    expect(w.report()).toEqual(expected);
    for (const t of TIERS) expect(w.score(t)).toBe(expected.tiers[t]?.score);
    expect(w.swaps()).toHaveLength(2);
  });

  it('refuses unknown nodes and the root', () => {
    const w = createWhatIf(pickerWheel());
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isSdkError(e) ? e.code : 'raw';
      }
      return undefined;
    };
    expect(codeOf(() => w.toggle('resource:nope', false))).toBe('NODE_NOT_FOUND');
    expect(codeOf(() => w.toggle('scenario:picker-wheel', false))).toBe('INVALID_ARGUMENT');
  });
});
