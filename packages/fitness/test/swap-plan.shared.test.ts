// The optimal swap plan against all-gains on every real Vrooli fixture scenario.
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace, type Tier } from '@deployment-manager/core';
import { allGainsSwaps, applySwaps, createScoringState, planSwapSet, suggestSwaps } from '@deployment-manager/fitness';

const ROOT = new URL('../../../../shared/fixtures/vrooli/', import.meta.url).pathname;
const workspace = loadWorkspace(ROOT);
const scenarios = [...workspace.scenarios.keys()].sort();

const outcome = (graph: ReturnType<typeof buildGraph>, swaps: readonly { from: string; to: string }[], tier: Tier) => {
  const state = createScoringState(applySwaps(graph, swaps), { tiers: [tier] });
  return { blockers: state.blockers(tier), score: state.score(tier) };
};

describe('optimal swap plans on the fixture scenarios', () => {
  it('covers the 40 fixture scenarios', () => expect(scenarios).toHaveLength(40));

  for (const tier of ['desktop', 'mobile'] as const) {
    it.each(scenarios)(`%s on ${tier}: when all-gains ships it, the optimal plan ships it too with no more swaps; it also reaches all-gains' score`, (name) => {
      const graph = buildGraph(workspace, name, { policy: 'active' });
      const greedy = allGainsSwaps(suggestSwaps(graph, tier));
      const reached = outcome(graph, greedy, tier);
      const plan = planSwapSet(graph, tier);
      expect(plan.exact).toBe(true);
      expect(outcome(graph, plan.swaps, tier)).toEqual({ blockers: [...plan.blockersLeft], score: plan.score });
      if (reached.blockers.length > 0) {
        // All-gains does not ship it: neither can any plan clear what no swap clears.
        expect(plan.unclearable.every((b) => reached.blockers.includes(b))).toBe(true);
        return;
      }
      expect(plan.feasible).toBe(true);
      expect(plan.swaps.length).toBeLessThanOrEqual(greedy.length);
      const matched = planSwapSet(graph, tier, { minScore: reached.score });
      expect(matched.feasible).toBe(true);
      expect(outcome(graph, matched.swaps, tier).score).toBeGreaterThanOrEqual(reached.score);
    });
  }
});
