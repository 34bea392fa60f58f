import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS } from '@deployment-manager/core';
import { dagArb, graphOf } from '../test/graphs.ts';
import { cascade } from './cascade.ts';
import { scoreGraph } from './score-graph.ts';
import { suggestSwaps } from './suggest.ts';

const SWAPS = ['postgres=sqlite', 'qdrant=local-vector-index', 'n8n=embedded-workflows', 'ollama=openrouter', 'browserless=playwright-driver', 'redis=in-process-cache'];

describe('cascade', () => {
  test.prop([dagArb, fc.subarray(SWAPS, { minLength: 1, maxLength: 2 }), fc.constantFrom(...TIERS), fc.subarray([...TIERS], { minLength: 1 })], { numRuns: 100 })(
    'follow-ups and fitness agree with scoring and suggesting on each graph separately, whatever tiers are scored',
    (d, specs, tier, tiers) => {
      const graph = graphOf(d);
      const swaps = specs.map((s) => ({ from: s.split('=')[0] as string, to: s.split('=')[1] as string }));
      const c = cascade(graph, swaps, tier, { tiers });
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
    },
  );
});
