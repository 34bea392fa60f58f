// The lower bounds of planSwapSet's search: what clearing the open blockers
// must still cost, and how high the score can still rise.
import type { NodeId } from '@deployment-manager/core/pure';
import type { SearchBound } from './swap-search.ts';
import type { PricedSite } from './swap-prices.ts';

/** A swap set as the search scored it. */
export interface ScoredSet {
  /** The sites swapped (by index). */
  readonly chosen: ReadonlySet<number>;
  /** The blockers the goal does not allow. */
  readonly open: readonly NodeId[];
  /** Graph score. */
  readonly score: number;
  /** The tier's score sums (state units). */
  readonly units: number;
  /** Weight x points, summed. */
  readonly weighted: number;
  /** The shares of the nodes the undecided swaps can affect. */
  readonly shares: ReadonlyMap<NodeId, { readonly units: number; readonly points: number }>;
}

/** The bounds of one search, built once per plan. */
export interface SwapBounds {
  /** The sites whose swap can affect a node (its union-graph ancestors among the sites, and itself). */
  clearers(id: NodeId): readonly number[];
  /** The nodes the sites `from..` can affect. */
  affectedFrom(from: number): readonly NodeId[];
  /** A lower bound on what sites `from..` must add to leave at most `allowance` open blockers and reach `min`; undefined when they cannot. */
  bound(e: ScoredSet, from: number, min: number | null, allowance: number): SearchBound | undefined;
}

/**
 * The lower bounds of the search. From a scored set, with the sites `from..`
 * undecided: (1) an open blocker stays while one required path to it
 * survives, and a path survives while none of its sites is swapped - so one of
 * the undecided sites on a path must go (on the graph's own cheapest required
 * path while none of its sites is swapped, else any site above the blocker in
 * the union graph); blockers whose sets of such sites are disjoint each need a
 * swap of their own. (2) The score can rise only through the nodes the
 * undecided sites can affect, each at most to its best points at the heaviest
 * weight, or be dropped: that ceiling also caps the merit of ties.
 */
export function createBounds(
  sites: readonly PricedSite[],
  affected: readonly (readonly NodeId[])[],
  paths: ReadonlyMap<NodeId, readonly number[]>,
  points: ReadonlyMap<NodeId, number>,
  wmax: number,
): SwapBounds {
  const clearersOf = new Map<NodeId, number[]>();
  affected.forEach((nodes, v) => {
    for (const id of nodes) {
      const list = clearersOf.get(id);
      if (list === undefined) clearersOf.set(id, [v]);
      else list.push(v);
    }
  });
  const minCost = sites.map((s) => Math.min(...s.options.map((o) => o.cost)));
  const cheapestFrom: number[] = new Array<number>(sites.length + 1).fill(Number.POSITIVE_INFINITY);
  for (let v = sites.length - 1; v >= 0; v--) cheapestFrom[v] = Math.min(cheapestFrom[v + 1] as number, minCost[v] as number);
  // The nodes the sites `from..` can affect, and their best points, highest first (built on demand, kept).
  const suffix = new Map<number, { readonly nodes: readonly NodeId[]; readonly best: readonly number[] }>();
  const suffixAt = (from: number): { readonly nodes: readonly NodeId[]; readonly best: readonly number[] } => {
    let s = suffix.get(from);
    if (s === undefined) {
      const nodes = [...new Set(affected.slice(from).flat())];
      const best = nodes.flatMap((id) => (points.has(id) ? [points.get(id) as number] : [])).sort((a, b) => b - a);
      suffix.set(from, (s = { nodes, best }));
    }
    return s;
  };
  const ceiling = (e: ScoredSet, from: number): number => {
    let a = e.weighted;
    let w = e.units;
    for (const id of suffixAt(from).nodes) {
      const share = e.shares.get(id);
      if (share !== undefined) (a -= share.units * share.points), (w -= share.units);
    }
    if (w <= 0) return 100; // every counted node may go: an empty graph scores 100
    for (const p of suffixAt(from).best) {
      if (p * w <= a) break;
      a += wmax * p;
      w += wmax;
    }
    return Math.round(a / w) / 100;
  };
  return {
    clearers: (id: NodeId): readonly number[] => clearersOf.get(id) ?? [],
    affectedFrom: (from: number): readonly NodeId[] => suffixAt(from).nodes,
    /** The bound when at most `allowance` open blockers may stay. */
    bound(e: ScoredSet, from: number, min: number | null, allowance: number): SearchBound | undefined {
      let cost = 0;
      let count = 0;
      if (e.open.length > allowance) {
        const needs: { readonly sites: readonly number[]; readonly cost: number }[] = [];
        let stuck = 0;
        for (const b of e.open) {
          // A required path of the graph none of whose sites is swapped still holds b: one of them must go.
          const path = paths.get(b);
          const sitesLeft = (path !== undefined && !path.some((v) => e.chosen.has(v)) ? path : (clearersOf.get(b) ?? [])).filter((v) => v >= from);
          if (sitesLeft.length === 0) stuck++;
          else needs.push({ sites: sitesLeft, cost: sitesLeft.reduce((m, v) => Math.min(m, minCost[v] as number), Number.POSITIVE_INFINITY) });
        }
        if (stuck > allowance) return undefined;
        // Blockers whose sets of sites are disjoint need a swap each; all but `allowance` of them must go.
        const used = new Set<number>();
        const packed: number[] = [];
        for (const need of needs.sort((x, y) => y.cost - x.cost)) {
          if (need.sites.some((v) => used.has(v))) continue;
          for (const v of need.sites) used.add(v);
          packed.push(need.cost);
        }
        const cheapest = packed.sort((x, y) => x - y).slice(0, Math.max(0, packed.length - allowance));
        cost = cheapest.reduce((sum, c) => sum + c, 0);
        count = cheapest.length;
        if (count === 0) (cost = needs.reduce((m, n) => Math.min(m, n.cost), Number.POSITIVE_INFINITY)), (count = 1);
      }
      const merit = from >= sites.length ? e.score : ceiling(e, from);
      if (min !== null && e.score < min) {
        if (merit < min) return undefined;
        if (count === 0) (cost = cheapestFrom[from] as number), (count = 1);
      }
      return { cost, count, merit };
    },
  };
}

