// What a swap can touch. Every graph a set of candidate swaps can produce has
// its edges among those of one "union" graph: the graph's own edges, an edge
// from each swapped node to each of its possible replacements, and from each
// replacement to its catalog requirements (or their possible replacements).
// A node outside everything below a swapped node in that union keeps its
// role, score and blocker status whatever else the set does - the fact the
// planner's lower bounds rest on.
import { dependenciesOf, nodeId, type DependencyGraph, type NodeId } from '@deployment-manager/core/pure';
import { lookupEntry, type Catalog } from '@deployment-manager/catalog';

/** A node that may be swapped, and the nodes that may replace it. */
export interface SwapSite {
  /** The node. */
  readonly from: NodeId;
  /** Its possible replacements (`resource:<name>`). */
  readonly targets: readonly NodeId[];
}

/** What each swap site can affect. */
export interface SwapReach {
  /** Per site, in input order: the site itself and every node below it in the union graph. */
  readonly affected: readonly (readonly NodeId[])[];
  /** Nodes a swap set can bring in that the graph does not have (replacements and their requirements). */
  readonly potential: readonly NodeId[];
}

/** Computes the {@link SwapReach} of swap sites on a graph whose nodes the root all reaches. */
export function swapReach(graph: DependencyGraph, catalog: Catalog, sites: readonly SwapSite[]): SwapReach {
  const present = new Set(graph.nodes.map((n) => n.id));
  const out = new Map<NodeId, Set<NodeId>>();
  const link = (from: NodeId, to: NodeId): void => {
    let set = out.get(from);
    if (set === undefined) out.set(from, (set = new Set()));
    set.add(to);
  };
  const targetsOf = new Map(sites.map((s) => [s.from, s.targets]));
  const potential = new Set<NodeId>();
  // Requirements of replacements, breadth first, each one also standing for its own possible replacements.
  const todo: NodeId[] = [];
  const expanded = new Set<NodeId>();
  for (const site of sites) {
    for (const t of site.targets) {
      link(site.from, t);
      todo.push(t);
    }
  }
  for (let head = 0; head < todo.length; head++) {
    const id = todo[head] as NodeId;
    if (expanded.has(id)) continue;
    expanded.add(id);
    if (!present.has(id)) potential.add(id);
    for (const req of lookupEntry(catalog, id.slice(id.indexOf(':') + 1))?.requires ?? []) {
      const r = nodeId('resource', req);
      for (const to of [r, ...(targetsOf.get(r) ?? [])]) {
        link(id, to);
        // A present node keeps its own edges; only new nodes bring their requirements.
        if (!present.has(to) || to !== r) todo.push(to);
      }
    }
  }
  const below = (start: NodeId): NodeId[] => {
    const seen = new Set<NodeId>([start]);
    const stack = [start];
    while (stack.length > 0) {
      const v = stack.pop() as NodeId;
      // The graph's own edges (adjacency cached per graph by core), then the ones swaps can add.
      for (const w of present.has(v) ? dependenciesOf(graph, v) : []) if (!seen.has(w)) (seen.add(w), stack.push(w));
      for (const w of out.get(v) ?? []) if (!seen.has(w)) (seen.add(w), stack.push(w));
    }
    return [...seen];
  };
  return { affected: sites.map((s) => below(s.from)), potential: [...potential].sort() };
}

/**
 * For each target node: the sites on one required path from the root to it that passes the
 * fewest sites (the target itself included when it is a site), or no entry when no required path
 * reaches it. While none of those sites is swapped the path survives every swap set - its nodes
 * and edges stay as they are - so clearing the target as a blocker takes a swap of one of them.
 * A 0-1 breadth-first search over required edges: entering a site costs 1.
 */
export function requiredPathSites(graph: DependencyGraph, siteOf: ReadonlyMap<NodeId, number>, targets: readonly NodeId[]): Map<NodeId, number[]> {
  const required = new Map<NodeId, NodeId[]>();
  for (const e of graph.edges) if (e.required) (required.get(e.from) ?? required.set(e.from, []).get(e.from))?.push(e.to);
  const cost = new Map<NodeId, number>([[graph.root, 0]]);
  const via = new Map<NodeId, NodeId>();
  // The deque as a stack of nodes at the current cost (taken first) and a queue of the next ones.
  const now: NodeId[] = [graph.root];
  const later: NodeId[] = [];
  let head = 0;
  while (now.length > 0 || head < later.length) {
    const v = (now.length > 0 ? now.pop() : later[head++]) as NodeId;
    const cv = cost.get(v) as number;
    for (const w of required.get(v) ?? []) {
      const step = siteOf.has(w) ? 1 : 0;
      if ((cost.get(w) ?? Number.POSITIVE_INFINITY) <= cv + step) continue;
      cost.set(w, cv + step);
      via.set(w, v);
      (step === 0 ? now : later).push(w);
    }
  }
  const out = new Map<NodeId, number[]>();
  for (const t of targets) {
    if (!cost.has(t)) continue;
    const sites: number[] = [];
    for (let v: NodeId | undefined = t; v !== undefined; v = via.get(v)) {
      const s = siteOf.get(v);
      if (s !== undefined) sites.push(s);
    }
    out.set(t, sites);
  }
  return out;
}
