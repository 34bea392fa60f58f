import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, type DependencyGraph, type NodeId, type Tier } from '@deployment-manager/core';
import { dagArb, graphOf, NAMES, withResources } from '../test/graphs.ts';
import { planSwaps } from './apply-swaps.ts';
import { DEFAULT_CATALOG, createCatalog, lookupEntry, swapRules, type Catalog, type SwapRule } from '@deployment-manager/catalog';
import { computeRanks } from './roles.ts';
import { createScoringState, resolveEntry } from './scoring-state.ts';
import { suggestSwaps } from './suggest.ts';
import { thrownCode } from '../test/thrown-code.ts';

/** Extra rules between catalog names, so swaps also hit present nodes, requirements and cycles. */
const rulesArb: fc.Arbitrary<SwapRule[]> = fc.array(
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES, 'embedded-workflows', 'local-vector-index', 'playwright-driver')).filter(([from, to]) => from !== to).map(
    ([from, to]): SwapRule => ({ from, to, tiers: [...TIERS], effort: 'low', note: 'test rule' }),
  ),
  { maxLength: 6 },
);

/** The suggestions by the definition: score every candidate swap by scoring the whole swapped graph. */
function reference(graph: DependencyGraph, tier: Tier, catalog: Catalog = DEFAULT_CATALOG): { from: string; to: string; after: number; clearsBlocker: boolean }[] {
  const rules = swapRules(catalog);
  const state = createScoringState(graph, { tiers: [tier] });
  const ranks = computeRanks(graph);
  const out: { from: string; to: string; after: number; clearsBlocker: boolean }[] = [];
  for (const node of graph.nodes) {
    const fromEntry = resolveEntry(DEFAULT_CATALOG, node);
    if (node.id === graph.root || (ranks.get(node.id) ?? -1) < 0 || fromEntry === undefined || node.kind !== 'resource') continue;
    for (const rule of rules) {
      const toEntry = lookupEntry(DEFAULT_CATALOG, rule.to);
      if (rule.from !== fromEntry.name || !rule.tiers.includes(tier) || toEntry === undefined || `resource:${toEntry.name}` === node.id) continue;
      const swapped = createScoringState(planSwaps(graph, [{ from: node.id, to: toEntry.name }]).graph, { tiers: [tier] });
      const after = swapped.score(tier);
      const clearsBlocker = state.blockers(tier).includes(node.id) && !swapped.blockers(tier).includes(`resource:${toEntry.name}`);
      if (Math.round((after - state.score(tier)) * 100) / 100 > 0 || clearsBlocker) out.push({ from: node.id, to: toEntry.name, after, clearsBlocker });
    }
  }
  return out;
}

const key = (s: { from: string; to: string }): string => `${s.from}>${s.to}`;

/**
 * The built-in catalog with extra swaps laid over the records they start from (a record's `swaps`
 * replaces the built-in list). Rules between names the catalog does not know are dropped: a catalog refuses
 * swaps to unknown records, and a rule from an unknown name would add a record and change the scores.
 */
function withRules(extra: readonly SwapRule[]): Catalog {
  const byFrom = new Map<string, SwapRule[]>();
  for (const r of extra) if (lookupEntry(DEFAULT_CATALOG, r.to) !== undefined && lookupEntry(DEFAULT_CATALOG, r.from) !== undefined) byFrom.set(r.from, [...(byFrom.get(r.from) ?? []), r]);
  return createCatalog([...byFrom].map(([from, rules]) => ({ name: from, swaps: [...(lookupEntry(DEFAULT_CATALOG, from)?.swaps ?? []), ...rules.map(({ from: _, ...s }) => s)] })));
}

describe('suggestSwaps', () => {
  it('finds exactly the swaps that a full re-score of each swapped graph finds, with the same scores', () => {
    // The graph holds the source of every extra rule (withResources), so most cases have swaps to find.
    const caseArb = fc.tuple(dagArb, fc.constantFrom(...TIERS), rulesArb).map(([d, tier, extra]) => ({ graph: graphOf(withResources(d, extra.map((r) => r.from))), tier, extra }));
    let found = 0;
    fc.assert(
      fc.property(caseArb, ({ graph, tier, extra }) => {
        const catalog = withRules(extra);
        const got = suggestSwaps(graph, tier, { catalog });
        const want = reference(graph, tier, catalog);
        if (want.length > 0) found++;
        expect(got.map(key).sort()).toEqual(want.map(key).sort());
        for (const s of got) {
          const w = want.find((x) => key(x) === key(s));
          expect(s.after).toBe(w?.after);
          expect(s.clearsBlocker).toBe(w?.clearsBlocker);
        }
      }),
      { numRuns: 150 },
    );
    // About 70% of the cases have a swap to find (the rest: a tier no swap improves, such as local).
    expect(found / 150).toBeGreaterThan(0.5);
  });
});

describe('suggestSwaps on a swap that closes a cycle', () => {
  it('scores it like the swapped graph (sqlite -> n8n becomes sqlite <-> embedded-workflows)', () => {
    const graph = graphOf({
      root: 'scenario:app',
      nodes: ['scenario:app', 'resource:sqlite', 'resource:n8n', 'resource:redis'],
      edges: [
        { from: 'scenario:app', to: 'resource:sqlite', required: true, enabled: true },
        { from: 'resource:sqlite', to: 'resource:n8n', required: false, enabled: true },
        { from: 'scenario:app', to: 'resource:redis', required: false, enabled: false },
      ],
    });
    const facts = (xs: readonly { from: string; to: string; after: number; clearsBlocker: boolean }[]): string[] => xs.map((x) => `${key(x)} ${x.after} ${x.clearsBlocker}`).sort();
    for (const tier of TIERS) expect(facts(suggestSwaps(graph, tier))).toEqual(facts(reference(graph, tier)));
    expect(suggestSwaps(graph, 'desktop').some((x) => x.to === 'embedded-workflows')).toBe(true);
  });
});

describe('ScoringState.trial', () => {
  const rankArb = fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>;
  test.prop(
    [
      dagArb,
      fc.array(fc.nat(20), { maxLength: 3 }),
      fc.option(fc.tuple(fc.nat(20), fc.nat(20))),
      fc.array(fc.tuple(fc.nat(20), fc.nat(20), rankArb), { maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(20), fc.boolean()), { maxLength: 6 }),
    ],
    { numRuns: 150 },
  )('undoes every change it made: afterwards the state behaves like a fresh one', (d, drops, move, adds, toggles) => {
    const graph = graphOf(d);
    const state = createScoringState(graph);
    const fresh = createScoringState(graph);
    const at = (i: number): NodeId => graph.nodes[i % graph.nodes.length]?.id as NodeId;
    state.trial(() => {
      for (const i of drops) if (at(i) !== graph.root) state.setExcluded(at(i), true);
      if (move !== null && at(move[0]) !== graph.root && at(move[0]) !== at(move[1])) state.moveDependents(at(move[0]), at(move[1]));
      state.addNode({ id: 'resource:sqlite-trial', kind: 'resource', name: 'sqlite-trial', defined: false }, lookupEntry(DEFAULT_CATALOG, 'sqlite'));
      state.addEdge(graph.root, 'resource:sqlite-trial', 2);
      for (const [i, j, rank] of adds) state.addEdge(at(i), at(j), rank);
    });
    expect(state.has('resource:sqlite-trial')).toBe(false);
    expect(state.report()).toEqual(fresh.report());
    // Later changes see the same edges and counts as on a fresh state.
    for (const [i, enabled] of toggles) {
      if (at(i) === graph.root) continue;
      state.setExcluded(at(i), !enabled);
      fresh.setExcluded(at(i), !enabled);
    }
    expect(state.report()).toEqual(fresh.report());
  });

  it('refuses edits outside a trial and lowering ranks after edges were added', () => {
    const state = createScoringState(graphOf({ root: 'scenario:app', nodes: ['scenario:app', 'resource:postgres'], edges: [{ from: 'scenario:app', to: 'resource:postgres' }] }));
    expect(thrownCode(() => state.addEdge('scenario:app', 'resource:postgres', 2))).toBe('INTERNAL');
    expect(thrownCode(() => state.trial(() => {
      state.addEdge('resource:postgres', 'scenario:app', 2);
      state.setExcluded('resource:postgres', true);
    }))).toBe('INTERNAL');
    expect(state.report()).toEqual(createScoringState(graphOf({ root: 'scenario:app', nodes: ['scenario:app', 'resource:postgres'], edges: [{ from: 'scenario:app', to: 'resource:postgres' }] })).report());
  });
});
