import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createGraph, type EdgeInput } from './graph.ts';
import {
  dependenciesOf,
  dependencyOrder,
  dependentsOf,
  findCycles,
  generations,
  isAcyclic,
  reverseImpact,
  stronglyConnectedComponents,
  transitiveClosure,
} from './algorithms.ts';
import type { NodeId } from './model.ts';

const id = (i: number): NodeId => (i === 0 ? 'scenario:root' : `resource:n${String(i).padStart(3, '0')}`);

/** Random DAG: edges only from lower to higher index, so no cycles. */
const dagArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc
    .uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3, selector: ([a, b]) => `${a}-${b}` })
    .map((pairs) => ({
      n,
      edges: pairs.filter(([a, b]) => a < b).map(([a, b]): EdgeInput => ({ from: id(a), to: id(b) })),
    })),
);

const graphOf = (n: number, edges: EdgeInput[]) =>
  createGraph({ root: id(0), nodes: Array.from({ length: n }, (_, i) => ({ id: id(i) })), edges });

describe('dependencyOrder and generations', () => {
  test.prop([dagArb])('put every dependency before its dependent', ({ n, edges }) => {
    const g = graphOf(n, edges);
    const order = dependencyOrder(g);
    const pos = new Map(order.map((v, i) => [v, i]));
    for (const e of g.edges) expect(pos.get(e.to)!).toBeLessThan(pos.get(e.from)!);
  });

  test.prop([dagArb])('generations partition the nodes and respect edges', ({ n, edges }) => {
    const g = graphOf(n, edges);
    const gens = generations(g);
    const all = gens.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(g.nodes.map((x) => x.id));
    const level = new Map<NodeId, number>();
    gens.forEach((gen, i) => gen.forEach((v) => level.set(v, i)));
    for (const e of g.edges) expect(level.get(e.to)!).toBeLessThan(level.get(e.from)!);
    gens.forEach((gen) => expect(gen.length).toBeGreaterThan(0));
  });

  test.prop([dagArb])('do not depend on edge input order', ({ n, edges }) => {
    const a = graphOf(n, edges);
    const b = graphOf(n, [...edges].reverse());
    expect(b).toEqual(a);
    expect(dependencyOrder(b)).toEqual(dependencyOrder(a));
  });

  test.prop([dagArb])('report no cycles on a DAG', ({ n, edges }) => {
    const g = graphOf(n, edges);
    expect(findCycles(g)).toEqual([]);
    expect(isAcyclic(g)).toBe(true);
  });
});

describe('findCycles', () => {
  it('returns a two-node cycle as a closed path', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'scenario:b' },
        { from: 'scenario:b', to: 'scenario:a' },
      ],
    });
    expect(findCycles(g)).toEqual([['scenario:a', 'scenario:b', 'scenario:a']]);
    expect(isAcyclic(g)).toBe(false);
  });

  it('finds every elementary cycle of overlapping loops and a self loop', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'scenario:b' },
        { from: 'scenario:b', to: 'scenario:c' },
        { from: 'scenario:c', to: 'scenario:a' },
        { from: 'scenario:b', to: 'scenario:a' },
        { from: 'scenario:c', to: 'scenario:c' },
      ],
    });
    expect(findCycles(g)).toEqual([
      ['scenario:a', 'scenario:b', 'scenario:a'],
      ['scenario:a', 'scenario:b', 'scenario:c', 'scenario:a'],
      ['scenario:c', 'scenario:c'],
    ]);
  });

  test.prop([dagArb, fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { minLength: 1, maxLength: 4 })])(
    'reports each injected back edge inside a closed path of real edges',
    ({ n, edges }, back) => {
      const injected = back.map(([a, b]) => [a % n, b % n] as const).filter(([a, b]) => a >= b);
      const all = [...edges, ...injected.map(([a, b]): EdgeInput => ({ from: id(a), to: id(b) }))];
      const g = graphOf(n, all);
      const edgeSet = new Set(g.edges.map((e) => `${e.from}>${e.to}`));
      const cycles = findCycles(g);
      for (const c of cycles) {
        expect(c[0]).toBe(c[c.length - 1]);
        expect(new Set(c.slice(0, -1)).size).toBe(c.length - 1); // elementary
        for (let i = 0; i + 1 < c.length; i++) expect(edgeSet.has(`${c[i]}>${c[i + 1]}`)).toBe(true);
      }
      // Every injected back edge a->b with a path b ~> a closes a cycle that uses it.
      const closure = transitiveClosure(g);
      for (const [a, b] of injected) {
        const closes = a === b || closure.get(id(b))!.has(id(a));
        const used = cycles.some((c) => c.some((v, i) => v === id(a) && c[i + 1] === id(b)));
        expect(used).toBe(closes);
      }
      expect(isAcyclic(g)).toBe(cycles.length === 0);
    },
  );
});

describe('closure and reverse impact', () => {
  const g = createGraph({
    root: 'scenario:app-monitor',
    edges: [
      { from: 'scenario:app-monitor', to: 'scenario:app-issue-tracker' },
      { from: 'scenario:app-monitor', to: 'scenario:scenario-auditor' },
      { from: 'scenario:scenario-auditor', to: 'scenario:app-issue-tracker' },
      { from: 'scenario:app-issue-tracker', to: 'resource:postgres', required: false },
    ],
  });

  it('holds a diamond target once', () => {
    expect(g.nodes.filter((n) => n.id === 'scenario:app-issue-tracker')).toHaveLength(1);
    expect(dependenciesOf(g, 'scenario:app-monitor', { transitive: true })).toEqual([
      'resource:postgres',
      'scenario:app-issue-tracker',
      'scenario:scenario-auditor',
    ]);
  });

  it('lists direct and transitive dependents', () => {
    expect(reverseImpact(g, 'resource:postgres')).toEqual({
      id: 'resource:postgres',
      direct: ['scenario:app-issue-tracker'],
      transitive: ['scenario:app-issue-tracker', 'scenario:app-monitor', 'scenario:scenario-auditor'],
    });
    expect(dependentsOf(g, 'scenario:app-issue-tracker')).toEqual(['scenario:app-monitor', 'scenario:scenario-auditor']);
  });

  test.prop([dagArb])('closure equals per-node reachability', ({ n, edges }) => {
    const graph = graphOf(n, edges);
    const closure = transitiveClosure(graph);
    for (const node of graph.nodes) {
      expect([...closure.get(node.id)!].sort()).toEqual(dependenciesOf(graph, node.id, { transitive: true }));
    }
  });
});

describe('stronglyConnectedComponents', () => {
  /** Any graph over up to 8 nodes, cycles and self-loops included. */
  const anyArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }).map((pairs) => ({ n, edges: pairs.map(([a, b]): EdgeInput => ({ from: id(a), to: id(b) })) })),
  );
  /** Reachability by the definition: every node a path (of zero or more edges) leads to. */
  const reachableFrom = (edges: readonly EdgeInput[], start: NodeId): Set<NodeId> => {
    const seen = new Set<NodeId>([start]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of edges) if (seen.has(e.from) && !seen.has(e.to)) (seen.add(e.to), (grew = true));
    }
    return seen;
  };

  it('groups a hand-drawn graph: two cycles, a self-loop and plain nodes, dependencies first', () => {
    // root -> a <-> b -> c -> d -> c, e -> e
    const n = (i: number) => id(i);
    const g = graphOf(6, [
      { from: n(0), to: n(1) },
      { from: n(1), to: n(2) },
      { from: n(2), to: n(1) },
      { from: n(2), to: n(3) },
      { from: n(3), to: n(4) },
      { from: n(4), to: n(3) },
      { from: n(5), to: n(5) },
    ]);
    const sccs = stronglyConnectedComponents(g);
    expect([...sccs].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual([[n(1), n(2)], [n(3), n(4)], [n(5)], [n(0)]]);
    const at = (v: NodeId) => sccs.findIndex((c) => c.includes(v));
    expect(at(n(3))).toBeLessThan(at(n(1)));
    expect(at(n(1))).toBeLessThan(at(n(0)));
  });

  test.prop([anyArb], { numRuns: 300 })('two nodes share a component exactly when each reaches the other; a dependency\'s component comes first', ({ n, edges }) => {
    const g = graphOf(n, edges);
    const sccs = stronglyConnectedComponents(g);
    const all = sccs.flat();
    expect([...all].sort()).toEqual(g.nodes.map((x) => x.id));
    for (const c of sccs) expect(c).toEqual([...c].sort());
    const comp = new Map<NodeId, number>();
    sccs.forEach((c, i) => c.forEach((v) => comp.set(v, i)));
    const reach = new Map(g.nodes.map((x) => [x.id, reachableFrom(g.edges, x.id)]));
    for (const a of g.nodes) {
      for (const b of g.nodes) {
        const mutual = reach.get(a.id)!.has(b.id) && reach.get(b.id)!.has(a.id);
        expect(comp.get(a.id) === comp.get(b.id)).toBe(mutual);
      }
    }
    for (const e of g.edges) expect(comp.get(e.to)!).toBeLessThanOrEqual(comp.get(e.from)!);
  });
});
