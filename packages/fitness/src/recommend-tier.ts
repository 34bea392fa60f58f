// Which tier is cheapest to reach: the optimal swap plan of every tier side by
// side, and the one that buys the most score per unit of cost.
import { SdkError, TIERS, type DependencyGraph, type Tier } from '@deployment-manager/core/pure';
import { planSwapSet, type PlanSwapSetOptions, type SwapSetPlan } from './plan-swap-set.ts';
import { DEFAULT_SWAP_COSTS } from './swap-cost-data.ts';

/** Options of {@link recommendTier}: those of {@link planSwapSet}, for every tier in `tiers`. */
export interface RecommendTierOptions extends PlanSwapSetOptions {
  /**
   * The fixed cost of shipping on any tier at all, added to every plan's cost in
   * {@link TierPlan.efficiency} (default: the price of one low-effort swap). Must be > 0.
   */
  readonly shipCost?: number;
}

/** One tier's optimal plan and how much score it buys per unit of cost. */
export interface TierPlan extends SwapSetPlan {
  /** `score / (cost + shipCost)` when the plan ships (`feasible`), else null. */
  readonly efficiency: number | null;
}

/** What {@link recommendTier} found. */
export interface TierRecommendation {
  /** Name of the root scenario. */
  readonly scenario: string;
  /** The fixed cost of shipping used in `efficiency`. */
  readonly shipCost: number;
  /** The plans, one per tier, in tier order. */
  readonly plans: readonly TierPlan[];
  /**
   * The tier whose plan ships with the highest efficiency (ties: the higher score, then the
   * lower cost, then the earlier tier), or null when no tier can ship.
   */
  readonly best: Tier | null;
}

/**
 * Plans the cheapest swap set of every tier (`options.tiers`, default all
 * five) with the same goal and prices, and recommends the tier that buys the
 * most score per unit of cost: efficiency = score / (cost + shipCost), among
 * the plans that ship. `shipCost` (default: one low-effort swap) is the fixed
 * cost of shipping at all: it keeps a plan of cost 0 finite (such a plan
 * scores score / shipCost) and makes a cheap plan of a lower score able to
 * beat a dear one of a higher score, but only by as much as the prices say.
 *
 * @example
 * ```ts
 * const { best, plans } = recommendTier(graph, { minScore: 80 });
 * plans.map((p) => `${p.tier}: ${p.swaps.length} swaps, cost ${p.cost}, score ${p.score}`);
 * ```
 */
export function recommendTier(graph: DependencyGraph, options: RecommendTierOptions = {}): TierRecommendation {
  const shipCost = options.shipCost ?? options.costs?.effort?.low ?? DEFAULT_SWAP_COSTS.effort.low;
  if (typeof shipCost !== 'number' || !Number.isFinite(shipCost) || shipCost <= 0) {
    throw new SdkError('INVALID_ARGUMENT', `ship cost ${String(shipCost)} is not a finite number > 0`, { hint: 'pass shipCost as a positive number, e.g. 1' });
  }
  const plans: TierPlan[] = (options.tiers ?? TIERS).map((tier) => {
    const plan = planSwapSet(graph, tier, options);
    return { ...plan, efficiency: plan.feasible ? Math.round((plan.score / (plan.cost + shipCost)) * 1000) / 1000 : null };
  });
  const ranked = plans
    .filter((p) => p.efficiency !== null)
    .sort((a, b) => (b.efficiency as number) - (a.efficiency as number) || b.score - a.score || a.cost - b.cost || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
  const scenario = plans[0]?.scenario ?? graph.nodes.find((n) => n.id === graph.root)?.name ?? graph.root;
  return { scenario, shipCost, plans, best: ranked[0]?.tier ?? null };
}
