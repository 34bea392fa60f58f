import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { TIERS, createGraph, isSdkError, type DependencyGraph, type EdgeInput, type NodeId, type Tier } from '@deployment-manager/core';
import { createCatalog, DEFAULT_CATALOG, lookupEntry, type CatalogEntry } from '@deployment-manager/catalog';
import { entryWith } from '../test/entries.ts';
import { dagArb, graphOf, NAMES } from '../test/graphs.ts';
import { scoreEntry } from './score-dependency.ts';
import { scoreGraph } from './score-graph.ts';
import { createScoringState, resolveEntry } from './scoring-state.ts';
import { TIER_CONSTRAINTS } from './tier-constraints.ts';
import type { TierFitness } from './types.ts';

// A catalog of hand-made records, so the graph cases below depend on the rules only:
// `daemon` scores 82.5 on desktop and 20 on mobile (blocked), `plain` 100 everywhere (see
// score-dependency.test.ts for the arithmetic), `heavy` needs 600 MiB of RAM and disk.
const catalog = createCatalog(
  [
    entryWith({ name: 'daemon', daemon: true }),
    entryWith({ name: 'plain' }),
    entryWith({ name: 'other' }),
    entryWith({ name: 'heavy', ramMb: 600, diskMb: 600, gpu: 'optional', network: 'internet' }),
    entryWith({ name: 'gpu', gpu: 'required', ramMb: 200, diskMb: 50 }),
  ],
  { builtins: false },
);
const ROOT: NodeId = 'scenario:app';
const edge = (to: string, required = true, enabled = true, from: NodeId = ROOT): EdgeInput => ({ from, to: `resource:${to}` as NodeId, required, enabled });
const graph = (...edges: EdgeInput[]): DependencyGraph => createGraph({ root: ROOT, edges });
const tiersOf = (g: DependencyGraph, options = {}): Partial<Record<Tier, TierFitness>> => scoreGraph(g, { catalog, ...options }).tiers;

describe('graph scores, pinned by hand', () => {
  it('an empty graph scores 100 on every tier, fully covered, with nothing to report (types.ts: "100 for a graph with none")', () => {
    const report = scoreGraph(createGraph({ root: ROOT, edges: [] }));
    expect(report).toEqual({
      root: ROOT,
      dependencies: [],
      unknown: [],
      tiers: Object.fromEntries(
        TIERS.map((t) => [
          t,
          { score: 100, subscores: { portability: 100, resources: 100, licensing: 100, platform_support: 100 }, blockers: [], warnings: [], reasons: [], needs: { ramMb: 0, diskMb: 0, gpu: 'none', daemons: 0, internet: [] }, coverage: 1 },
        ]),
      ),
    });
  });

  it('a graph of unknown dependencies only also scores 100, with no coverage and a warning each', () => {
    const t = tiersOf(graph(edge('mystery'), edge('enigma', false)));
    for (const tier of TIERS) {
      expect(t[tier]?.score).toBe(100);
      expect(t[tier]?.coverage).toBe(0);
      expect(t[tier]?.warnings).toEqual(['resource:enigma is unknown to the catalog; its fitness is not counted', 'resource:mystery is unknown to the catalog; its fitness is not counted']);
    }
  });

  it('one required dependency: the graph scores what the dependency scores, and a blocked one is a blocker', () => {
    const t = tiersOf(graph(edge('daemon')));
    expect([t.local?.score, t.desktop?.score, t.mobile?.score, t.saas?.score, t.enterprise?.score]).toEqual([100, 82.5, 20, 98.25, 100]);
    expect(t.desktop?.subscores).toEqual({ portability: 50, resources: 100, licensing: 100, platform_support: 100 });
    expect(t.mobile?.blockers).toEqual(['resource:daemon']);
    expect(t.desktop?.blockers).toEqual([]);
    expect(t.mobile?.reasons.map((r) => [r.dependency, r.fact, r.delta, r.blocker])).toEqual([['resource:daemon', 'daemon', -100, true]]);
    expect(t.mobile?.warnings).toEqual([]);
  });

  it('weighs required 1 and optional 0.5 in integer hundredths', () => {
    // required daemon + optional plain, desktop: (1000 * 8250 + 500 * 10000) / 1500 = 8833.3 -> 88.33;
    // mobile: (1000 * 2000 + 500 * 10000) / 1500 = 4666.7 -> 46.67; portability on desktop (1000 * 5000 + 500 * 10000) / 1500 -> 66.67
    const a = tiersOf(graph(edge('daemon'), edge('plain', false)));
    expect([a.desktop?.score, a.mobile?.score, a.desktop?.subscores.portability]).toEqual([88.33, 46.67, 66.67]);
    expect(a.mobile?.blockers).toEqual(['resource:daemon']);
    // optional daemon + required plain, desktop: (500 * 8250 + 1000 * 10000) / 1500 = 9416.7 -> 94.17;
    // mobile: (500 * 2000 + 1000 * 10000) / 1500 = 7333.3 -> 73.33, and the daemon is a warning, not a blocker
    const b = tiersOf(graph(edge('daemon', false), edge('plain')));
    expect([b.desktop?.score, b.mobile?.score]).toEqual([94.17, 73.33]);
    expect(b.mobile?.blockers).toEqual([]);
    expect(b.mobile?.warnings).toEqual(['resource:daemon (optional) is not supported on mobile']);
  });

  it('gives each node the role of its best path, a path being as weak as its weakest edge', () => {
    const g = graph(
      edge('plain', false), // optional
      edge('daemon', true, true, 'resource:plain'), // required below an optional one: optional
      edge('other', true, false), // required but disabled: required
      edge('gpu', false, false), // disabled
      edge('heavy', false, false), // disabled from the root...
      edge('heavy', true, true, 'resource:other'), // ...but required through a required path
    );
    const report = scoreGraph(g, { catalog });
    expect(report.dependencies.map((d) => [d.id, d.role, d.weight])).toEqual([
      ['resource:daemon', 'optional', 0.5],
      ['resource:gpu', 'disabled', 0.5],
      ['resource:heavy', 'required', 1],
      ['resource:other', 'required', 1],
      ['resource:plain', 'optional', 0.5],
    ]);
    // weights { disabled: 0 } leave the disabled gpu out of the mean: desktop without it is the mean of the others.
    const without = scoreGraph(g, { catalog, weights: { disabled: 0 }, tiers: ['desktop'] });
    const direct = scoreGraph(graph(edge('plain', false), edge('daemon', true, true, 'resource:plain'), edge('other'), edge('heavy')), { catalog, tiers: ['desktop'] });
    expect(without.tiers.desktop?.score).toBe(direct.tiers.desktop?.score);
    expect(without.dependencies.find((d) => d.id === 'resource:gpu')?.weight).toBe(0);
  });

  it('sums the needs of known dependencies and warns when the graph is over a tier budget', () => {
    // heavy 600 + gpu 200 MiB of RAM, 600 + 50 of disk; the strongest gpu need; no daemon; heavy needs the internet
    const t = tiersOf(graph(edge('heavy'), edge('gpu'), edge('mystery')));
    expect(t.desktop?.needs).toEqual({ ramMb: 800, diskMb: 650, gpu: 'required', daemons: 0, internet: ['resource:heavy'] });
    expect(t.mobile?.warnings.filter((w) => w.startsWith('the graph'))).toEqual([]);
    // two heavy ones (1200 MiB each) pass mobile's budgets of 1024 MiB
    const two = createCatalog([entryWith({ name: 'heavy', ramMb: 600, diskMb: 600 }), entryWith({ name: 'heavier', ramMb: 600, diskMb: 600, daemon: true })], { builtins: false });
    const m = scoreGraph(graph(edge('heavy'), edge('heavier')), { catalog: two }).tiers.mobile;
    expect(m?.needs).toMatchObject({ ramMb: 1200, diskMb: 1200, daemons: 1 });
    expect(m?.warnings.filter((w) => w.startsWith('the graph'))).toEqual([
      'the graph needs about 1200 MiB of ram, over the 1024 MiB budget of mobile',
      'the graph needs about 1200 MiB of disk, over the 1024 MiB budget of mobile',
    ]);
    // exactly at the budget is within it
    const exact = createCatalog([entryWith({ name: 'a', ramMb: 512, diskMb: 512 }), entryWith({ name: 'b', ramMb: 512, diskMb: 512 })], { builtins: false });
    expect(scoreGraph(graph(edge('a'), edge('b')), { catalog: exact }).tiers.mobile?.warnings).toEqual([]);
  });

  it('leaves the root out even when the catalog knows its name, and scores a nested scenario without a record as a scenario', () => {
    const own = createCatalog([entryWith({ name: 'app', daemon: true })], { builtins: false });
    expect(scoreGraph(createGraph({ root: ROOT, edges: [] }), { catalog: own }).tiers.desktop?.score).toBe(100);
    const nested = scoreGraph(createGraph({ root: ROOT, edges: [{ from: ROOT, to: 'scenario:billing' }] }), { catalog: own });
    const scenario = resolveEntry(own, { kind: 'scenario', name: 'billing' }) as CatalogEntry;
    expect(scenario.name).toBe('scenario');
    expect(nested.dependencies[0]?.entry).toBe('scenario');
    expect(nested.tiers.desktop?.score).toBe(scoreEntry(scenario, TIER_CONSTRAINTS.desktop).score);
    expect(resolveEntry(own, { kind: 'resource', name: 'billing' })).toBeUndefined();
    expect(resolveEntry(own, { kind: 'scenario', name: 'app' })?.name).toBe('app');
  });

  it('scores only the tiers asked for, with the constraints given', () => {
    const lax = { ...TIER_CONSTRAINTS.desktop, daemon: { delta: 0, blocker: false } };
    const r = scoreGraph(graph(edge('daemon')), { catalog, tiers: ['desktop'], constraints: { desktop: lax } });
    expect(Object.keys(r.tiers)).toEqual(['desktop']);
    expect(r.tiers.desktop?.score).toBe(100);
    const state = createScoringState(graph(edge('daemon')), { catalog, tiers: ['desktop'] });
    expect(state.score('desktop')).toBe(82.5);
    let code: string | undefined;
    try {
      state.score('mobile');
    } catch (e) {
      code = isSdkError(e) ? e.code : 'raw';
    }
    expect(code).toBe('TIER_UNKNOWN');
  });
});

// Catalog names known to the default catalog, for dependencies the properties add.
const KNOWN = NAMES.filter((n) => lookupEntry(DEFAULT_CATALOG, n) !== undefined);

/** A random graph without `resource:<name>`, and that name: the dependency a property adds. */
const dagWithoutArb = fc.tuple(dagArb, fc.constantFrom(...KNOWN)).map(([d, name]) => {
  const id: NodeId = `resource:${name}`;
  return { name, id, d: { ...d, nodes: d.nodes.filter((n) => n !== id), edges: d.edges.filter((e) => e.from !== id && e.to !== id) } };
});

describe('metamorphic properties of a graph score (1,000 cases each)', () => {
  it('a required dependency moves the graph score at least as much as the same dependency optional, the same way', () => {
    let moved = 0;
    fc.assert(
      fc.property(dagWithoutArb, ({ id, d }) => {
        const base = scoreGraph(graphOf(d));
        const add = (required: boolean) => scoreGraph(graphOf({ ...d, nodes: [...d.nodes, id], edges: [...d.edges, { from: d.root, to: id, required, enabled: true }] }));
        const req = add(true);
        const opt = add(false);
        let any = false;
        for (const t of TIERS) {
          const s0 = base.tiers[t]?.score as number;
          const r = (req.tiers[t]?.score as number) - s0;
          const o = (opt.tiers[t]?.score as number) - s0;
          expect(Math.abs(r)).toBeGreaterThanOrEqual(Math.abs(o));
          expect(r * o).toBeGreaterThanOrEqual(0);
          // required weighs more: a required blocker is a blocker, an optional one is not
          expect(opt.tiers[t]?.blockers).toEqual(base.tiers[t]?.blockers);
          const own = req.dependencies.find((x) => x.id === id)?.tiers[t];
          expect(req.tiers[t]?.blockers.includes(id)).toBe(own?.supported === false);
          any ||= o !== 0;
        }
        if (any) moved++;
      }),
      { numRuns: 1000 },
    );
    // In most cases the optional dependency alone already moved the score somewhere, so the comparison was not between zeros.
    expect(moved / 1000).toBeGreaterThan(0.8);
  });

  it('adding a dependency moves the graph score towards the dependency own score, never past it', () => {
    let strictly = 0;
    fc.assert(
      fc.property(dagWithoutArb, fc.boolean(), ({ id, d }, required) => {
        const before = scoreGraph(graphOf(d));
        const after = scoreGraph(graphOf({ ...d, nodes: [...d.nodes, id], edges: [...d.edges, { from: d.root, to: id, required, enabled: true }] }));
        for (const t of TIERS) {
          const own = after.dependencies.find((x) => x.id === id)?.tiers[t]?.score;
          expect(typeof own).toBe('number');
          const b = before.tiers[t]?.score as number;
          const a = after.tiers[t]?.score as number;
          const lo = Math.min(b, own as number);
          const hi = Math.max(b, own as number);
          // Exact, rounding included: the mean moves monotonically towards the own score (in whole
          // hundredths), and rounding to hundredths keeps that order.
          expect(a).toBeGreaterThanOrEqual(lo);
          expect(a).toBeLessThanOrEqual(hi);
          if (a !== b) strictly++;
        }
      }),
      { numRuns: 1000 },
    );
    expect(strictly / (1000 * TIERS.length)).toBeGreaterThan(0.5);
  });

  it('is deterministic: the same graph, its nodes and edges in any order, gives the same report, byte for byte', () => {
    const permuted = dagArb.chain((d) => {
      const g = graphOf(d);
      const perm = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
      return fc.tuple(fc.constant(g), perm(g.nodes.length), perm(g.edges.length));
    });
    let reordered = 0;
    fc.assert(
      fc.property(permuted, ([g, pn, pe]) => {
        // A graph object whose arrays are out of createGraph's order: the scorer may not rely on it.
        const shuffled: DependencyGraph = { ...g, nodes: pn.map((i) => g.nodes[i] as DependencyGraph['nodes'][number]), edges: pe.map((i) => g.edges[i] as DependencyGraph['edges'][number]) };
        if (pn.some((v, i) => v !== i) || pe.some((v, i) => v !== i)) reordered++;
        const a = JSON.stringify(scoreGraph(g));
        expect(JSON.stringify(scoreGraph(shuffled))).toBe(a);
        expect(JSON.stringify(scoreGraph(structuredClone(g)))).toBe(a);
      }),
      { numRuns: 1000 },
    );
    expect(reordered / 1000).toBeGreaterThan(0.8);
  });

  it('a blocked dependency never scores above the blocker cap in a graph, and blockers are exactly the required unsupported ones', () => {
    let blocked = 0;
    fc.assert(
      fc.property(dagArb, (d) => {
        const r = scoreGraph(graphOf(d));
        let any = false;
        for (const t of TIERS) {
          const unsupported = r.dependencies.filter((x) => x.tiers[t]?.verdict === 'known' && x.tiers[t]?.supported === false);
          for (const x of unsupported) expect(x.tiers[t]?.score as number).toBeLessThanOrEqual(TIER_CONSTRAINTS[t].blockerCap);
          expect(r.tiers[t]?.blockers).toEqual(unsupported.filter((x) => x.role === 'required').map((x) => x.id));
          any ||= unsupported.length > 0;
        }
        if (any) blocked++;
      }),
      { numRuns: 1000 },
    );
    // Most graphs hold an unsupported dependency on some tier (mobile blocks every daemon).
    expect(blocked / 1000).toBeGreaterThan(0.8);
  });
});
