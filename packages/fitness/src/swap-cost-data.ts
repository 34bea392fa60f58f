// The default prices of a swap plan, as data: what a team pays for each swap
// it adopts. planSwapSet minimizes their sum; hosts override any of them.
import type { Capability, SwapEffort } from '@deployment-manager/catalog';

/** What a swap costs: its effort, plus every capability a dependent needs and the replacement lacks. */
export interface SwapCostWeights {
  /** Cost of a swap by its rule's effort. */
  readonly effort: Readonly<Record<SwapEffort, number>>;
  /** Cost of each lost capability not listed in `capabilities`. */
  readonly capabilityLoss: number;
  /** Cost of losing one particular capability (overrides `capabilityLoss`). */
  readonly capabilities: Readonly<Record<Capability, number>>;
}

/**
 * The built-in prices. Effort grows faster than linearly (a rewrite is much
 * more than three config changes); losing a capability a dependent relies on
 * costs about a medium swap's worth of porting, and losing the core function
 * of an inference or workflow dependency costs more.
 */
export const DEFAULT_SWAP_COSTS: SwapCostWeights = {
  effort: { low: 1, medium: 3, high: 8 },
  capabilityLoss: 2,
  capabilities: { 'llm-inference': 5, 'workflow-engine': 5, 'vector-search': 4, 'sql': 4 },
};
