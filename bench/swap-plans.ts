// The optimal swap plan against all-gains: how many swaps and how much effort
// planSwapSet saves on a graph, per tier, for two goals - ship (no blocker) and
// ship at the score all-gains reaches. Used by stages.ts on the synthetic
// workload and by run.ts on the example app and the Vrooli fixtures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGraph, loadWorkspace, type DependencyGraph, type Tier } from '@deployment-manager/core';
import { DEFAULT_SWAP_COSTS, allGainsSwaps, applySwaps, createScoringState, planSwapSet, suggestSwaps, type SwapSuggestion } from '@deployment-manager/fitness';

/** Swaps and effort (sum of effort prices) of a swap set. */
interface SwapTally {
  readonly swaps: number;
  readonly effort: number;
}

/** One graph on one tier: all-gains, the optimal plan to ship, and the optimal plan at all-gains' score. */
export interface SwapComparison {
  readonly name: string;
  readonly tier: Tier;
  /** Whether all-gains leaves no blocker (only then is "ship" a goal it reaches). */
  readonly allGainsShips: boolean;
  readonly allGains: SwapTally & { readonly score: number };
  /** The optimal plan for the default goal (no blocker; the others cleared when some cannot be). */
  readonly ship: SwapTally & { readonly score: number; readonly feasible: boolean; readonly exact: boolean };
  /** The optimal plan with all-gains' score as the minimum. */
  readonly sameScore: SwapTally & { readonly score: number; readonly feasible: boolean; readonly exact: boolean };
}

/** The tiers compared: the two where swaps matter. */
export const COMPARED_TIERS: readonly Tier[] = ['desktop', 'mobile'];

const effortOf = (efforts: readonly (keyof typeof DEFAULT_SWAP_COSTS.effort)[]): number => efforts.reduce((sum, e) => sum + DEFAULT_SWAP_COSTS.effort[e], 0);

/** Compares all-gains with the optimal plans on one graph and tier. */
export function compareSwapPlans(name: string, graph: DependencyGraph, tier: Tier, suggestions: readonly SwapSuggestion[] = suggestSwaps(graph, tier)): SwapComparison {
  const greedy = allGainsSwaps(suggestions);
  const effortByPair = new Map(suggestions.map((s) => [`${s.from}>${s.to}`, s.effort]));
  const state = createScoringState(applySwaps(graph, greedy), { tiers: [tier] });
  const score = state.score(tier);
  const tally = (plan: ReturnType<typeof planSwapSet>) => ({
    swaps: plan.swaps.length,
    effort: effortOf(plan.swaps.map((s) => s.effort)),
    score: plan.score,
    feasible: plan.feasible,
    exact: plan.exact,
  });
  return {
    name,
    tier,
    allGainsShips: state.blockers(tier).length === 0,
    allGains: { swaps: greedy.length, effort: effortOf(greedy.map((g) => effortByPair.get(`${g.from}>${g.to}`) ?? 'low')), score },
    ship: tally(planSwapSet(graph, tier)),
    sameScore: tally(planSwapSet(graph, tier, { minScore: score })),
  };
}

/** The example app's and (when `../shared` exists) every fixture scenario's comparisons; `fixtures` null when absent. */
export function compareKnownScenarios(): { examples: SwapComparison[]; fixtures: SwapComparison[] | null } {
  const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
  const compareAll = (root: string): SwapComparison[] => {
    const ws = loadWorkspace(root);
    return [...ws.scenarios.keys()].sort().flatMap((name) => {
      const graph = buildGraph(ws, name, { policy: 'active' });
      return COMPARED_TIERS.map((tier) => compareSwapPlans(name, graph, tier));
    });
  };
  const fixtures = at('../../shared/fixtures/vrooli');
  return { examples: compareAll(at('../examples/end-to-end/workspace')), fixtures: existsSync(fixtures) ? compareAll(fixtures) : null };
}

/** Text lines: per tier, the totals over the comparisons whose all-gains ships (and over all of them for the same-score goal). */
export function describeSavings(label: string, rows: readonly SwapComparison[]): string[] {
  const lines: string[] = [];
  for (const tier of COMPARED_TIERS) {
    const mine = rows.filter((r) => r.tier === tier);
    if (mine.length === 0) continue;
    const ships = mine.filter((r) => r.allGainsShips);
    const sum = (xs: readonly SwapComparison[], pick: (r: SwapComparison) => number): number => xs.reduce((s, r) => s + pick(r), 0);
    const inexact = mine.filter((r) => !r.ship.exact || !r.sameScore.exact).length;
    lines.push(
      `${label}, ${tier}: all-gains ships ${ships.length} of ${mine.length}; on those, ship: optimal ${sum(ships, (r) => r.ship.swaps)} swaps / effort ${sum(ships, (r) => r.ship.effort)} vs all-gains ${sum(ships, (r) => r.allGains.swaps)} / ${sum(ships, (r) => r.allGains.effort)}` +
        ` (optimal ships ${ships.filter((r) => r.ship.feasible).length}, never more swaps: ${ships.every((r) => r.ship.swaps <= r.allGains.swaps)})`,
      `${label}, ${tier}: at all-gains' score, all ${mine.length}: optimal ${sum(mine, (r) => r.sameScore.swaps)} swaps / effort ${sum(mine, (r) => r.sameScore.effort)} vs all-gains ${sum(mine, (r) => r.allGains.swaps)} / ${sum(mine, (r) => r.allGains.effort)}` +
        `${inexact > 0 ? ` (${inexact} not proven optimal)` : ' (all proven optimal)'}`,
    );
  }
  return lines;
}
