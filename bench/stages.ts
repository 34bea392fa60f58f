import { Ajv2020 } from 'ajv/dist/2020.js';
import { DirectedGraph } from 'graphology';
import { topologicalSort } from 'graphology-dag';
import { buildGraph, compactWorkspaceJsonSchema, parseCompactWorkspace, type DependencyGraph, type Workspace } from '@deployment-manager/core';
import { cascade, createWhatIf, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { generateWorkload } from './workload.ts';

/** Medians of one size. */
export interface SizeResult {
  readonly size: number;
  readonly nodes: number;
  readonly edges: number;
  readonly samples: number;
  readonly stages: Record<string, number>;
  readonly planStages: readonly string[];
  readonly planMs: number;
  readonly floorMs: number;
  readonly peakRssMiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Runs `fn` `warmup` times untimed, then `samples` times timed; returns the median ms and the last result. */
function time<T>(fn: () => T, warmup: number, samples: number): { ms: number; value: T } {
  let value = fn();
  for (let i = 1; i < warmup; i++) value = fn();
  const xs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    value = fn();
    xs.push(performance.now() - t0);
  }
  return { ms: median(xs), value };
}

/** The stages summed into "plan" (the planning budget). */
const PLAN = ['graph', 'fitness (all tiers)', 'suggest', 'secrets'];

/** Measures every stage at one size. */
export function measureSize(size: number): SizeResult {
  const { document } = generateWorkload(size);
  const text = JSON.stringify(document);
  const samples = size <= 2000 ? 15 : size <= 20000 ? 5 : 3;
  const warmup = size <= 20000 ? 3 : 1;
  const stages: Record<string, number> = {};

  const load = time(() => parseCompactWorkspace(text, 'bench.json'), warmup, samples);
  stages['load'] = load.ms;
  const ws: Workspace = load.value;
  const graph = time(() => buildGraph(ws, 'app-0'), warmup, samples);
  stages['graph'] = graph.ms;
  const g: DependencyGraph = graph.value;
  stages['fitness (all tiers)'] = time(() => scoreGraph(g), warmup, samples).ms;
  const suggest = time(() => suggestSwaps(g, 'desktop'), warmup, samples);
  stages['suggest'] = suggest.ms;
  const top = suggest.value[0];
  if (top !== undefined) stages['cascade'] = time(() => cascade(g, [{ from: top.from, to: top.to }], 'desktop'), warmup, samples).ms;
  const whatIf = createWhatIf(g);
  const target = g.edges.find((e) => e.from === g.root)?.to;
  if (target !== undefined) {
    let on = false;
    stages['what-if toggle'] = time(() => {
      on = !on;
      whatIf.toggle(target, on);
      return whatIf.score('desktop');
    }, warmup, Math.max(samples, 21)).ms;
  }
  const scenario = ws.scenarios.get('app-0');
  stages['secrets'] = time(() => planSecrets(g, { tier: 'desktop', ...(scenario === undefined ? {} : { scenario }) }), warmup, samples).ms;

  // Floor: the least any tool must do with this data - build a graphology graph
  // from the same edges, sort it topologically, and validate the document once.
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  const validate = ajv.compile(compactWorkspaceJsonSchema);
  const floor = time(() => {
    const dg = new DirectedGraph();
    for (const n of g.nodes) dg.addNode(n.id);
    for (const e of g.edges) dg.addDirectedEdge(e.from, e.to);
    const order = topologicalSort(dg);
    const ok = validate(document);
    return order.length + (ok ? 1 : 0);
  }, warmup, samples);

  const planMs = PLAN.reduce((sum, s) => sum + (stages[s] ?? 0), 0);
  return {
    size,
    nodes: g.nodes.length,
    edges: g.edges.length,
    samples,
    stages,
    planStages: PLAN,
    planMs,
    floorMs: floor.ms,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}
