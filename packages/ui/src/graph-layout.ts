// Layered layout of a dependency graph by dagre: the dependent on the left,
// its dependencies to the right, every edge routed by the layout (its bend
// points included) so no edge passes under a box it does not belong to.
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
}

/**
 * Lays out a dependency graph left to right with dagre. Deterministic: nodes
 * and edges go in sorted (graph) order, so the same graph gives the same
 * coordinates.
 *
 * @example
 * ```ts
 * const { width, height, nodes, edges } = layoutGraph(graph);
 * ```
 */
export function layoutGraph(graph: DependencyGraph, options: GraphLayoutOptions = {}): GraphLayout {
  const width = options.nodeWidth ?? 190;
  const height = options.nodeHeight ?? 44;
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width, height });
  for (const e of graph.edges) g.setEdge(e.from, e.to);
  layout(g);
  const nodes = graph.nodes.map((n) => {
    const placed = g.node(n.id);
    return { id: n.id, x: round(placed.x - width / 2), y: round(placed.y - height / 2), width, height };
  });
  const edges = graph.edges.map((e) => ({
    from: e.from,
    to: e.to,
    points: (g.edge(e.from, e.to).points ?? []).map((p: { x: number; y: number }) => ({ x: round(p.x), y: round(p.y) })),
    required: e.required,
    enabled: e.enabled,
  }));
  const label = g.graph();
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
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
