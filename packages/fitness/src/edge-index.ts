import type { DependencyGraph, NodeId } from '@deployment-manager/core/pure';
import { edgeRank, type RoleRank } from './roles.ts';

/** A graph's edges by node index, for the scoring state. */
export interface EdgeIndex {
  /** Calls `visit` with the target and rank of every edge out of node `i`. */
  forEachOut(i: number, visit: (to: number, rank: RoleRank) => void): void;
  /** Adds an edge (between nodes of the graph or later ones). */
  add(from: number, to: number, rank: RoleRank): void;
  /** Number of edges added so far. */
  added(): number;
  /** Takes back the edges added after the first `count`. */
  truncate(count: number): void;
}

interface AddedEdge {
  readonly from: number;
  readonly to: number;
  readonly rank: RoleRank;
}

/** The graph's own edges as flat arrays: node i's edges are `edges[start[i] .. start[i + 1])`. */
interface BaseEdges {
  readonly start: Int32Array;
  readonly targets: Int32Array;
  readonly ranks: Int8Array;
}

// Graphs are immutable, so every scoring state of one graph shares its base edges.
const BASE = new WeakMap<DependencyGraph, BaseEdges>();

/** The graph's edges by node position in `graph.nodes` (a counting sort by source), built once per graph. */
function baseEdges(graph: DependencyGraph): BaseEdges {
  let base = BASE.get(graph);
  if (base !== undefined) return base;
  const position = new Map<NodeId, number>();
  graph.nodes.forEach((node, i) => position.set(node.id, i));
  const n = graph.nodes.length;
  const sources = graph.edges.map((e) => position.get(e.from) as number);
  const start = new Int32Array(n + 1);
  for (const i of sources) start[i + 1] = (start[i + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const next = start.slice(0, n);
  const targets = new Int32Array(graph.edges.length);
  const ranks = new Int8Array(graph.edges.length);
  graph.edges.forEach((e, k) => {
    const slot = next[sources[k] as number] as number;
    next[sources[k] as number] = slot + 1;
    targets[slot] = position.get(e.to) as number;
    ranks[slot] = edgeRank(e);
  });
  base = { start, targets, ranks };
  BASE.set(graph, base);
  return base;
}

/**
 * Indexes a graph's edges by node position in `graph.nodes` (later nodes get
 * the next numbers): the graph's own edges in flat typed arrays (a few bytes
 * an edge, no object per edge, which matters at 700k edges) built once per
 * graph, edges added later in per-node lists.
 */
export function indexEdges(graph: DependencyGraph): EdgeIndex {
  const { start, targets, ranks } = baseEdges(graph);
  const addedOut = new Map<number, AddedEdge[]>();
  const log: AddedEdge[] = [];
  return {
    forEachOut(i, visit) {
      for (let k = start[i] ?? 0, end = start[i + 1] ?? 0; k < end; k++) visit(targets[k] as number, ranks[k] as RoleRank);
      for (const e of addedOut.get(i) ?? []) visit(e.to, e.rank);
    },
    add(from, to, rank) {
      const e = { from, to, rank };
      log.push(e);
      const outs = addedOut.get(from);
      if (outs === undefined) addedOut.set(from, [e]);
      else outs.push(e);
    },
    added: () => log.length,
    truncate(count) {
      // A node's list got its edges in log order, so the last of the log is the last of its list.
      while (log.length > count) (addedOut.get((log.pop() as AddedEdge).from) as AddedEdge[]).pop();
    },
  };
}
