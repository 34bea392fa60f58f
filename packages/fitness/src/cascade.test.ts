import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { TIERS } from '@deployment-manager/core';
import { dagArb, graphOf, withResources } from '../test/graphs.ts';
import { cascade } from './cascade.ts';
import { scoreGraph } from './score-graph.ts';
import { suggestSwaps } from './suggest.ts';

const SWAPS = ['postgres=sqlite', 'qdrant=local-vector-index', 'n8n=embedded-workflows', 'ollama=openrouter', 'browserless=playwright-driver', 'redis=in-process-cache'];

describe('cascade', () => {
  it('follow-ups and fitness agree with scoring and suggesting on each graph separately, whatever tiers are scored', () => {
    // The graph holds every swap's source (withResources), so the swaps change it in (almost) every case.
    const caseArb = fc
      .tuple(dagArb, fc.subarray(SWAPS, { minLength: 1, maxLength: 2 }), fc.constantFrom(...TIERS), fc.subarray([...TIERS], { minLength: 1 }))
      .map(([d, specs, tier, tiers]) => {
        const swaps = specs.map((s) => ({ from: s.split('=')[0] as string, to: s.split('=')[1] as string }));
        return { graph: graphOf(withResources(d, swaps.map((s) => s.from))), swaps, tier, tiers };
      });
    let changed = 0;
    fc.assert(
      fc.property(caseArb, ({ graph, swaps, tier, tiers }) => {
        const c = cascade(graph, swaps, tier, { tiers });
        if (c.graph !== graph) changed++;
        const key = (s: { from: string; to: string }): string => `${s.from}>${s.to}`;
        const known = new Set(suggestSwaps(graph, tier).map(key));
        expect(c.followUps).toEqual(c.graph === graph ? [] : suggestSwaps(c.graph, tier).filter((s) => !known.has(key(s))));
        const before = scoreGraph(graph, { tiers });
        const after = scoreGraph(c.graph, { tiers });
        for (const t of tiers) {
          expect(c.fitness[t]?.before).toBe(before.tiers[t]?.score);
          expect(c.fitness[t]?.after).toBe(after.tiers[t]?.score);
          expect(c.fitness[t]?.blockersAfter).toEqual(after.tiers[t]?.blockers);
        }
      }),
      { numRuns: 100 },
    );
    expect(changed / 100).toBeGreaterThan(0.9);
  });
});
