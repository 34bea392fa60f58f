import type { DependencyGraph, NodeId } from '@deployment-manager/core';
import { edgeRank, type RoleRank } from './roles.ts';

/** A graph's edges by node index, both ways, for the scoring state. */
export interface EdgeIndex {
  /** Calls `visit` with the target and rank of every edge out of node `i`. */
  forEachOut(i: number, visit: (to: number, rank: RoleRank) => void): void;
  /** Calls `visit` with the source and rank of every edge into node `i`. */
  forEachIn(i: number, visit: (from: number, rank: RoleRank) => void): void;
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

/** The graph's own edges as flat arrays: shared by every state of one graph (graphs are immutable). */
interface BaseEdges {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly ranks: Int8Array;
  readonly out: { readonly start: Int32Array; readonly edges: Int32Array };
  readonly in: { readonly start: Int32Array; readonly edges: Int32Array };
}

const BASE = new WeakMap<DependencyGraph, BaseEdges>();

/** The graph's edges by node position in `graph.nodes`, built once per graph. */
function baseEdges(graph: DependencyGraph): BaseEdges {
  let base = BASE.get(graph);
  if (base !== undefined) return base;
  const position = new Map<NodeId, number>();
  graph.nodes.forEach((node, i) => position.set(node.id, i));
  const m = graph.edges.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const ranks = new Int8Array(m);
  graph.edges.forEach((e, k) => {
    source[k] = position.get(e.from) as number;
    target[k] = position.get(e.to) as number;
    ranks[k] = edgeRank(e);
  });
  base = { source, target, ranks, out: groupBy(source, graph.nodes.length), in: groupBy(target, graph.nodes.length) };
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
  const { source, target, ranks, out, in: inn } = baseEdges(graph);
  const addedOut = new Map<number, AddedEdge[]>();
  const addedIn = new Map<number, AddedEdge[]>();
  const log: AddedEdge[] = [];
  return {
    forEachOut(i, visit) {
      for (let k = out.start[i] ?? 0, end = out.start[i + 1] ?? 0; k < end; k++) {
        const e = out.edges[k] as number;
        visit(target[e] as number, ranks[e] as RoleRank);
      }
      for (const e of addedOut.get(i) ?? []) visit(e.to, e.rank);
    },
    forEachIn(i, visit) {
      for (let k = inn.start[i] ?? 0, end = inn.start[i + 1] ?? 0; k < end; k++) {
        const e = inn.edges[k] as number;
        visit(source[e] as number, ranks[e] as RoleRank);
      }
      for (const e of addedIn.get(i) ?? []) visit(e.from, e.rank);
    },
    add(from, to, rank) {
      const e = { from, to, rank };
      log.push(e);
      const outs = addedOut.get(from);
      if (outs === undefined) addedOut.set(from, [e]);
      else outs.push(e);
      const ins = addedIn.get(to);
      if (ins === undefined) addedIn.set(to, [e]);
      else ins.push(e);
    },
    added: () => log.length,
    truncate(count) {
      // Each list got its edges in log order, so the last of the log is the last of its lists.
      while (log.length > count) {
        const e = log.pop() as AddedEdge;
        (addedOut.get(e.from) as AddedEdge[]).pop();
        (addedIn.get(e.to) as AddedEdge[]).pop();
      }
    },
  };
}

/** Edge numbers grouped by `key` (a counting sort): node i's edges are `edges[start[i] .. start[i + 1])`. */
function groupBy(key: Int32Array, n: number): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const i of key) start[i + 1] = (start[i + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const next = start.slice(0, n);
  const edges = new Int32Array(key.length);
  key.forEach((i, k) => {
    edges[next[i] as number] = k;
    next[i] = (next[i] as number) + 1;
  });
  return { start, edges };
}
