import type { DependencyGraph, NodeId, Tier } from '@deployment-manager/core/pure';
import { planSwaps, type SwapSpec } from './apply-swaps.ts';
import { applySwapSet } from './apply-swap-set.ts';
import { DEFAULT_CATALOG, checkVersion, lookupEntry, type Capability, type CatalogEntry, type SwapEffort, type SwapOffer } from '@deployment-manager/catalog';
import { createScoringState, resolveEntry, type ScoreOptions, type ScoringState } from './scoring-state.ts';

/** Options of {@link suggestSwaps}: the scoring options (the catalog's records say which swaps exist). */
export type SuggestOptions = ScoreOptions;

/** One suggested swap on one tier. */
export interface SwapSuggestion {
  /** The node to replace. */
  readonly from: NodeId;
  /** Catalog name of the replacement. */
  readonly to: string;
  /** The tier the gain was measured on. */
  readonly tier: Tier;
  /** Tiers the rule is meant for. */
  readonly tiers: readonly Tier[];
  /** Graph score after minus before on `tier` (can be 0 when the swap only clears a blocker). */
  readonly gain: number;
  /** Graph score before. */
  readonly before: number;
  /** Graph score after. */
  readonly after: number;
  /** Whether `from` is a blocker that the swap clears. */
  readonly clearsBlocker: boolean;
  /** Work needed. */
  readonly effort: SwapEffort;
  /** What changes for the app. */
  readonly note: string;
  /** Capabilities `from` provides that `to` does not. */
  readonly lacks: readonly Capability[];
  /** Catalog dependencies `to` brings in. */
  readonly requires: readonly string[];
}

const EFFORT_RANK: Readonly<Record<SwapEffort, number>> = { low: 0, medium: 1, high: 2 };

/**
 * Suggests swaps for a graph on one tier, ranked by the gain in graph score
 * (then by effort). Only swaps that raise the score or clear a blocker are
 * returned. Each says what the replacement lacks.
 *
 * @example
 * ```ts
 * suggestSwaps(graph, 'desktop').map((s) => `${s.from} -> ${s.to} (+${s.gain})`);
 * // ['resource:ollama -> openrouter (+9.5)', 'resource:postgres -> sqlite (+4.38)', ...]
 * ```
 */
export function suggestSwaps(graph: DependencyGraph, tier: Tier, options: SuggestOptions = {}): SwapSuggestion[] {
  return suggestWithState(createScoringState(graph, { ...options, tiers: [tier] }), graph, tier, options);
}

/**
 * A swap a catalog record offers for one node of a graph on a tier: the node
 * is reached, is a resource the catalog knows, the offer is meant for the
 * tier, and its replacement is in the catalog, is another node and meets
 * the version ranges the node's dependents declare.
 */
export interface SwapCandidate {
  /** The node to replace. */
  readonly from: NodeId;
  /** The entry it is scored as. */
  readonly fromEntry: CatalogEntry;
  /** The replacement's node id (`resource:<name>`). */
  readonly to: NodeId;
  /** The replacement's entry. */
  readonly toEntry: CatalogEntry;
  /** The offer. */
  readonly rule: SwapOffer;
}

/** Every swap the catalog offers for `graph` on `tier`, node by node in graph order; `state` (of `graph`) says which nodes are reached. */
export function swapCandidates(state: ScoringState, graph: DependencyGraph, tier: Tier, options: SuggestOptions = {}): SwapCandidate[] {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const ranges = declaredRanges(graph);
  const out: SwapCandidate[] = [];
  for (const node of graph.nodes) {
    if (node.id === graph.root || node.kind !== 'resource' || state.rank(node.id) < 0) continue;
    const fromEntry = resolveEntry(catalog, node);
    if (fromEntry === undefined) continue;
    for (const rule of fromEntry.swaps) {
      if (!rule.tiers.includes(tier)) continue;
      const toEntry = lookupEntry(catalog, rule.to);
      if (toEntry === undefined || !meetsRanges(toEntry, fromEntry.name, ranges.get(node.id))) continue;
      const to: NodeId = `resource:${toEntry.name}`;
      if (to !== node.id) out.push({ from: node.id, fromEntry, to, toEntry, rule });
    }
  }
  return out;
}

/** {@link suggestSwaps} on a scoring state of `graph` (made with the same options) that scores `tier`; the state is left as it was. */
export function suggestWithState(state: ScoringState, graph: DependencyGraph, tier: Tier, options: SuggestOptions = {}): SwapSuggestion[] {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const before = state.score(tier);
  const present = new Set(graph.nodes.map((n) => n.id));
  const out: SwapSuggestion[] = [];
  for (const { from, fromEntry, to, toEntry, rule } of swapCandidates(state, graph, tier, options)) {
    const wasBlocker = state.isBlocker(from, tier);
    let after: number;
    let stillBlocked: boolean;
    if (state.incremental) {
      // Score the swapped graph by changing only what the swap changes, then undo it.
      [after, stillBlocked] = state.trial(() => {
        applySwapSet(state, catalog, present, [{ from, to }]);
        return [state.score(tier), state.isBlocker(to, tier)] as const;
      });
    } else {
      const swapped = createScoringState(planSwaps(graph, [{ from, to: toEntry.name }], { catalog }).graph, { ...options, tiers: [tier] });
      after = swapped.score(tier);
      stillBlocked = swapped.blockers(tier).includes(to);
    }
    const gain = Math.round((after - before) * 100) / 100;
    const clearsBlocker = wasBlocker && !stillBlocked;
    if (gain <= 0 && !clearsBlocker) continue;
    out.push({
      from, to: toEntry.name, tier, tiers: rule.tiers, gain, before, after, clearsBlocker,
      effort: rule.effort, note: rule.note, lacks: lacking(fromEntry, toEntry), requires: toEntry.requires,
    });
  }
  return out.sort((a, b) => b.gain - a.gain || EFFORT_RANK[a.effort] - EFFORT_RANK[b.effort] || cmp(a.from, b.from) || cmp(a.to, b.to));
}

/**
 * The all-gains choice: the best suggestion of every dependency (the first of
 * each `from` in {@link suggestSwaps}' order), as swaps to apply - what
 * accepting every suggestion means.
 *
 * @example
 * ```ts
 * applySwaps(graph, allGainsSwaps(suggestSwaps(graph, 'desktop')));
 * ```
 */
export function allGainsSwaps(suggestions: readonly SwapSuggestion[]): SwapSpec[] {
  const best = new Map<NodeId, SwapSpec>();
  for (const s of suggestions) if (!best.has(s.from)) best.set(s.from, { from: s.from, to: s.to });
  return [...best.values()];
}

/** The version ranges dependents declare on their edges (`version` attribute), per dependency node. */
function declaredRanges(graph: DependencyGraph): Map<NodeId, string[]> {
  const out = new Map<NodeId, string[]>();
  for (const e of graph.edges) {
    const v = e.attributes['version'];
    if (typeof v === 'string') out.set(e.to, [...(out.get(e.to) ?? []), v]);
  }
  return out;
}

/** Whether a replacement satisfies every range declared against the dependency it replaces (ranges that do not apply to it pass). */
function meetsRanges(to: CatalogEntry, declaredFor: string, ranges: readonly string[] | undefined): boolean {
  return (ranges ?? []).every((r) => checkVersion(to, declaredFor, r).status !== 'unsatisfied');
}

/** Capabilities `from` provides that `to` does not, sorted. */
export function lacking(from: CatalogEntry, to: CatalogEntry): Capability[] {
  return from.provides.filter((c) => !to.provides.includes(c)).sort();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
