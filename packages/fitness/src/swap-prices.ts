// What each candidate swap costs: its effort plus the capabilities its
// replacement lacks, priced from DEFAULT_SWAP_COSTS and the caller's overrides.
import { SdkError, type DependencyGraph, type NodeId } from '@deployment-manager/core/pure';
import { declaredNeeds } from './cascade.ts';
import type { SwapCandidate } from './suggest.ts';
import { DEFAULT_SWAP_COSTS, type SwapCostWeights } from './swap-cost-data.ts';
import type { Capability, SwapEffort } from '@deployment-manager/catalog';

/** Prices are integers in thousandths, so sums are exact whatever their order. */
export const MILLI = 1000;

/** Overrides of {@link DEFAULT_SWAP_COSTS}: each given price replaces the default one. */
export interface SwapCostOverrides {
  /** Cost of a swap by effort. */
  readonly effort?: Readonly<Partial<Record<SwapEffort, number>>>;
  /** Cost of each lost capability not priced in `capabilities`. */
  readonly capabilityLoss?: number;
  /** Cost of losing particular capabilities (merged over the defaults). */
  readonly capabilities?: Readonly<Record<Capability, number>>;
}

/** One node the search may swap, with its replacements priced (thousandths), cheapest first. */
export interface PricedSite {
  /** The node. */
  readonly from: NodeId;
  /** Its replacements. */
  readonly options: readonly (SwapCandidate & { readonly cost: number; readonly lacks: readonly Capability[] })[];
}

/**
 * Each candidate priced (integer thousandths), grouped by node, cheapest first. What a swap
 * loses is what the dependents of its node need (declared on their edges, else the node's
 * assumed needs) and the replacement does not provide, measured on the graph as given.
 */
export function priceSites(graph: DependencyGraph, costs: SwapCostWeights, candidates: readonly SwapCandidate[]): PricedSite[] {
  const needs = new Map<NodeId, Set<Capability>>(candidates.map((c) => [c.from, new Set<Capability>()]));
  const assumed = new Map(candidates.map((c) => [c.from, c.fromEntry.assumedNeeds]));
  for (const e of graph.edges) {
    const set = needs.get(e.to);
    if (set !== undefined) for (const need of declaredNeeds(e.attributes) ?? assumed.get(e.to) ?? []) set.add(need);
  }
  const price = (w: number): number => Math.round(w * MILLI);
  const byNode = new Map<NodeId, PricedSite['options'][number][]>();
  for (const c of candidates) {
    const lacks = [...(needs.get(c.from) ?? [])].filter((need) => !c.toEntry.provides.includes(need)).sort();
    const cost = price(costs.effort[c.rule.effort]) + lacks.reduce((sum, cap) => sum + price(costs.capabilities[cap] ?? costs.capabilityLoss), 0);
    const list = byNode.get(c.from) ?? [];
    // One option per replacement: two rules to the same one keep the cheaper.
    const same = list.findIndex((o) => o.to === c.to);
    if (same < 0) list.push({ ...c, cost, lacks });
    else if (cost < (list[same] as { cost: number }).cost) list[same] = { ...c, cost, lacks };
    byNode.set(c.from, list);
  }
  return [...byNode].map(([from, options]) => ({ from, options: options.sort((a, b) => a.cost - b.cost || cmp(a.to, b.to)) }));
}

/** The prices: {@link DEFAULT_SWAP_COSTS} with the overrides merged over, each checked to be a finite number >= 0. */
export function mergeCosts(over: SwapCostOverrides = {}): SwapCostWeights {
  const merged: SwapCostWeights = {
    effort: { ...DEFAULT_SWAP_COSTS.effort, ...over.effort },
    capabilityLoss: over.capabilityLoss ?? DEFAULT_SWAP_COSTS.capabilityLoss,
    capabilities: { ...DEFAULT_SWAP_COSTS.capabilities, ...over.capabilities },
  };
  const prices: [string, number][] = [
    ...Object.entries(merged.effort).map(([k, v]): [string, number] => [`effort.${k}`, v]),
    ['capabilityLoss', merged.capabilityLoss],
    ...Object.entries(merged.capabilities).map(([k, v]): [string, number] => [`capabilities.${k}`, v]),
  ];
  for (const [name, v] of prices) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new SdkError('INVALID_ARGUMENT', `cost ${name} is ${String(v)}, not a finite number >= 0`, { hint: 'give every price as a number of 0 or more', details: { cost: name } });
    }
  }
  return merged;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
