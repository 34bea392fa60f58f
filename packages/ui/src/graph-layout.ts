// Layered layout of a dependency graph by dagre: the dependent on the left,
// its dependencies to the right, every edge routed by the layout (its bend
// points included) so no edge passes under a box it does not belong to.
// Dense graphs (hundreds of edges across dozens of layers) would take dagre
// seconds: above a limit it lays out the longest-path tree only, and the other
// edges are drawn straight between their own boxes' borders.
import { Graph, layout } from '@dagrejs/dagre';
import type { DependencyGraph, NodeId } from '@deployment-manager/core/pure';

/** A placed node: its box's top-left corner and size. */
export interface LayoutNode {
  /** Node id. */
  readonly id: NodeId;
  /** Left edge. */
  readonly x: number;
  /** Top edge. */
  readonly y: number;
  /** Box width. */
  readonly width: number;
  /** Box height. */
  readonly height: number;
}

/** A routed edge: the points of its line, from the dependent's box to the dependency's. */
export interface LayoutEdge {
  /** The dependent. */
  readonly from: NodeId;
  /** The dependency. */
  readonly to: NodeId;
  /** Route, first point on the dependent's border, last on the dependency's. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Required edge (drawn solid) or optional (dashed). */
  readonly required: boolean;
  /** Enabled (drawn faded otherwise). */
  readonly enabled: boolean;
  /** Routed by the layout; false for the straight edges of a dense graph's layout. */
  readonly routed: boolean;
}

/** A laid-out graph. */
export interface GraphLayout {
  /** Drawing width. */
  readonly width: number;
  /** Drawing height. */
  readonly height: number;
  /** Boxes, in the graph's node order. */
  readonly nodes: readonly LayoutNode[];
  /** Edges, in the graph's edge order. */
  readonly edges: readonly LayoutEdge[];
}

/** Options of {@link layoutGraph}. */
export interface GraphLayoutOptions {
  /** Box width (default 190). */
  readonly nodeWidth?: number;
  /** Box height (default 44). */
  readonly nodeHeight?: number;
  /** Above this many edges only the longest-path tree is routed (default {@link ROUTED_EDGE_LIMIT}). */
  readonly routeLimit?: number;
}

/** Graphs with more edges than this get the tree layout: every edge routed would take dagre seconds. */
export const ROUTED_EDGE_LIMIT = 300;

/**
 * Lays out a dependency graph left to right with dagre. Deterministic: nodes
 * and edges go in sorted (graph) order, so the same graph gives the same
 * coordinates. Up to {@link ROUTED_EDGE_LIMIT} edges every edge is routed by
 * dagre; above it dagre lays out the longest-path tree from the root (one
 * edge into each node, from its deepest dependent) and the other edges run
 * straight from box to box, marked `routed: false`.
 *
 * @example
 * ```ts
 * const { width, height, nodes, edges } = layoutGraph(graph);
 * ```
 */
export function layoutGraph(graph: DependencyGraph, options: GraphLayoutOptions = {}): GraphLayout {
  const width = options.nodeWidth ?? 190;
  const height = options.nodeHeight ?? 44;
  const routeAll = graph.edges.length <= (options.routeLimit ?? ROUTED_EDGE_LIMIT);
  const routed = routeAll ? undefined : longestPathTree(graph);
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width, height });
  for (const e of graph.edges) if (routed === undefined || routed.has(edgeKey(e))) g.setEdge(e.from, e.to);
  layout(g);
  const nodes = graph.nodes.map((n) => {
    const placed = g.node(n.id);
    return { id: n.id, x: round(placed.x - width / 2), y: round(placed.y - height / 2), width, height };
  });
  const boxes = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.map((e) => {
    const isRouted = routed === undefined || routed.has(edgeKey(e));
    const points = isRouted
      ? (g.edge(e.from, e.to).points ?? []).map((p: { x: number; y: number }) => ({ x: round(p.x), y: round(p.y) }))
      : straight(boxes.get(e.from) as LayoutNode, boxes.get(e.to) as LayoutNode);
    return { from: e.from, to: e.to, points, required: e.required, enabled: e.enabled, routed: isRouted };
  });
  const label = g.graph();
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
}

const edgeKey = (e: { readonly from: string; readonly to: string }): string => `${e.from}\u0000${e.to}`;

/**
 * One edge into each node from its deepest dependent (longest path from the
 * root, Kahn's order), so every tree edge spans exactly one layer. Nodes on a
 * cycle keep the first dependent seen.
 */
function longestPathTree(graph: DependencyGraph): Set<string> {
  const pending = new Map(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<NodeId, { from: NodeId; to: NodeId }[]>();
  for (const e of graph.edges) {
    pending.set(e.to, (pending.get(e.to) ?? 0) + 1);
    out.set(e.from, [...(out.get(e.from) ?? []), e]);
  }
  const depth = new Map<NodeId, number>();
  const parent = new Map<NodeId, string>();
  const queue: NodeId[] = graph.nodes.filter((n) => pending.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i] as NodeId;
    for (const e of out.get(u) ?? []) {
      const d = (depth.get(u) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? -1)) {
        depth.set(e.to, d);
        parent.set(e.to, edgeKey(e));
      }
      const left = (pending.get(e.to) ?? 0) - 1;
      pending.set(e.to, left);
      if (left === 0) queue.push(e.to);
    }
  }
  for (const e of graph.edges) if (!parent.has(e.to)) parent.set(e.to, edgeKey(e));
  return new Set(parent.values());
}

/** A straight edge between two boxes: from the border of one to the border of the other, on the line of their centres. */
function straight(from: LayoutNode, to: LayoutNode): { x: number; y: number }[] {
  const centre = (b: LayoutNode): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const a = centre(from);
  const b = centre(to);
  const exit = (box: LayoutNode, c: { x: number; y: number }, dx: number, dy: number): { x: number; y: number } => {
    const t = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
    return { x: round(c.x + dx * t), y: round(c.y + dy * t) };
  };
  return [exit(from, a, b.x - a.x, b.y - a.y), exit(to, b, a.x - b.x, a.y - b.y)];
}

/**
 * The SVG path of a routed edge: straight from the first point, smoothed
 * through the bends (quadratic curves to each midpoint), straight into the last.
 *
 * @example
 * ```ts
 * edgePath([{ x: 0, y: 0 }, { x: 10, y: 0 }]) // 'M 0 0 L 10 0'
 * ```
 */
export function edgePath(points: readonly { readonly x: number; readonly y: number }[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  const last = rest.pop();
  if (last === undefined) return `M ${first.x} ${first.y}`;
  const parts = [`M ${first.x} ${first.y}`];
  rest.forEach((p, i) => {
    const next = rest[i + 1] ?? last;
    parts.push(`Q ${p.x} ${p.y} ${round((p.x + next.x) / 2)} ${round((p.y + next.y) / 2)}`);
  });
  parts.push(`L ${last.x} ${last.y}`);
  return parts.join(' ');
}

const round = (v: number): number => Math.round(v * 10) / 10;
