import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { buildGraph, createGraph, loadWorkspace, nodeId, type DependencyGraph, type NodeId } from '@deployment-manager/core';
import { pickerWheel, swapWorldArb, worldCatalog, type SwapWorld } from '../test/graphs.ts';
import { applySwaps, planSwaps, resolveSwaps, type SwapSpec } from './apply-swaps.ts';
import { declaredNeeds } from './cascade.ts';
import { createCatalog, lookupEntry } from '@deployment-manager/catalog';
import { planSwapSet, type PlanSwapSetOptions } from './plan-swap-set.ts';
import { createScoringState, resolveEntry } from './scoring-state.ts';
import { DEFAULT_SWAP_COSTS } from './swap-cost-data.ts';
import { allGainsSwaps, suggestSwaps } from './suggest.ts';
import { thrownCode } from '../test/thrown-code.ts';

/** A candidate swap as the planner's contract defines it, priced from the definition (thousandths). */
interface Candidate {
  readonly from: NodeId;
  readonly to: string;
  readonly cost: number;
}

/** The candidates of a world by the definition: per reached known resource, each rule for the tier to another catalog node, priced. */
function candidatesOf(w: SwapWorld, options: PlanSwapSetOptions = {}): Candidate[] {
  const state = createScoringState(w.graph, { catalog: w.catalog, tiers: [w.tier] });
  const keep = new Set(options.keep ?? []);
  const forbid = new Set(options.forbid ?? []);
  const out = new Map<string, Candidate>();
  for (const node of w.graph.nodes) {
    const fromEntry = resolveEntry(w.catalog, node);
    if (node.id === w.graph.root || node.kind !== 'resource' || fromEntry === undefined || state.rank(node.id) < 0 || keep.has(node.name)) continue;
    const needs = new Set(w.graph.edges.filter((e) => e.to === node.id).flatMap((e) => declaredNeeds(e.attributes) ?? fromEntry.assumedNeeds));
    for (const rule of w.rules) {
      const toEntry = lookupEntry(w.catalog, rule.to);
      if (rule.from !== fromEntry.name || !rule.tiers.includes(w.tier) || toEntry === undefined || nodeId('resource', toEntry.name) === node.id) continue;
      if (closure(w, toEntry.name).some((n) => forbid.has(n))) continue;
      const lost = [...needs].filter((c) => !toEntry.provides.includes(c));
      const cost = Math.round(DEFAULT_SWAP_COSTS.effort[rule.effort] * 1000) + lost.reduce((s, c) => s + Math.round((DEFAULT_SWAP_COSTS.capabilities[c] ?? DEFAULT_SWAP_COSTS.capabilityLoss) * 1000), 0);
      const key = `${node.id}>${toEntry.name}`;
      const prior = out.get(key);
      if (prior === undefined || cost < prior.cost) out.set(key, { from: node.id, to: toEntry.name, cost });
    }
  }
  return [...out.values()];
}

function closure(w: SwapWorld, name: string): string[] {
  const seen = new Set<string>();
  const todo = [name];
  while (todo.length > 0) {
    const n = todo.pop() as string;
    if (!seen.has(n)) (seen.add(n), todo.push(...(lookupEntry(w.catalog, n)?.requires ?? [])));
  }
  return [...seen];
}

/** The blockers and score of a swap set, by applying it to the graph and scoring the result from scratch. */
function outcome(w: SwapWorld, swaps: readonly SwapSpec[]): { blockers: NodeId[]; score: number } {
  const state = createScoringState(applySwaps(w.graph, swaps, { catalog: w.catalog }), { catalog: w.catalog, tiers: [w.tier] });
  return { blockers: state.blockers(w.tier), score: state.score(w.tier) };
}

/** Every valid set of candidates (at most one per node, no chain), with its outcome. */
function allSets(w: SwapWorld, candidates: readonly Candidate[]): { swaps: Candidate[]; cost: number; blockers: NodeId[]; score: number }[] {
  const groups = new Map<NodeId, Candidate[]>();
  for (const c of candidates) groups.set(c.from, [...(groups.get(c.from) ?? []), c]);
  const byNode = [...groups.values()];
  const out: { swaps: Candidate[]; cost: number; blockers: NodeId[]; score: number }[] = [];
  const walk = (i: number, chosen: Candidate[]): void => {
    if (i === byNode.length) {
      const froms = new Set(chosen.map((c) => c.from));
      if (chosen.some((c) => froms.has(nodeId('resource', c.to)))) return;
      out.push({ swaps: [...chosen], cost: chosen.reduce((s, c) => s + c.cost, 0), ...outcome(w, chosen) });
      return;
    }
    walk(i + 1, chosen);
    for (const c of byNode[i] as Candidate[]) walk(i + 1, [...chosen, c]);
  };
  walk(0, []);
  return out;
}

const specs = (plan: { swaps: readonly { from: string; to: string }[] }): SwapSpec[] => plan.swaps.map(({ from, to }) => ({ from, to }));
const minScoreArb = fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined });
const RUNS = 1000;

describe('planSwapSet on generated worlds', () => {
  test.prop([swapWorldArb(10), minScoreArb, fc.nat(3)], { numRuns: RUNS })('equals brute force over every subset of the candidate swaps (at most 10)', (w, minScore, alternatives) => {
    const options = { catalog: w.catalog, alternatives, ...(minScore === undefined ? {} : { minScore }) };
    const plan = planSwapSet(w.graph, w.tier, options);
    const candidates = candidatesOf(w);
    expect(candidates.length).toBeLessThanOrEqual(10);
    expect(plan.candidates).toBe(candidates.length);
    expect(plan.exact).toBe(true);
    const sets = allSets(w, candidates);
    const reaching = sets.filter((s) => s.blockers.length === 0 && (minScore === undefined || s.score >= minScore));
    expect(plan.feasible).toBe(reaching.length > 0);
    if (reaching.length > 0) {
      const best = reaching.sort((a, b) => a.cost - b.cost || a.swaps.length - b.swaps.length || b.score - a.score)[0] as (typeof reaching)[number];
      expect([plan.cost, plan.swaps.length, plan.score]).toEqual([best.cost / 1000, best.swaps.length, best.score]);
    }
    // What it calls unclearable stays a blocker whatever the set; without them, the plan is the cheapest that
    // clears every other blocker, and reaches the score when one such set does.
    for (const s of sets) expect(s.blockers).toEqual(expect.arrayContaining([...plan.unclearable]));
    if (reaching.length === 0) {
      const open = (x: { blockers: readonly NodeId[] }): number => x.blockers.filter((b) => !plan.unclearable.includes(b)).length;
      const fewest = Math.min(...sets.map(open));
      const clearing = sets.filter((s) => open(s) === fewest);
      const scoring = clearing.filter((s) => fewest === 0 && (minScore === undefined || s.score >= minScore));
      const best = (scoring.length > 0 ? scoring : clearing).sort((a, b) => a.cost - b.cost || a.swaps.length - b.swaps.length || b.score - a.score)[0];
      expect(open({ blockers: plan.blockersLeft })).toBe(fewest);
      expect([plan.cost, plan.swaps.length, plan.score]).toEqual([(best?.cost ?? 0) / 1000, best?.swaps.length, best?.score]);
    }
  });

  test.prop([swapWorldArb(10), fc.boolean()], { numRuns: RUNS })('is never costlier than the all-gains set that reaches the same goal', (w, withScore) => {
    const options = { catalog: w.catalog };
    const greedy = allGainsSwaps(suggestSwaps(w.graph, w.tier, options));
    const froms = new Set(greedy.map((s) => s.from));
    if (greedy.some((s) => froms.has(nodeId('resource', s.to)))) return; // a chain: all-gains cannot be applied at all
    const reached = outcome(w, greedy);
    if (reached.blockers.length > 0) return; // all-gains does not ship: no goal to match
    const prices = new Map(candidatesOf(w).map((c) => [`${c.from}>${c.to}`, c.cost]));
    const greedyCost = greedy.reduce((s, g) => s + (prices.get(`${g.from}>${g.to}`) as number), 0) / 1000;
    const plan = planSwapSet(w.graph, w.tier, { ...options, alternatives: 0, ...(withScore ? { minScore: reached.score } : {}) });
    expect(plan.feasible).toBe(true);
    expect(plan.cost).toBeLessThanOrEqual(greedyCost);
  });

  test.prop([swapWorldArb(16), minScoreArb], { numRuns: RUNS })('applied with applySwaps, a plan gives the blockers and score it reports; a feasible one ships', (w, minScore) => {
    const plan = planSwapSet(w.graph, w.tier, { catalog: w.catalog, alternatives: 1, ...(minScore === undefined ? {} : { minScore }) });
    const after = outcome(w, specs(plan));
    expect(after).toEqual({ blockers: [...plan.blockersLeft], score: plan.score });
    if (plan.feasible) {
      expect(after.blockers).toEqual([]);
      if (minScore !== undefined) expect(after.score).toBeGreaterThanOrEqual(minScore);
    }
    for (const alt of plan.alternatives) expect(outcome(w, specs(alt)).score).toBe(alt.score);
    // Each swap clears something or closes part of the score gap, and says which.
    for (const s of plan.swaps) {
      const without = outcome(w, specs(plan).filter((x) => x.from !== s.from));
      expect(without.blockers.filter((b) => !after.blockers.includes(b))).toEqual(s.clears);
      expect(s.scoreGain).toBe(Math.round((after.score - without.score) * 100) / 100);
    }
  });

  test.prop([swapWorldArb(12), fc.subarray(['r0', 'r1', 'r2', 'r3']), fc.subarray(['x0', 'x1', 'x2', 'r4', 'r5'])], { numRuns: RUNS })(
    'never swaps a kept dependency, nor brings in a forbidden replacement',
    (w, keepWanted, forbid) => {
      const keep = keepWanted.filter((k) => w.graph.nodes.some((n) => n.name === k));
      const plan = planSwapSet(w.graph, w.tier, { catalog: w.catalog, keep, forbid });
      for (const set of [specs(plan), ...plan.alternatives.map(specs)]) {
        expect(set.map((s) => s.from.slice('resource:'.length)).filter((n) => keep.includes(n))).toEqual([]);
        const added = [...planSwaps(w.graph, set, { catalog: w.catalog }).added.keys()].map((id) => id.slice('resource:'.length));
        expect(added.filter((n) => forbid.includes(n))).toEqual([]);
      }
      expect(plan.candidates).toBe(candidatesOf(w, { keep, forbid }).length);
    },
  );

  test.prop([swapWorldArb(9), fc.record({ from: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'x1'), to: fc.constantFrom('x0', 'x2', 'x3', 'r5'), effort: fc.constantFrom('low' as const, 'medium' as const, 'high' as const) }), minScoreArb], {
    numRuns: RUNS,
  })('adding a candidate swap never raises the optimal cost', (w, extra, minScore) => {
    const options = { alternatives: 0, ...(minScore === undefined ? {} : { minScore }) };
    const before = planSwapSet(w.graph, w.tier, { ...options, catalog: w.catalog });
    const after = planSwapSet(w.graph, w.tier, { ...options, catalog: worldCatalog(w.facts, [...w.rules, { ...extra, tiers: [w.tier], note: 'one more' }]) });
    expect(before.exact && after.exact).toBe(true);
    if (before.feasible) {
      expect(after.feasible).toBe(true);
      expect(after.cost).toBeLessThanOrEqual(before.cost);
    }
  });
});

describe('planSwapSet on known graphs', () => {
  it('picker-wheel on mobile: the cheapest way past its four daemons, each swap naming the blocker it clears', () => {
    const graph = pickerWheel();
    const plan = planSwapSet(graph, 'mobile');
    expect(plan.feasible).toBe(true);
    expect(plan.blockersBefore).toEqual(['resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant']);
    for (const s of plan.swaps) expect(s.clears).toEqual([s.from]);
    expect(plan.swaps.map((s) => s.from)).toEqual(plan.blockersBefore);
    expect(plan.swaps.find((s) => s.from === 'resource:postgres')?.effort).toBe('low');
    expect(plan.exact).toBe(true);
  });

  it('keeps what it is told to keep, and then cannot clear it', () => {
    const plan = planSwapSet(pickerWheel(), 'mobile', { keep: ['postgres'] });
    expect(plan.feasible).toBe(false);
    expect(plan.unclearable).toEqual(['resource:postgres']);
    expect(plan.blockersLeft).toEqual(['resource:postgres']);
    expect(plan.swaps.map((s) => s.from)).toEqual(['resource:n8n', 'resource:ollama', 'resource:qdrant']);
  });

  it('prices capability loss: postgres -> sqlite loses jsonb, which the hosted postgres keeps', () => {
    const plan = planSwapSet(pickerWheel(), 'desktop', { minScore: 80, forbid: ['managed-postgres', 'supabase'] });
    const viaSqlite = plan.swaps.find((s) => s.to === 'sqlite');
    if (viaSqlite !== undefined) expect(viaSqlite.lacks).toEqual(['jsonb']);
    expect(plan.swaps.some((s) => s.to === 'managed-postgres' || s.to === 'supabase')).toBe(false);
  });

  it('a blocker held by two required paths goes when both are cut: it is orphaned, no swap of its own needed, and each of the two clears it', () => {
    // b runs nowhere and has no rule; x and z (both required, both blocking) lead to it and each has a clean replacement.
    const offer = { to: 'clean', tiers: ['desktop' as const], effort: 'low' as const, note: 'test rule' };
    const nowhere = { os: [], arch: ['x64' as const] };
    const catalog = createCatalog(
      [{ name: 'x', platforms: nowhere, swaps: [offer] }, { name: 'z', platforms: nowhere, swaps: [offer] }, { name: 'b', platforms: nowhere }, { name: 'clean', daemon: false, network: 'none' }],
      { builtins: false },
    );
    const graph = createGraph({
      root: 'scenario:app',
      edges: [
        { from: 'scenario:app', to: 'resource:x' },
        { from: 'scenario:app', to: 'resource:z' },
        { from: 'resource:x', to: 'resource:b' },
        { from: 'resource:z', to: 'resource:b' },
      ],
    });
    const plan = planSwapSet(graph, 'desktop', { catalog });
    expect(plan.blockersBefore).toEqual(['resource:b', 'resource:x', 'resource:z']);
    expect(plan.unclearable).toEqual([]);
    expect(plan.feasible).toBe(true);
    expect(plan.swaps.map((s) => [s.from, s.clears])).toEqual([['resource:x', ['resource:b', 'resource:x']], ['resource:z', ['resource:b', 'resource:z']]]);
    expect(applySwaps(graph, specs(plan), { catalog }).nodes.map((n) => n.id)).toEqual(['resource:clean', 'scenario:app']);
  });

  it('refuses bad options with INVALID_ARGUMENT', () => {
    const g = pickerWheel();
    expect(thrownCode(() => planSwapSet(g, 'mobile', { keep: ['nope'] }))).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => planSwapSet(g, 'mobile', { forbid: ['nope'] }))).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => planSwapSet(g, 'mobile', { minScore: 101 }))).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => planSwapSet(g, 'mobile', { costs: { effort: { low: -1 } } }))).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => planSwapSet(g, 'mobile', { maxEvaluations: 0 }))).toBe('INVALID_ARGUMENT');
  });

  it('past its evaluation cap it returns the best found and the gap', () => {
    const full = planSwapSet(pickerWheel(), 'desktop', { minScore: 95 });
    const capped = planSwapSet(pickerWheel(), 'desktop', { minScore: 95, maxEvaluations: 3 });
    expect(full.exact).toBe(true);
    expect(capped.exact).toBe(false);
    expect(capped.evaluations).toBeLessThanOrEqual(3);
    if (capped.feasible) expect(capped.cost - (capped.gap ?? 0)).toBeLessThanOrEqual(full.cost);
  });
});

describe('planSwapSet on the example app (examples/end-to-end)', () => {
  const workspace = loadWorkspace(fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url)));
  const graph: DependencyGraph = buildGraph(workspace, 'recipe-hub', { policy: 'active' });

  it('recipe-hub ships on desktop as it is, where all-gains would swap every dependency', () => {
    const plan = planSwapSet(graph, 'desktop');
    expect(plan.feasible).toBe(true);
    expect(plan.swaps).toEqual([]);
    expect(allGainsSwaps(suggestSwaps(graph, 'desktop')).length).toBeGreaterThan(0);
  });

  it('recipe-hub on mobile: every daemon it can swap is swapped, and the nested scenario is named as unclearable', () => {
    const plan = planSwapSet(graph, 'mobile');
    expect(plan.unclearable).toEqual(['scenario:auth-lite']);
    expect(plan.blockersLeft).toEqual(['scenario:auth-lite']);
    expect(plan.swaps.flatMap((s) => s.clears).sort()).toEqual(plan.blockersBefore.filter((b) => b !== 'scenario:auth-lite'));
    const swapped = applySwaps(graph, specs(plan));
    expect(resolveSwaps(graph, specs(plan)).applied).toHaveLength(plan.swaps.length);
    expect(createScoringState(swapped, { tiers: ['mobile'] }).score('mobile')).toBe(plan.score);
  });

  it('with a minimum score, reaches it at less cost than all-gains', () => {
    const greedy = allGainsSwaps(suggestSwaps(graph, 'desktop'));
    const greedyScore = createScoringState(applySwaps(graph, greedy), { tiers: ['desktop'] }).score('desktop');
    const plan = planSwapSet(graph, 'desktop', { minScore: greedyScore - 5 });
    expect(plan.feasible).toBe(true);
    expect(plan.swaps.length).toBeLessThan(greedy.length);
  });
});
