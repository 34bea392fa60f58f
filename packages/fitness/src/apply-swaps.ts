import { SdkError, createGraph, isTier, nodeId, type DependencyGraph, type EdgeInput, type NodeId, type Tier } from '@deployment-manager/core/pure';
import { DEFAULT_CATALOG, lookupEntry, normalizeName, type Catalog } from '@deployment-manager/catalog';

/**
 * A swap as users and other packages express it: replace `from` (a node id
 * such as `resource:postgres`, or a bare name) by the catalog dependency `to`,
 * optionally only on some tiers.
 */
export interface SwapSpec {
  /** Node id of the dependency to replace, or the name of a resource (a scenario is named by its id). */
  readonly from: string;
  /** Catalog name (or `resource:<name>`) of the replacement. */
  readonly to: string;
  /** Tiers the swap applies to; absent = every tier. */
  readonly tiers?: readonly Tier[];
}

/** A swap resolved against a graph: concrete node ids. */
export interface ResolvedSwap {
  /** The node replaced. */
  readonly from: NodeId;
  /** The node replacing it. */
  readonly to: NodeId;
  /** The spec it came from. */
  readonly spec: SwapSpec;
}

/** Options of {@link applySwaps}. */
export interface ApplySwapsOptions {
  /** Catalog used to resolve names and requirements (default: built-in). */
  readonly catalog?: Catalog;
  /** Apply only swaps meant for this tier (swaps without `tiers` always apply). */
  readonly tier?: Tier;
}

/** Everything a swap application did, for {@link cascade}. */
export interface SwapPlan {
  /** The new graph. */
  readonly graph: DependencyGraph;
  /** Swaps that applied (their `from` was in the graph), sorted by `from`. */
  readonly applied: readonly ResolvedSwap[];
  /** Swaps whose `from` is not in the graph (no-ops). */
  readonly skipped: readonly SwapSpec[];
  /** Nodes that are new, with why: `replacement` or `requirement` (of the node named). */
  readonly added: ReadonlyMap<NodeId, { readonly reason: 'replacement' | 'requirement'; readonly by: NodeId }>;
  /** Nodes that are gone, with why: `replaced` (by the node named) or `orphaned`. */
  readonly removed: ReadonlyMap<NodeId, { readonly reason: 'replaced' | 'orphaned'; readonly by?: NodeId }>;
}

/**
 * Parses a command-line swap `from=to` (optionally `from=to@desktop,mobile`).
 *
 * @example
 * ```ts
 * parseSwapArg('postgres=sqlite');            // { from: 'postgres', to: 'sqlite' }
 * parseSwapArg('ollama=openrouter@mobile');   // { from: 'ollama', to: 'openrouter', tiers: ['mobile'] }
 * ```
 */
export function parseSwapArg(arg: string): SwapSpec {
  const m = /^\s*([^=@\s]+)\s*=\s*([^=@\s]+)\s*(?:@\s*(\S+))?\s*$/.exec(arg);
  if (m === null) {
    throw new SdkError('SWAP_INVALID', `swap "${arg}" is not of the form from=to`, { hint: 'write a swap as postgres=sqlite (optionally postgres=sqlite@desktop,mobile)' });
  }
  const [, from, to, tierList] = m as unknown as [string, string, string, string | undefined];
  if (tierList === undefined) return { from, to };
  const tiers = tierList.split(',').map((t) => t.trim());
  const bad = tiers.find((t) => !isTier(t));
  if (bad !== undefined) throw new SdkError('SWAP_INVALID', `swap "${arg}" names tier "${bad}", which is not a deployment tier`, { hint: 'use local, desktop, mobile, saas or enterprise' });
  return { from, to, tiers: tiers as Tier[] };
}

/** Resolves swap specs against a graph; throws `SWAP_INVALID` for unknown targets, conflicts and chains. */
export function resolveSwaps(graph: DependencyGraph, swaps: readonly SwapSpec[], options: ApplySwapsOptions = {}): { applied: ResolvedSwap[]; skipped: SwapSpec[] } {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const applied = new Map<NodeId, ResolvedSwap>();
  const skipped: SwapSpec[] = [];
  for (const spec of swaps) {
    if (options.tier !== undefined && spec.tiers !== undefined && !spec.tiers.includes(options.tier)) continue;
    const to = resolveTarget(catalog, spec);
    const from = resolveSource(graph, catalog, spec);
    if (from === undefined) {
      skipped.push(spec);
      continue;
    }
    if (from === graph.root) throw swapError(spec, 'replaces the root scenario', 'swap one of its dependencies instead');
    if (from === to) throw swapError(spec, 'replaces a dependency by itself', 'name two different dependencies');
    const prior = applied.get(from);
    if (prior !== undefined && prior.to !== to) throw swapError(spec, `conflicts with ${prior.spec.from}=${prior.spec.to}`, 'give one replacement per dependency');
    applied.set(from, { from, to, spec });
  }
  for (const s of applied.values()) {
    if (applied.has(s.to)) throw swapError(s.spec, `chains into another swap of ${s.to}`, 'swap the first dependency straight to the final replacement');
  }
  return { applied: [...applied.values()].sort((a, b) => (a.from < b.from ? -1 : 1)), skipped };
}

/**
 * Applies a set of swaps at once and returns the new graph: each replaced
 * node's incoming edges move to its replacement (keeping their attributes,
 * plus `swappedFrom`), the replacement's catalog requirements are added
 * transitively, and dependencies left unreachable are removed (so are nodes
 * the root never reached: they are not deployed). The set is applied
 * simultaneously, so order does not matter; applying it twice is the same as
 * once; swaps whose `from` is absent (or not reached from the root) are no-ops.
 *
 * @example
 * ```ts
 * const desktop = applySwaps(graph, [parseSwapArg('postgres=sqlite'), parseSwapArg('ollama=packaged-model')]);
 * ```
 */
export function applySwaps(graph: DependencyGraph, swaps: readonly SwapSpec[], options: ApplySwapsOptions = {}): DependencyGraph {
  return planSwaps(graph, swaps, options).graph;
}

/** Like {@link applySwaps}, returning what was added and removed, and why. */
export function planSwaps(graph: DependencyGraph, swaps: readonly SwapSpec[], options: ApplySwapsOptions = {}): SwapPlan {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const resolved = resolveSwaps(graph, swaps, options);
  const before = reachable(graph.root, graph.edges);
  // A swap of a node the root does not reach changes nothing that is deployed: a no-op.
  const applied = resolved.applied.filter((s) => before.has(s.from));
  const skipped = [...resolved.skipped, ...resolved.applied.filter((s) => !before.has(s.from)).map((s) => s.spec)];
  if (applied.length === 0) return { graph, applied, skipped, added: new Map(), removed: new Map() };
  const replace = new Map(applied.map((s) => [s.from, s.to]));
  // Only what the root reaches is deployed: nodes it does not reach take no part (a swap that
  // connects one must not revive its old edges, or applying the set twice would differ).
  const present = before;
  // Requirements a replacement brings in follow every swap of the set, also those whose source
  // is absent now - otherwise a second application would swap the requirement it added.
  const requirementReplace = new Map([...absentSwapSources(graph, swaps, options, catalog), ...replace]);
  const added = new Map<NodeId, { reason: 'replacement' | 'requirement'; by: NodeId }>();
  const edges: EdgeInput[] = [];
  // Pairs of the redirected and added edges: the only pairs that can now have two edges.
  const movedPairs = new Map<NodeId, Set<NodeId>>();
  const move = (e: EdgeInput): void => {
    edges.push(e);
    const targets = movedPairs.get(e.from);
    if (targets === undefined) movedPairs.set(e.from, new Set([e.to]));
    else targets.add(e.to);
  };
  for (const e of graph.edges) {
    if (replace.has(e.from) || !before.has(e.from)) continue;
    const target = replace.get(e.to);
    if (target === undefined) edges.push(e);
    else move({ ...e, to: target, attributes: { ...e.attributes, swappedFrom: [...swappedFrom(e.attributes), e.to].sort() } });
  }
  for (const s of applied) if (!present.has(s.to) && !added.has(s.to)) added.set(s.to, { reason: 'replacement', by: s.from });
  for (const r of requirementEdges(catalog, applied.map((s) => s.to), requirementReplace, present)) {
    move({ from: r.from, to: r.to, required: true, enabled: true, source: { file: '<swap>', path: '' }, attributes: { addedBy: 'swap', requiredBy: r.requiredBy } });
    if (!present.has(r.to) && !added.has(r.to)) added.set(r.to, { reason: 'requirement', by: r.from });
  }
  const after = reachable(graph.root, edges);
  const removed = new Map<NodeId, { reason: 'replaced' | 'orphaned'; by?: NodeId }>();
  for (const s of applied) removed.set(s.from, { reason: 'replaced', by: s.to });
  for (const n of graph.nodes) if (!removed.has(n.id) && before.has(n.id) && !after.has(n.id)) removed.set(n.id, { reason: 'orphaned' });
  // The result is what the root reaches: a replacement whose only dependent was itself swapped out is not deployed.
  for (const id of [...added.keys()]) if (!after.has(id)) added.delete(id);
  const keep = (id: NodeId): boolean => after.has(id) && !removed.has(id);
  const defined = new Map(graph.nodes.filter((n) => before.has(n.id)).map((n) => [n.id, n.defined]));
  const nodes = [...defined.keys(), ...added.keys()].filter(keep).map((id) => ({ id, defined: defined.get(id) ?? false }));
  const unique: EdgeInput[] = [];
  const shared: EdgeInput[] = [];
  for (const e of edges) if (keep(e.from) && keep(e.to)) (movedPairs.get(e.from)?.has(e.to) === true ? shared : unique).push(e);
  const next = createGraph({ root: graph.root, policy: graph.policy, nodes, edges: [...unique, ...mergeEdges(shared)], diagnostics: graph.diagnostics });
  return { graph: next, applied, skipped, added, removed };
}

/** A required edge a replacement brings in: `from` needs `to` because catalog entry `requiredBy` requires it. */
export interface RequirementEdge {
  /** The replacement (or a requirement of it). */
  readonly from: NodeId;
  /** What it requires. */
  readonly to: NodeId;
  /** Catalog name of the entry that requires it. */
  readonly requiredBy: string | undefined;
}

/**
 * The edges replacements bring in, breadth first: from each replacement an
 * edge to every catalog requirement (itself replaced when it is being swapped
 * out), and on through the requirements of requirements that are new to the
 * graph (`present` nodes keep the edges they have).
 */
export function requirementEdges(catalog: Catalog, replacements: readonly NodeId[], replace: ReadonlyMap<NodeId, NodeId>, present: ReadonlySet<NodeId>): RequirementEdge[] {
  const out: RequirementEdge[] = [];
  const todo = [...replacements];
  const expanded = new Set<NodeId>();
  for (let head = 0; head < todo.length; head++) {
    const id = todo[head] as NodeId;
    if (expanded.has(id)) continue;
    expanded.add(id);
    const entry = lookupEntry(catalog, id.slice(id.indexOf(':') + 1));
    for (const req of entry?.requires ?? []) {
      const reqId = replace.get(nodeId('resource', req)) ?? nodeId('resource', req);
      if (reqId === id) continue;
      out.push({ from: id, to: reqId, requiredBy: entry?.name });
      if (!present.has(reqId)) todo.push(reqId);
    }
  }
  return out;
}

/** Sources a redirected edge came from (`swappedFrom`, a sorted list). */
function swappedFrom(attributes: Readonly<Record<string, unknown>> | undefined): NodeId[] {
  const v = attributes?.['swappedFrom'];
  return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as NodeId[]) : [];
}

/**
 * Merges edges that now share (from, to). The edge of the smallest origin
 * (its first `swappedFrom`, else its own target) gives the attributes and
 * source; `swappedFrom` lists are united; flags are OR-ed. Taking a minimum
 * keeps the result the same whatever order the swaps were applied in.
 */
function mergeEdges(edges: readonly EdgeInput[]): EdgeInput[] {
  const origin = (e: EdgeInput): string => swappedFrom(e.attributes)[0] ?? e.to;
  const merged = new Map<string, EdgeInput>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const prior = merged.get(key);
    if (prior === undefined) {
      merged.set(key, e);
      continue;
    }
    const [win, lose] = origin(e) < origin(prior) ? [e, prior] : [prior, e];
    const sources = [...new Set([...swappedFrom(win.attributes), ...swappedFrom(lose.attributes)])].sort();
    merged.set(key, {
      ...win,
      required: (win.required ?? true) || (lose.required ?? true),
      enabled: (win.enabled ?? true) || (lose.enabled ?? true),
      attributes: { ...win.attributes, ...(sources.length > 0 ? { swappedFrom: sources } : {}) },
    });
  }
  return [...merged.values()];
}

function resolveTarget(catalog: Catalog, spec: SwapSpec): NodeId {
  const name = spec.to.startsWith('resource:') ? spec.to.slice('resource:'.length) : spec.to;
  const entry = lookupEntry(catalog, name);
  if (entry === undefined || spec.to.startsWith('scenario:')) {
    throw swapError(spec, `names "${spec.to}", which is not in the capability catalog`, 'swap to a catalog dependency (see suggestSwaps) or add an entry with createCatalog');
  }
  return nodeId('resource', entry.name);
}

// A bare name names a resource, never a scenario (a scenario is swapped by its id), as in
// absentSwapSources: were a scenario of the same name a fallback, applying a set twice would swap
// that scenario once the resource was gone, and applySwaps would not be idempotent.
function resolveSource(graph: DependencyGraph, catalog: Catalog, spec: SwapSpec): NodeId | undefined {
  if (/^(resource|scenario):/.test(spec.from)) return graph.nodes.some((n) => n.id === spec.from) ? (spec.from as NodeId) : undefined;
  const want = normalizeName(spec.from);
  const canonical = catalog.index.get(want) ?? want;
  const matches = graph.nodes.filter(
    (n) => n.kind === 'resource' && (normalizeName(n.name) === want || normalizeName(n.name) === canonical || catalog.index.get(normalizeName(n.name)) === canonical),
  );
  if (matches.length > 1) throw swapError(spec, `matches ${matches.map((n) => n.id).join(', ')}`, 'name the node by id, e.g. resource:postgres');
  return matches[0]?.id;
}

/** Swaps of the set whose source is not in the graph, as source id -> replacement id (for requirement edges). */
function absentSwapSources(graph: DependencyGraph, swaps: readonly SwapSpec[], options: ApplySwapsOptions, catalog: Catalog): Map<NodeId, NodeId> {
  const out = new Map<NodeId, NodeId>();
  for (const spec of swaps) {
    if (options.tier !== undefined && spec.tiers !== undefined && !spec.tiers.includes(options.tier)) continue;
    if (resolveSource(graph, catalog, spec) !== undefined) continue;
    const from = /^(resource|scenario):/.test(spec.from) ? (spec.from as NodeId) : nodeId('resource', catalog.index.get(normalizeName(spec.from)) ?? normalizeName(spec.from));
    out.set(from, resolveTarget(catalog, spec));
  }
  return out;
}

function reachable(root: NodeId, edges: readonly { readonly from: NodeId; readonly to: NodeId }[]): Set<NodeId> {
  const out = new Map<NodeId, NodeId[]>();
  for (const e of edges) {
    let list = out.get(e.from);
    if (list === undefined) out.set(e.from, (list = []));
    list.push(e.to);
  }
  const seen = new Set<NodeId>([root]);
  const todo = [root];
  while (todo.length > 0) for (const w of out.get(todo.pop() as NodeId) ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
  return seen;
}

function swapError(spec: SwapSpec, what: string, hint: string): SdkError {
  return new SdkError('SWAP_INVALID', `swap ${spec.from}=${spec.to} ${what}`, { hint, details: { from: spec.from, to: spec.to } });
}
