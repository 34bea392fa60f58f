import type { DependencyEdge, DependencyGraph, NodeId, Tier } from '@deployment-manager/core/pure';
import { planSwaps, type ResolvedSwap, type SwapSpec } from './apply-swaps.ts';
import { DEFAULT_CATALOG, secretIdOf, type Capability, type Catalog, type CatalogEntry, type PortFact, type SecretKind } from '@deployment-manager/catalog';
import { createScoringState, resolveEntry, type ScoringState } from './scoring-state.ts';
import { suggestSwaps, suggestWithState, type SuggestOptions, type SwapSuggestion } from './suggest.ts';

/** A dependent that loses capabilities because its dependency was swapped. */
export interface CapabilityLoss {
  /** The dependent (a scenario or resource that used `from`). */
  readonly dependent: NodeId;
  /** The node replaced. */
  readonly from: NodeId;
  /** Its replacement. */
  readonly to: NodeId;
  /** What the dependent needs from `from`. */
  readonly needs: readonly Capability[];
  /** `declared` (edge attributes `capabilities`/`needs`) or `assumed` (the replaced entry's `assumedNeeds`). */
  readonly needsSource: 'declared' | 'assumed';
  /** Needed capabilities the replacement does not provide. */
  readonly lost: readonly Capability[];
}

/** A secret (names only, never a value) that appears or disappears, with the node that needs it. */
export interface SecretChange {
  /** Secret id, as secret plans and manifests name it (`postgres.password`). */
  readonly id: string;
  /** Environment variable its readers use. */
  readonly env: string;
  /** What it is. */
  readonly kind: SecretKind;
  /** Whether the dependency cannot start without it. */
  readonly required: boolean;
  /** The dependency that needs it. */
  readonly owner: NodeId;
}

/** A port that is freed or newly needed, with its owner. */
export interface PortChange extends PortFact {
  /** The dependency that listens on it. */
  readonly owner: NodeId;
}

/** Score before and after on one tier. */
export interface FitnessDelta {
  /** Graph score before the swaps. */
  readonly before: number;
  /** Graph score after. */
  readonly after: number;
  /** after - before. */
  readonly delta: number;
  /** Blockers before. */
  readonly blockersBefore: readonly NodeId[];
  /** Blockers after. */
  readonly blockersAfter: readonly NodeId[];
}

/**
 * The structured diff of a set of swaps. Secrets and ports are facts from the
 * catalog for the secrets and bundle packages; this package never decides
 * how a secret is obtained.
 */
export interface Cascade {
  /** The tier the cascade was computed for (swaps restricted to it; follow-ups on it). */
  readonly tier: Tier;
  /** Swaps that applied. */
  readonly applied: readonly ResolvedSwap[];
  /** Swaps whose `from` is not in the graph. */
  readonly skipped: readonly SwapSpec[];
  /** Capabilities lost per dependent (only non-empty losses). */
  readonly capabilitiesLost: readonly CapabilityLoss[];
  /** Dependencies added: the replacements and, transitively, their requirements. */
  readonly added: readonly { readonly id: NodeId; readonly reason: 'replacement' | 'requirement'; readonly by: NodeId }[];
  /** Dependencies removed: the replaced ones and those left orphaned. */
  readonly removed: readonly { readonly id: NodeId; readonly reason: 'replaced' | 'orphaned'; readonly by?: NodeId }[];
  /** Secret names no longer needed / newly needed / needed with other facts. */
  readonly secrets: { readonly removed: readonly SecretChange[]; readonly added: readonly SecretChange[]; readonly changed: readonly SecretChange[] };
  /** Ports freed / newly needed. */
  readonly ports: { readonly freed: readonly PortChange[]; readonly added: readonly PortChange[] };
  /** Graph score before -> after on every scored tier. */
  readonly fitness: Readonly<Partial<Record<Tier, FitnessDelta>>>;
  /** Swaps the new graph needs on `tier` that the old graph did not (e.g. for added requirements). */
  readonly followUps: readonly SwapSuggestion[];
  /** The new graph. */
  readonly graph: DependencyGraph;
}

/**
 * Computes the cascade of a set of swaps on a graph for a tier: what each
 * dependent loses, what is added (transitively) and removed (orphaned), which
 * secrets and ports appear or go, the score before -> after per tier, and the
 * follow-up swaps. The cascade of the empty set is empty.
 *
 * @example
 * ```ts
 * const c = cascade(graph, [parseSwapArg('postgres=sqlite')], 'desktop');
 * c.capabilitiesLost; // [{ dependent: 'scenario:picker-wheel', lost: ['jsonb'], needsSource: 'assumed', ... }]
 * c.secrets.removed.map((s) => s.id); // ['postgres.password', 'postgres.user']
 * ```
 */
export function cascade(graph: DependencyGraph, swaps: readonly SwapSpec[], tier: Tier, options: SuggestOptions = {}): Cascade {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const plan = planSwaps(graph, swaps, { catalog, tier });
  const next = plan.graph;
  const entryOf = (g: DependencyGraph, id: NodeId): CatalogEntry | undefined => {
    const node = g.nodes.find((n) => n.id === id);
    return node === undefined || node.id === g.root ? undefined : resolveEntry(catalog, node);
  };
  // The edges into each replaced node, in graph order (one pass, not one per swap).
  const into = new Map<NodeId, DependencyEdge[]>(plan.applied.map((s) => [s.from, []]));
  for (const e of graph.edges) into.get(e.to)?.push(e);
  const capabilitiesLost: CapabilityLoss[] = [];
  for (const s of plan.applied) {
    const fromEntry = entryOf(graph, s.from);
    const toEntry = entryOf(next, s.to);
    for (const e of into.get(s.from) ?? []) {
      if (plan.removed.has(e.from)) continue;
      const declared = declaredNeeds(e.attributes);
      const needs = declared ?? fromEntry?.assumedNeeds ?? [];
      const lost = needs.filter((c) => !(toEntry?.provides ?? []).includes(c)).sort();
      if (lost.length > 0) capabilitiesLost.push({ dependent: e.from, from: s.from, to: s.to, needs: [...needs].sort(), needsSource: declared === undefined ? 'assumed' : 'declared', lost });
    }
  }
  const secretsOf = (e: CatalogEntry): SecretFacts[] => (e.secrets ?? []).map((s) => ({ id: secretIdOf(e, s), env: s.env, kind: s.kind, required: s.required !== false }));
  const secretsBefore = facts(graph, catalog, secretsOf);
  const secretsAfter = facts(next, catalog, secretsOf);
  const portsBefore = facts(graph, catalog, (e) => e.ports);
  const portsAfter = facts(next, catalog, (e) => e.ports);
  const ids = (list: readonly SecretChange[]): Set<string> => new Set(list.map((x) => x.id));
  const portKey = (p: PortChange): string => `${p.owner}\u0000${p.name}\u0000${p.port}`;
  const beforeIds = ids(secretsBefore);
  const afterIds = ids(secretsAfter);
  const changed = secretsAfter.filter((a) => {
    const b = secretsBefore.filter((x) => x.id === a.id);
    return b.length > 0 && !b.some((x) => x.kind === a.kind && x.required === a.required);
  });
  const stateBefore = createScoringState(graph, options);
  const stateAfter = next === graph ? stateBefore : createScoringState(next, options);
  const fitness = Object.fromEntries(
    stateBefore.tiers.map((t) => {
      const before = stateBefore.score(t);
      const after = stateAfter.score(t);
      return [t, { before, after, delta: Math.round((after - before) * 100) / 100, blockersBefore: stateBefore.blockers(t), blockersAfter: stateAfter.blockers(t) }];
    }),
  );
  // Suggestions score `tier` whatever options.tiers says: reuse the states when they score it.
  const suggest = (g: DependencyGraph, state: ScoringState): SwapSuggestion[] =>
    state.tiers.includes(tier) ? suggestWithState(state, g, tier, options) : suggestSwaps(g, tier, options);
  const known = new Set(next === graph ? [] : suggest(graph, stateBefore).map((s) => `${s.from}>${s.to}`));
  const followUps = next === graph ? [] : suggest(next, stateAfter).filter((s) => !known.has(`${s.from}>${s.to}`));
  const afterPorts = new Set(portsAfter.map(portKey));
  const beforePorts = new Set(portsBefore.map(portKey));
  return {
    tier,
    applied: plan.applied,
    skipped: plan.skipped,
    capabilitiesLost,
    added: [...plan.added].map(([id, v]) => ({ id, ...v })).sort((a, b) => cmp(a.id, b.id)),
    removed: [...plan.removed].map(([id, v]) => ({ id, ...v })).sort((a, b) => cmp(a.id, b.id)),
    secrets: {
      removed: secretsBefore.filter((s) => !afterIds.has(s.id)),
      added: secretsAfter.filter((s) => !beforeIds.has(s.id)),
      changed,
    },
    ports: { freed: portsBefore.filter((p) => !afterPorts.has(portKey(p))), added: portsAfter.filter((p) => !beforePorts.has(portKey(p))) },
    fitness,
    followUps,
    graph: next,
  };
}

/** Needs a dependent declared on an edge (`capabilities` or `needs`: a list of strings), if any. */
export function declaredNeeds(attributes: Readonly<Record<string, unknown>>): Capability[] | undefined {
  for (const key of ['capabilities', 'needs']) {
    const v = attributes[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  }
  return undefined;
}

/** The facts of a secret that a cascade reports. */
type SecretFacts = Omit<SecretChange, 'owner'>;

function facts<T extends object>(graph: DependencyGraph, catalog: Catalog, pick: (e: CatalogEntry) => readonly T[]): (T & { owner: NodeId })[] {
  const out: (T & { owner: NodeId })[] = [];
  for (const n of graph.nodes) {
    if (n.id === graph.root) continue;
    const entry = resolveEntry(catalog, n);
    if (entry !== undefined) for (const f of pick(entry)) out.push({ ...f, owner: n.id });
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
