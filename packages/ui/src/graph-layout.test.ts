import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createGraph, type NodeId } from '@deployment-manager/core/pure';
import { edgePath, layoutGraph, type LayoutNode } from './graph-layout.ts';

// A DAG reached from the root: node i may depend on later nodes only, and each
// node after the root has at least one dependent before it.
const dagArb = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.nat({ max: n * 4 }), { minLength: n - 1, maxLength: n - 1 }),
      fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.boolean()), { maxLength: n * 2 }),
    )
    .map(([parents, extra]) => {
      const id = (i: number): NodeId => (i === 0 ? 'scenario:app' : `resource:r${i}`);
      const edges = new Map<string, { from: NodeId; to: NodeId; required: boolean }>();
      parents.forEach((p, k) => edges.set(`${p % (k + 1)}>${k + 1}`, { from: id(p % (k + 1)), to: id(k + 1), required: true }));
      for (const [a, b, required] of extra) if (a < b) edges.set(`${a}>${b}`, { from: id(a), to: id(b), required });
      return createGraph({ root: id(0), edges: [...edges.values()] });
    }),
);

// Distance from a point to a box's border (0 when on it).
function offBorder(p: { x: number; y: number }, b: LayoutNode): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  const outside = Math.hypot(dx, dy);
  if (outside > 0) return outside;
  return Math.min(p.x - b.x, b.x + b.width - p.x, p.y - b.y, b.y + b.height - p.y);
}

describe('layoutGraph', () => {
  // routeLimit 0 forces the dense-graph mode: the longest-path tree routed, other edges straight.
  test.prop([dagArb, fc.constantFrom(undefined, 0)], { numRuns: 80 })('every edge starts on its dependent\'s box and ends on its dependency\'s box', (graph, routeLimit) => {
    const layout = layoutGraph(graph, routeLimit === undefined ? {} : { routeLimit });
    const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.edges.length).toBe(graph.edges.length);
    for (const e of layout.edges) {
      const first = e.points[0];
      const last = e.points[e.points.length - 1];
      expect(first).toBeDefined();
      expect(last).toBeDefined();
      expect(offBorder(first as { x: number; y: number }, boxes.get(e.from) as LayoutNode)).toBeLessThan(1);
      expect(offBorder(last as { x: number; y: number }, boxes.get(e.to) as LayoutNode)).toBeLessThan(1);
    }
  });

  test.prop([dagArb, fc.constantFrom(undefined, 0)], { numRuns: 60 })('boxes do not overlap and fit the drawing', (graph, routeLimit) => {
    const { nodes, width, height } = layoutGraph(graph, routeLimit === undefined ? {} : { routeLimit });
    for (const a of nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(width + 0.5);
      expect(a.y + a.height).toBeLessThanOrEqual(height + 0.5);
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  test.prop([dagArb, fc.constantFrom(undefined, 0)], { numRuns: 40 })('dependencies sit right of their dependents, and the same graph gives the same layout', (graph, routeLimit) => {
    const options = routeLimit === undefined ? {} : { routeLimit };
    const layout = layoutGraph(graph, options);
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    for (const e of graph.edges) expect(x.get(e.to) as number).toBeGreaterThan(x.get(e.from) as number);
    expect(layoutGraph(graph, options)).toEqual(layout);
  });

  test.prop([dagArb], { numRuns: 40 })('the dense mode routes one edge into every node but the root, and only those', (graph) => {
    const routed = layoutGraph(graph, { routeLimit: 0 }).edges.filter((e) => e.routed);
    expect(routed.length).toBe(graph.nodes.length - 1);
    expect(new Set(routed.map((e) => e.to)).size).toBe(graph.nodes.length - 1);
    expect(layoutGraph(graph).edges.every((e) => e.routed)).toBe(true);
  });

  it('draws routes as paths through their points', () => {
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 0 }])).toBe('M 0 0 L 10 0');
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 0 }])).toBe('M 0 0 Q 10 10 15 5 L 20 0');
    expect(edgePath([])).toBe('');
  });
});
