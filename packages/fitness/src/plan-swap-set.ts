// The cheapest set of swaps that ships a graph on a tier: no blockers and,
// optionally, a minimum score, at the least effort and capability loss. An
// exact branch and bound over the candidate swaps, each set scored on the
// incremental scoring state with the meaning applySwaps gives it.
import { SdkError, createGraph, type DependencyGraph, type NodeId, type Tier } from '@deployment-manager/core/pure';
import { planSwaps } from './apply-swaps.ts';
import { applySwapSet, type NodeSwap } from './apply-swap-set.ts';
import { DEFAULT_CATALOG } from '@deployment-manager/catalog';
import { weightUnits } from './graph-score.ts';
import { createScoringState, type ScoreOptions, type ScoringState } from './scoring-state.ts';
import { swapCandidates, type SuggestOptions, type SwapCandidate } from './suggest.ts';
import { createBounds, type ScoredSet } from './swap-bounds.ts';
import { brings, forbiddenNames, keptNodes } from './swap-limits.ts';
import { MILLI, mergeCosts, priceSites, type PricedSite, type SwapCostOverrides } from './swap-prices.ts';
import { requiredPathSites, swapReach } from './swap-reach.ts';
import { DEFAULT_MAX_EVALUATIONS, searchSwapSet, type SearchChoice, type SearchProblem, type SearchResult } from './swap-search.ts';
import type { Capability, SwapEffort } from '@deployment-manager/catalog';

/** Options of {@link planSwapSet}. */
export interface PlanSwapSetOptions extends SuggestOptions {
  /** Also reach at least this graph score on the tier (0..100). Default: only clear the blockers. */
  readonly minScore?: number;
  /** Dependencies never swapped: node ids (`resource:postgres`) or names. */
  readonly keep?: readonly string[];
  /** Replacements never used, nor any replacement that would bring one in as a requirement: catalog names. */
  readonly forbid?: readonly string[];
  /** Prices (resolution 0.001), over {@link DEFAULT_SWAP_COSTS}. */
  readonly costs?: SwapCostOverrides;
  /** How many alternative plans to return besides the best (default 3). */
  readonly alternatives?: number;
  /**
   * Swap sets the search may score before it stops and returns the best found with its
   * `gap` (default 20,000). With at most 13 candidate swaps every set fits in the default,
   * so the plan is always exact there.
   */
  readonly maxEvaluations?: number;
  /**
   * Nodes that block shipping for a reason outside fitness - e.g. the owners of infrastructure secrets the
   * secret plan blocks on: each counts as a blocker while the root reaches it through required edges
   * (swapping it out, or orphaning it, clears it).
   */
  readonly extraBlockers?: readonly NodeId[];
}

/** One swap of a plan. Also a `SwapSpec`: `applySwaps(graph, plan.swaps)` applies the plan. */
export interface PlannedSwap {
  /** The node replaced. */
  readonly from: NodeId;
  /** Catalog name of the replacement. */
  readonly to: string;
  /** Work needed. */
  readonly effort: SwapEffort;
  /** What changes for the app. */
  readonly note: string;
  /**
   * Capabilities a dependent of `from` needs (declared on its edge, else `from`'s assumed
   * needs) that `to` does not provide: what the cost charges. (`SwapSuggestion.lacks` lists
   * every capability `from` provides that `to` lacks, needed or not.)
   */
  readonly lacks: readonly Capability[];
  /** Its price: effort plus lost capabilities. */
  readonly cost: number;
  /** Blockers the plan would have without this swap: what it clears. */
  readonly clears: readonly NodeId[];
  /** Score points the plan would lose without it: its share of closing the score gap. */
  readonly scoreGain: number;
}

/** Another plan that reaches the goal, a little dearer (or as cheap, with fewer points). */
export interface SwapSetAlternative {
  /** Its swaps (each also a `SwapSpec`). */
  readonly swaps: readonly { readonly from: NodeId; readonly to: string; readonly effort: SwapEffort }[];
  /** Total price. */
  readonly cost: number;
  /** Graph score after it. */
  readonly score: number;
}

/** What {@link planSwapSet} found. */
export interface SwapSetPlan {
  /** Name of the root scenario. */
  readonly scenario: string;
  /** The tier planned for. */
  readonly tier: Tier;
  /** Whether the plan ships: no blocker left and the minimum score reached. */
  readonly feasible: boolean;
  /** The swaps, by `from`. */
  readonly swaps: readonly PlannedSwap[];
  /** Total price. */
  readonly cost: number;
  /** Graph score after the swaps. */
  readonly score: number;
  /** Graph score before. */
  readonly scoreBefore: number;
  /** The minimum score asked for, or null. */
  readonly minScore: number | null;
  /** Blockers before. */
  readonly blockersBefore: readonly NodeId[];
  /** Blockers after the swaps. */
  readonly blockersLeft: readonly NodeId[];
  /**
   * Blockers no set of the candidate swaps clears: nothing on a path to them can be swapped
   * (unknown dependencies, ones without a rule for the tier, kept ones), or the search proved
   * that no set clears them. While any is left the plan is the cheapest that clears every
   * other blocker (and reaches the score when it can).
   */
  readonly unclearable: readonly NodeId[];
  /** Other plans that reach the goal (none a superset of another), cheapest first. */
  readonly alternatives: readonly SwapSetAlternative[];
  /** Whether the plan is proven cheapest: the search explored or ruled out every candidate set. */
  readonly exact: boolean;
  /** When not exact: how much cheaper a plan the search did not rule out could be. */
  readonly gap?: number;
  /** Candidate swaps considered (after `keep` and `forbid`). */
  readonly candidates: number;
  /** Swap sets scored. */
  readonly evaluations: number;
}

/**
 * Plans the cheapest set of swaps that ships a graph on a tier: no blocker
 * left and, with `minScore`, at least that score, at the least cost (effort
 * plus capability loss, see {@link DEFAULT_SWAP_COSTS}); then fewer swaps,
 * then the higher score. Candidates are the swap rules of the tier, at most
 * one replacement per dependency, never of a `keep` dependency nor to a
 * `forbid` replacement. The search is exact (a branch and bound whose lower
 * bounds never overestimate) up to `maxEvaluations` scored sets; past it the
 * plan is the best found, `exact` is false and `gap` says how much cheaper an
 * unexplored plan could be. Each swap says what it clears; blockers no swap
 * can clear are named in `unclearable`. The score reported is the score of
 * `applySwaps(graph, plan.swaps)`.
 *
 * @example
 * ```ts
 * const plan = planSwapSet(graph, 'mobile', { minScore: 80, keep: ['postgres'] });
 * plan.swaps.map((s) => `${s.from} -> ${s.to} clears ${s.clears.join(', ')}`);
 * applySwaps(graph, plan.swaps); // the graph the plan ships
 * ```
 */
export function planSwapSet(graph: DependencyGraph, tier: Tier, options: PlanSwapSetOptions = {}): SwapSetPlan {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const minScore = checkMinScore(options.minScore);
  const costs = mergeCosts(options.costs);
  const maxEvaluations = checkCount('maxEvaluations', options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS, 1);
  const alternatives = checkCount('alternatives', options.alternatives ?? 3, 0);
  const scoreOptions = { ...options, tiers: [tier] };
  const { graph: g, state } = reachedState(graph, scoreOptions);
  const kept = keptNodes(g, catalog, options.keep ?? []);
  const forbidden = forbiddenNames(catalog, options.forbid ?? []);
  const sites = priceSites(g, costs, swapCandidates(state, g, tier, options).filter((c) => !kept.has(c.from) && !brings(catalog, c.toEntry.name, forbidden)));
  const present = new Set(g.nodes.map((n) => n.id));
  const extra = new Set((options.extraBlockers ?? []).filter((id) => state.has(id)));
  // An extra blocker blocks while required (rank 2), as a fitness blocker does: swapped out or orphaned, it is gone.
  const isBlocking = (st: ScoringState, id: NodeId): boolean => st.has(id) && (st.isBlocker(id, tier) || (extra.has(id) && st.rank(id) === 2));
  const blockersOf = (st: ScoringState): NodeId[] => [...new Set([...st.blockers(tier), ...[...extra].filter((id) => st.has(id) && st.rank(id) === 2)])].sort(cmp);
  const blockersBefore = blockersOf(state);
  const scoreBefore = state.score(tier);
  const blocking = new Set(blockersBefore);

  const reach = swapReach(g, catalog, sites.map((s) => ({ from: s.from, targets: s.options.map((o) => o.to) })));
  const points = nodePoints(state, g, tier, reach.potential, options);
  const paths = requiredPathSites(g, new Map(sites.map((site, i) => [site.from, i])), blockersBefore);
  // Decide first the sites on the most blockers' required paths, then those with the most to gain.
  const onPaths = sites.map((_, i) => blockersBefore.filter((b) => paths.get(b)?.includes(i) === true).length);
  const order = sites.map((_, i) => i).sort((a, b) => siteRank(b) - siteRank(a) || cmp((sites[a] as PricedSite).from, (sites[b] as PricedSite).from));
  function siteRank(i: number): number {
    const site = sites[i] as PricedSite;
    const own = points.get(site.from) ?? 0;
    const gain = Math.max(0, ...site.options.map((o) => (points.get(o.to) ?? 0) - own));
    return (onPaths[i] as number) * 1e6 + gain;
  }
  const ordered = order.map((i) => sites[i] as PricedSite);
  const affected = order.map((i) => reach.affected[i] as readonly NodeId[]);
  const position = new Map(order.map((i, v) => [i, v]));
  const orderedPaths = new Map([...paths].map(([b, list]) => [b, list.map((i) => position.get(i) as number)]));
  const bounds = createBounds(ordered, affected, orderedPaths, points, maxUnits(options));
  // A blocker on a required path without a swappable node, or with nothing swappable above it at all, stays.
  const unclearable = blockersBefore.filter((b) => (paths.get(b) ?? bounds.clearers(b)).length === 0 || bounds.clearers(b).length === 0);

  /** Runs `read` on the state of the graph after `swaps` (a trial when the state allows it). */
  const withSwaps = <T>(swaps: readonly NodeSwap[], read: (s: ScoringState) => T): T => {
    if (state.incremental) return state.trial(() => (applySwapSet(state, catalog, present, swaps), read(state)));
    const specs = swaps.map((s) => ({ from: s.from, to: s.to.slice('resource:'.length) }));
    return read(createScoringState(planSwaps(g, specs, { catalog }).graph, scoreOptions));
  };
  const optionOf = (c: SearchChoice): PricedSite['options'][number] => (ordered[c.variable] as PricedSite).options[c.option] as PricedSite['options'][number];
  /** Searches for the cheapest set that leaves at most `allowance` blockers that `count`, and reaches `min`. */
  const search = (counts: (id: NodeId) => boolean, allowance: number, min: number | null, budget: number) => {
    const openBefore = blockersBefore.filter(counts);
    const problem: SearchProblem<ScoredSet> = {
      variables: ordered,
      evaluate(choices, decided) {
        const swaps = choices.map(optionOf);
        const froms = new Set(swaps.map((o) => o.from));
        if (swaps.some((o) => froms.has(o.to))) return undefined; // a chain: resolveSwaps refuses it
        // Only what the chosen swaps can affect may have changed: re-check just those nodes.
        const touched = new Set(choices.flatMap((c) => affected[c.variable] as readonly NodeId[]));
        return withSwaps(swaps, (st) => {
          const open = openBefore.filter((b) => !touched.has(b));
          for (const id of touched) if (counts(id) && isBlocking(st, id)) open.push(id);
          const shares = new Map<NodeId, { units: number; points: number }>();
          for (const id of bounds.affectedFrom(decided)) {
            const share = st.has(id) ? st.share(id, tier) : undefined;
            if (share !== undefined) shares.set(id, share);
          }
          return { chosen: new Set(choices.map((c) => c.variable)), open, score: st.score(tier), ...st.totals(tier), shares };
        });
      },
      reaches: (e) => e.open.length <= allowance && (min === null || e.score >= min),
      bound: (e, from) => bounds.bound(e, from, min, allowance),
      merit: (e) => e.score,
    };
    return searchSwapSet(problem, { maxEvaluations: budget, keep: alternatives + 1 });
  };

  // The goal. When it cannot be reached because some blockers cannot be cleared, name them (a
  // search each: can any set clear this one?) and plan the cheapest set that clears the others;
  // when the score cannot be reached too, clear what can be cleared; when the others cannot all
  // be cleared together either, the cheapest set that leaves the fewest.
  const cannot = new Set(unclearable);
  let evaluations = 0;
  let exact = true;
  const run = (counts: (id: NodeId) => boolean, allowance: number, min: number | null): SearchResult<ScoredSet> => {
    const r = search(counts, allowance, min, maxEvaluations - evaluations);
    evaluations += r.evaluations;
    exact &&= r.exact;
    return r;
  };
  const others = (id: NodeId): boolean => !cannot.has(id);
  const spent = (): boolean => evaluations >= maxEvaluations;
  let result = run(others, 0, minScore);
  if (result.solutions.length === 0 && result.exact) {
    const before = cannot.size;
    for (const b of blockersBefore) {
      if (cannot.has(b) || spent()) continue;
      const alone = run((id) => id === b, 0, null);
      if (alone.solutions.length === 0 && alone.exact) cannot.add(b);
    }
    if (cannot.size > before && !spent()) result = run(others, 0, minScore);
  }
  if (result.solutions.length === 0 && minScore !== null && !spent()) result = run(others, 0, null);
  for (let allowance = 1; result.solutions.length === 0 && result.exact && !spent() && allowance <= blockersBefore.length; allowance++) {
    result = run(others, allowance, null);
  }
  const best = result.solutions[0];
  const picks = best?.choices ?? [];
  const chosen = picks.map(optionOf);
  const final = withSwaps(chosen, (st) => ({ blockers: blockersOf(st), score: st.score(tier) }));
  const left = new Set(final.blockers);
  const planned: PlannedSwap[] = picks
    .map((pick) => {
      const o = optionOf(pick);
      // Without one swap, only what it can affect can be a blocker the plan does not have.
      const without = withSwaps(chosen.filter((x) => x !== o), (st) => ({
        clears: (affected[pick.variable] as readonly NodeId[]).filter((id) => !left.has(id) && isBlocking(st, id)).sort(),
        score: st.score(tier),
      }));
      return {
        from: o.from,
        to: o.toEntry.name,
        effort: o.rule.effort,
        note: o.rule.note,
        lacks: o.lacks,
        cost: o.cost / MILLI,
        clears: without.clears,
        scoreGain: Math.round((final.score - without.score) * 100) / 100,
      };
    })
    .sort((a, b) => cmp(a.from, b.from));
  const plan: SwapSetPlan = {
    scenario: g.nodes.find((n) => n.id === g.root)?.name ?? g.root,
    tier,
    feasible: final.blockers.length === 0 && (minScore === null || final.score >= minScore),
    swaps: planned,
    cost: (best?.cost ?? 0) / MILLI,
    score: final.score,
    scoreBefore,
    minScore,
    blockersBefore,
    blockersLeft: final.blockers,
    unclearable: blockersBefore.filter((b) => cannot.has(b)),
    alternatives: result.solutions.slice(1).map((s) => ({
      swaps: s.choices
        .map(optionOf)
        .map((o) => ({ from: o.from, to: o.toEntry.name, effort: o.rule.effort }))
        .sort((a, b) => cmp(a.from, b.from)),
      cost: s.cost / MILLI,
      score: s.evaluation.score,
    })),
    exact,
    candidates: sites.reduce((n, s) => n + s.options.length, 0),
    evaluations,
  };
  return exact || best === undefined ? plan : { ...plan, gap: Math.max(0, best.cost - result.lowerBound) / MILLI };
}

/** Points (score x100) on the tier of every known node the search may meet: the graph's, and the potential ones scored as the state scores them. */
function nodePoints(state: ScoringState, graph: DependencyGraph, tier: Tier, potential: readonly NodeId[], options: ScoreOptions): Map<NodeId, number> {
  const out = new Map<NodeId, number>();
  const read = (s: ScoringState, ids: readonly NodeId[]): void => {
    for (const id of ids) {
      const share = s.share(id, tier);
      if (share !== undefined) out.set(id, share.points);
    }
  };
  read(state, graph.nodes.map((n) => n.id));
  if (potential.length > 0) {
    const root: NodeId = 'scenario:potential-replacements';
    read(createScoringState(createGraph({ root, edges: potential.map((to) => ({ from: root, to })) }), { ...options, tiers: [tier] }), potential);
  }
  return out;
}

/** The heaviest weight a node can have (units of the state). */
function maxUnits(options: PlanSwapSetOptions): number {
  return Math.max(...weightUnits(options.weights));
}

/**
 * The graph restricted to what its root reaches (what applySwaps deploys), and its scoring
 * state; the graph itself when the root reaches all of it, as it does in built graphs.
 */
function reachedState(graph: DependencyGraph, options: ScoreOptions): { graph: DependencyGraph; state: ScoringState } {
  const state = createScoringState(graph, options);
  const reached = new Set(graph.nodes.filter((n) => state.rank(n.id) >= 0).map((n) => n.id));
  if (reached.size === graph.nodes.length) return { graph, state };
  const g = createGraph({
    root: graph.root,
    policy: graph.policy,
    nodes: graph.nodes.filter((n) => reached.has(n.id)).map((n) => ({ id: n.id, defined: n.defined })),
    edges: graph.edges.filter((e) => reached.has(e.from) && reached.has(e.to)),
    diagnostics: graph.diagnostics,
  });
  return { graph: g, state: createScoringState(g, options) };
}

function checkMinScore(v: number | undefined): number | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) {
    throw new SdkError('INVALID_ARGUMENT', `minimum score ${String(v)} is not a number from 0 to 100`, { hint: 'pass a score such as 80' });
  }
  return v;
}

function checkCount(name: string, v: number, least: number): number {
  if (!Number.isInteger(v) || v < least) throw new SdkError('INVALID_ARGUMENT', `${name} ${String(v)} is not an integer of at least ${least}`, { hint: `pass ${name} as a whole number` });
  return v;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
