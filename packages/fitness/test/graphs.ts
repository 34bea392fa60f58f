import { fc } from '@fast-check/vitest';
import { TIERS, createGraph, type DependencyGraph, type EdgeInput, type NodeId, type Tier } from '@deployment-manager/core';
import { createCatalog, type Catalog, type CatalogEntryInput, type Os, type SwapEffort, type SwapRule } from '@deployment-manager/catalog';

/** An in-memory graph that mirrors picker-wheel's declared dependencies (all four required, enabled). */
export function pickerWheel(): DependencyGraph {
  return createGraph({
    root: 'scenario:picker-wheel',
    edges: ['n8n', 'ollama', 'postgres', 'qdrant'].map((r) => ({ from: 'scenario:picker-wheel' as NodeId, to: `resource:${r}` as NodeId })),
  });
}

/** Catalog names plus a few the catalog does not know. */
export const NAMES: readonly string[] = [
  'postgres', 'redis', 'qdrant', 'ollama', 'n8n', 'minio', 'browserless', 'claude-code', 'vault', 'whisper', 'sqlite', 'openrouter',
  'comfyui', 'judge0', 'windmill', 'keycloak', 'searxng', 'mystery-db', 'homegrown-queue',
];

/** A random acyclic graph: node i may depend on node j > i; node 0 is the root scenario. */
export const dagArb: fc.Arbitrary<Dag> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 10 })
  .chain((names) => {
    const nodes: NodeId[] = ['scenario:app', ...names.map((n, i): NodeId => (i % 5 === 4 ? `scenario:${n}` : `resource:${n}`))];
    const pairs: [number, number][] = [];
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) pairs.push([i, j]);
    return fc
      .subarray(pairs, { minLength: 0 })
      .chain((chosen) =>
        fc.tuple(...chosen.map(() => fc.record({ required: fc.boolean(), enabled: fc.boolean() })), fc.constant(0)).map((flags) => {
          const edges: EdgeInput[] = chosen.map(([i, j], k) => ({ from: nodes[i] as NodeId, to: nodes[j] as NodeId, ...(flags[k] as { required: boolean; enabled: boolean }) }));
          // As buildGraph produces them: the root reaches every node (a node nobody depends on hangs off the root, optional).
          const depended = new Set(edges.map((e) => e.to));
          for (const id of nodes.slice(1)) if (!depended.has(id)) edges.push({ from: nodes[0] as NodeId, to: id, required: false, enabled: true });
          return { root: nodes[0] as NodeId, nodes, edges };
        }),
      );
  });

/** A {@link dagArb} value. */
export type Dag = { root: NodeId; nodes: NodeId[]; edges: EdgeInput[] };

/**
 * The dag with `resource:<name>` for each name, as a required dependency of the root where the
 * dag lacks it: so a property about swapping or suggesting for those names always has them to act on.
 */
export function withResources(d: Dag, names: readonly string[]): Dag {
  const missing = [...new Set(names)].map((n): NodeId => `resource:${n}`).filter((id) => !d.nodes.includes(id));
  return { root: d.root, nodes: [...d.nodes, ...missing], edges: [...d.edges, ...missing.map((to): EdgeInput => ({ from: d.root, to, required: true, enabled: true }))] };
}

/** Builds the graph of a {@link dagArb} value. */
export function graphOf(d: Dag): DependencyGraph {
  return createGraph({ root: d.root, nodes: d.nodes.map((id) => ({ id })), edges: d.edges });
}

/** A small world to plan swaps in: its own catalog (no built-ins) whose records offer the swaps of `rules`, a graph, a tier. */
export interface SwapWorld {
  /** The records' facts, without their swaps. */
  readonly facts: readonly CatalogEntryInput[];
  /** The swaps the records offer. */
  readonly rules: readonly SwapRule[];
  /** The catalog of `facts` offering `rules` ({@link worldCatalog}). */
  readonly catalog: Catalog;
  readonly graph: DependencyGraph;
  readonly tier: Tier;
}

/** A catalog of only `facts`, each record offering the swaps of `rules` that start from it. */
export function worldCatalog(facts: readonly CatalogEntryInput[], rules: readonly SwapRule[]): Catalog {
  return createCatalog(
    facts.map((f) => ({ ...f, swaps: rules.filter((r) => r.from === f.name).map(({ to, tiers, effort, note }) => ({ to, tiers, effort, note })) })),
    { builtins: false },
  );
}

/** Resource names of a {@link SwapWorld}: `r*` may be in the graph, `x*` only come in through swaps. */
const WORLD_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'x0', 'x1', 'x2', 'x3'] as const;
const CAPS = ['a', 'b', 'c'] as const;
const ALL_OS: readonly Os[] = ['linux', 'macos', 'windows', 'ios', 'android'];

/** Facts of one entry: clean (runs anywhere in-process), a daemon, nowhere (blocks every tier), gpu-bound, or hosted. */
const entryArb = (name: string): fc.Arbitrary<CatalogEntryInput> =>
  fc
    .record({
      kind: fc.constantFrom('clean', 'daemon', 'nowhere', 'nowhere', 'gpu', 'hosted'),
      ramMb: fc.constantFrom(16, 256, 2048, 8192),
      provides: fc.subarray([...CAPS]),
      requires: fc.option(fc.constantFrom(...WORLD_NAMES.filter((n) => n !== name)), { nil: undefined, freq: 4 }),
    })
    .map(({ kind, ramMb, provides, requires }) => ({
      name,
      ramMb,
      provides,
      ...(requires === undefined ? {} : { requires: [requires] }),
      ...(kind === 'clean' ? { daemon: false, network: 'none' as const, platforms: { os: ALL_OS, arch: ['x64', 'arm64'] as const } } : {}),
      ...(kind === 'nowhere' ? { platforms: { os: [], arch: ['x64'] as const } } : {}),
      ...(kind === 'gpu' ? { gpu: 'required' as const } : {}),
      ...(kind === 'hosted' ? { hosted: true } : {}),
    }));

const effortArb = fc.constantFrom<SwapEffort>('low', 'medium', 'high');

/**
 * A {@link SwapWorld} with at most `maxRules` rules (so at most that many candidate swaps).
 * By construction `r0` is a required dependency of the root that runs nowhere (a blocker on
 * every tier) and a rule swaps it for a clean `x0`, so there is always a blocker a swap clears;
 * the other rules mostly start from nodes of the graph and are meant for the world's tier, and
 * half the facts block, so several blockers compete for swaps of different prices. The rest is
 * random: facts, requirements (also cycles), rules (also chains and rules for other tiers),
 * edge flags and declared needs, and sometimes a dependency the catalog does not know.
 */
export function swapWorldArb(maxRules = 10): fc.Arbitrary<SwapWorld> {
  return fc
    .record({
      entries: fc.tuple(...WORLD_NAMES.map(entryArb)),
      tier: fc.constantFrom(...TIERS),
      graphNames: fc.subarray(['r1', 'r2', 'r3', 'r4', 'r5', 'x1', 'mystery']),
      extraEdges: fc.array(fc.record({ i: fc.nat(), j: fc.nat(), required: fc.boolean(), enabled: fc.boolean(), needs: fc.option(fc.subarray([...CAPS]), { nil: undefined }) }), {
        maxLength: 8,
      }),
      rootEdges: fc.array(fc.record({ required: fc.boolean(), enabled: fc.boolean() }), { minLength: 8, maxLength: 8 }),
      clearEffort: effortArb,
    })
    .chain((world) =>
      fc
        .array(
          fc.record({
            from: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('r0', ...world.graphNames) }, { weight: 1, arbitrary: fc.constantFrom(...WORLD_NAMES) }),
            to: fc.constantFrom(...WORLD_NAMES),
            effort: effortArb,
            tiers: fc.oneof({ weight: 4, arbitrary: fc.constant([world.tier]) }, { weight: 1, arbitrary: fc.subarray([...TIERS], { minLength: 1 }) }),
          }),
          { maxLength: maxRules - 1 },
        )
        .map((rules) => ({ ...world, rules })),
    )
    .map(({ entries, tier, rules, graphNames, extraEdges, rootEdges, clearEffort }) => {
      const facts = entries.map((e) => (e.name === 'r0' ? { ...e, platforms: { os: [], arch: ['x64' as const] } } : e.name === 'x0' ? { ...e, daemon: false, network: 'none' as const, gpu: 'none' as const, platforms: { os: ALL_OS, arch: ['x64', 'arm64'] as const }, requires: [] } : e));
      const ids: NodeId[] = ['resource:r0', ...graphNames.map((n): NodeId => `resource:${n}`)];
      const edges: EdgeInput[] = [{ from: 'scenario:app', to: 'resource:r0', required: true, enabled: true }];
      // Edges between graph nodes go from earlier to later ones (a DAG); every node hangs off the root.
      for (const { i, j, required, enabled, needs } of extraEdges) {
        const a = i % ids.length;
        const b = j % ids.length;
        if (a < b) edges.push({ from: ids[a] as NodeId, to: ids[b] as NodeId, required, enabled, ...(needs === undefined ? {} : { attributes: { capabilities: needs } }) });
      }
      ids.slice(1).forEach((id, k) => edges.push({ from: 'scenario:app', to: id, ...(rootEdges[k] as { required: boolean; enabled: boolean }) }));
      const graph = createGraph({ root: 'scenario:app', nodes: [{ id: 'scenario:app' }, ...ids.map((id) => ({ id }))], edges: dedupeEdges(edges) });
      const swapRules: SwapRule[] = [
        { from: 'r0', to: 'x0', tiers: [tier], effort: clearEffort, note: 'clears r0' },
        ...rules.filter((r) => r.from !== r.to).map((r) => ({ ...r, note: 'test rule' })),
      ];
      return { facts, rules: swapRules, catalog: worldCatalog(facts, swapRules), graph, tier };
    });
}

function dedupeEdges(edges: readonly EdgeInput[]): EdgeInput[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}>${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
