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

describe('hand-computed cases', () => {
  // app -> a, app -> b; a -> c; b -> c, b -> d; d <-> e; c -> c (a self loop).
  const r = (name: string): NodeId => `resource:${name}`;
  const h = () =>
    createGraph({
      root: 'scenario:app',
      edges: [
        { from: 'scenario:app', to: r('a') },
        { from: 'scenario:app', to: r('b') },
        { from: r('a'), to: r('c') },
        { from: r('b'), to: r('c') },
        { from: r('b'), to: r('d') },
        { from: r('c'), to: r('c') },
        { from: r('d'), to: r('e') },
        { from: r('e'), to: r('d') },
      ],
    });

  it('puts a cycle with no outside dependency, and a self loop, in generation 0', () => {
    expect(generations(h())).toEqual([[r('c'), r('d'), r('e')], [r('a'), r('b')], ['scenario:app']]);
    expect(dependencyOrder(h())).toEqual([r('c'), r('d'), r('e'), r('a'), r('b'), 'scenario:app']);
  });

  it('sorts each generation by id, not in the order the components were found', () => {
    // Tarjan starts at resource:a and finishes resource:z before it reaches resource:b.
    const g = createGraph({ root: r('a'), nodes: [{ id: r('b') }], edges: [{ from: r('a'), to: r('z') }] });
    expect(stronglyConnectedComponents(g)).toEqual([[r('z')], [r('a')], [r('b')]]);
    expect(generations(g)).toEqual([[r('b'), r('z')], [r('a')]]);
  });

  it('closes over dependencies; a node reaches itself only through a cycle or a self loop', () => {
    const c = transitiveClosure(h());
    const sorted = (id: NodeId) => [...c.get(id)!].sort();
    expect(sorted(r('a'))).toEqual([r('c')]);
    expect(sorted(r('b'))).toEqual([r('c'), r('d'), r('e')]);
    expect(sorted(r('c'))).toEqual([r('c')]);
    expect(sorted(r('d'))).toEqual([r('d'), r('e')]);
    expect(sorted(r('e'))).toEqual([r('d'), r('e')]);
    expect(sorted('scenario:app')).toEqual([r('a'), r('b'), r('c'), r('d'), r('e')]);
  });

  it('finds the self loop and the two-node cycle, and nothing else', () => {
    expect(findCycles(h())).toEqual([[r('c'), r('c')], [r('d'), r('e'), r('d')]]);
    expect(isAcyclic(h())).toBe(false);
  });

  it('lists direct dependencies by default and transitive ones on request; an unknown id has none', () => {
    const g = h();
    expect(dependenciesOf(g, 'scenario:app')).toEqual([r('a'), r('b')]);
    expect(dependenciesOf(g, 'scenario:app', { transitive: false })).toEqual([r('a'), r('b')]);
    expect(dependenciesOf(g, 'scenario:app', { transitive: true })).toEqual([r('a'), r('b'), r('c'), r('d'), r('e')]);
    expect(dependenciesOf(g, r('d'), { transitive: true })).toEqual([r('d'), r('e')]);
    expect(dependenciesOf(g, r('nowhere'))).toEqual([]);
    expect(dependenciesOf(g, r('nowhere'), { transitive: true })).toEqual([]);
    expect(dependentsOf(g, r('c'))).toEqual([r('a'), r('b'), r('c')]);
    expect(dependentsOf(g, r('d'))).toEqual([r('b'), r('e')]);
    expect(dependentsOf(g, r('d'), { transitive: true })).toEqual([r('b'), r('d'), r('e'), 'scenario:app']);
    expect(dependentsOf(g, r('nowhere'))).toEqual([]);
    expect(reverseImpact(g, r('e'))).toEqual({ id: r('e'), direct: [r('d')], transitive: [r('b'), r('d'), r('e'), 'scenario:app'] });
  });

  it('sorts what it lists by id even for a hand-made graph whose edges are not in normal form', () => {
    const node = (name: string) => ({ id: r(name), kind: 'resource' as const, name, defined: true });
    const edge = (from: string, to: string) => ({ from: r(from), to: r(to), kind: 'resource-resource' as const, required: true, enabled: true, source: { file: 'x', path: '' }, attributes: {} });
    const g = { root: r('a'), policy: 'all' as const, nodes: [node('a'), node('b'), node('c'), node('d')], edges: [edge('a', 'c'), edge('a', 'b'), edge('d', 'c'), edge('b', 'c')], diagnostics: [] };
    expect(dependenciesOf(g, r('a'))).toEqual([r('b'), r('c')]);
    expect(dependentsOf(g, r('c'))).toEqual([r('a'), r('b'), r('d')]);
  });

  it('answers isAcyclic for a graph no other query has seen', () => {
    expect(isAcyclic(createGraph({ root: r('a'), edges: [{ from: r('a'), to: r('b') }, { from: r('b'), to: r('c') }] }))).toBe(true);
    expect(isAcyclic(createGraph({ root: r('a'), edges: [{ from: r('a'), to: r('b') }, { from: r('b'), to: r('a') }] }))).toBe(false);
    expect(isAcyclic(createGraph({ root: r('a'), edges: [{ from: r('a'), to: r('a') }] }))).toBe(false);
    expect(isAcyclic(createGraph({ root: r('a'), edges: [{ from: r('a'), to: r('b') }, { from: r('a'), to: r('c') }, { from: r('b'), to: r('d') }, { from: r('c'), to: r('d') }] }))).toBe(true);
  });
});

describe('findCycles, every elementary cycle', () => {
  const complete = (n: number) => {
    const edges: EdgeInput[] = [];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push({ from: id(a), to: id(b) });
    return graphOf(n, edges);
  };

  it('lists the five cycles of the complete graph on three nodes', () => {
    const [a, b, c] = ['resource:a', 'resource:b', 'resource:c'] as const;
    const g = createGraph({ root: a, edges: [[a, b], [a, c], [b, a], [b, c], [c, a], [c, b]].map(([from, to]): EdgeInput => ({ from: from!, to: to! })) });
    expect(findCycles(g)).toEqual([
      [a, b, a],
      [a, b, c, a],
      [a, c, a],
      [a, c, b, a],
      [b, c, b],
    ]);
  });

  it('finds all 20 cycles of the complete graph on four nodes (6 of length 2, 8 of length 3, 6 of length 4)', () => {
    const cycles = findCycles(complete(4));
    expect(cycles.map((c) => c.length - 1).sort()).toEqual([...Array(6).fill(2), ...Array(8).fill(3), ...Array(6).fill(4)]);
    expect(new Set(cycles.map((c) => c.join(' '))).size).toBe(20);
  });

  it('orders cycles by their ids joined with a space, self loops among them', () => {
    const r = (name: string): NodeId => `resource:${name}`;
    const g = createGraph({ root: r('a'), edges: [{ from: r('a'), to: r('b') }, { from: r('b'), to: r('a') }, { from: r('ab'), to: r('ab') }] });
    expect(findCycles(g)).toEqual([[r('a'), r('b'), r('a')], [r('ab'), r('ab')]]);
  });

  it('returns at most `limit` cycles, self loops included, the first ones found', () => {
    const g = graphOf(3, [{ from: id(0), to: id(0) }, { from: id(1), to: id(1) }, { from: id(2), to: id(2) }, { from: id(1), to: id(2) }, { from: id(2), to: id(1) }]);
    expect(findCycles(g)).toHaveLength(4);
    // Nodes in id order: resource:n001, resource:n002, ..., scenario:root (id(0)) last.
    expect(findCycles(g, { limit: 2 })).toEqual([[id(1), id(1)], [id(2), id(2)]]);
    expect(findCycles(complete(4), { limit: 3 })).toEqual([
      [id(1), id(2), id(1)],
      [id(1), id(2), id(3), id(1)],
      [id(1), id(2), id(3), id(0), id(1)],
    ]);
  });

  /** Every elementary cycle by the definition: each simple path from s through larger ids back to s. */
  const bruteForceCycles = (n: number, edges: readonly EdgeInput[]): string[] => {
    const succ = new Map<NodeId, Set<NodeId>>();
    for (const e of edges) succ.set(e.from, (succ.get(e.from) ?? new Set()).add(e.to));
    const out: string[] = [];
    const walk = (s: NodeId, path: NodeId[]): void => {
      for (const w of succ.get(path[path.length - 1]!) ?? []) {
        if (w === s) out.push([...path, s].join(' '));
        else if (w > s && !path.includes(w)) walk(s, [...path, w]);
      }
    };
    for (let i = 0; i < n; i++) walk(id(i), [id(i)]);
    return out.sort();
  };

  test.prop([
    fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: n, maxLength: n * 3 }).map((pairs) => ({ n, edges: pairs.map(([a, b]): EdgeInput => ({ from: id(a), to: id(b) })) })),
    ),
  ], { numRuns: 300 })('equal the simple paths that close on their smallest node, on any small graph', ({ n, edges }) => {
    expect(findCycles(graphOf(n, edges)).map((c) => c.join(' '))).toEqual(bruteForceCycles(n, edges));
  });
});
