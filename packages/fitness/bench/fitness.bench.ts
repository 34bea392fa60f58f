// Benchmark (not a test): scores all tiers of a seeded synthetic 200-dependency
// graph, then times one what-if toggle. Run: npx tsx packages/fitness/bench/fitness.bench.ts
import { performance } from 'node:perf_hooks';
import { TIERS, createGraph, type EdgeInput, type NodeId } from '@deployment-manager/core';
import { BUILTIN_CATALOG_DATA, createCatalog, createWhatIf, scoreGraph, suggestSwaps, type CatalogEntryInput } from '@deployment-manager/fitness';
// The repository benchmark's seeded PRNG, so both benchmarks draw the same way.
import { createRng } from '../../../bench/workload.ts';

/** A DAG of `n` dependencies: catalog names (suffixed to be distinct) plus a few unknown ones and nested scenarios. */
function syntheticGraph(n: number, seed: number) {
  const rand = createRng(seed);
  const names = BUILTIN_CATALOG_DATA.map((e) => e.name);
  const ids: NodeId[] = ['scenario:root'];
  for (let i = 0; i < n; i++) {
    const r = rand();
    ids.push(r < 0.05 ? `scenario:nested-${i}` : r < 0.08 ? `resource:unknown-${i}` : `resource:${names[i % names.length]}${i < names.length ? '' : `-${i}`}`);
  }
  // Suffixed copies of built-in entries, so every resource but the unknown ones is in the catalog.
  const extra: CatalogEntryInput[] = [];
  for (let i = names.length; i < n; i++) extra.push({ ...(BUILTIN_CATALOG_DATA[i % names.length] as CatalogEntryInput), name: `${names[i % names.length]}-${i}`, aliases: [] });
  const edges: EdgeInput[] = [];
  for (let i = 1; i < ids.length; i++) {
    const parent = rand() < 0.5 ? 0 : Math.floor(rand() * i);
    edges.push({ from: ids[parent] as NodeId, to: ids[i] as NodeId, required: rand() < 0.7, enabled: rand() < 0.9 });
    if (rand() < 0.3 && i > 1) edges.push({ from: ids[Math.floor(rand() * i)] as NodeId, to: ids[i] as NodeId, required: rand() < 0.5 });
  }
  return { graph: createGraph({ root: 'scenario:root', edges }), catalog: createCatalog(extra) };
}

function time(label: string, runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(48)} ${ms.toFixed(4)} ms/op  (${runs} runs)`);
  return ms;
}

const { graph, catalog } = syntheticGraph(200, 42);
console.log(`synthetic graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges (seed 42)`);
const results: Record<string, number> = {};
results['scoreGraph, all 5 tiers'] = time('scoreGraph, all 5 tiers (cold state each run)', 200, () => void scoreGraph(graph, { catalog }));
const whatIf = createWhatIf(graph, { catalog });
const target = graph.nodes[Math.floor(graph.nodes.length / 2)]?.id as NodeId;
let on = false;
results['what-if toggle + read 5 tier scores'] = time(`what-if toggle ${target} + read 5 tier scores`, 20000, () => {
  whatIf.toggle(target, on);
  on = !on;
  for (const t of TIERS) whatIf.score(t);
});
results['suggestSwaps, desktop'] = time('suggestSwaps(desktop)', 20, () => void suggestSwaps(graph, 'desktop', { catalog }));
const report = scoreGraph(graph, { catalog });
console.log(`known dependencies: ${report.dependencies.length - report.unknown.length} of ${report.dependencies.length}`);
console.log(JSON.stringify({ nodes: graph.nodes.length, edges: graph.edges.length, msPerOp: results }));
