import { Ajv2020 } from 'ajv/dist/2020.js';
import { DirectedGraph } from 'graphology';
import { topologicalSort } from 'graphology-dag';
import { buildGraph, compactWorkspaceJsonSchema, parseCompactWorkspace, type DependencyGraph, type Workspace } from '@deployment-manager/core';
import { cascade, createWhatIf, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { CASCADE_SWAP, generateWorkload } from './workload.ts';

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

/** Small sizes keep warming up until this much time has passed, so they are measured JIT-compiled (warm), as a long-lived process runs them. */
const WARM_MS = 250;

/** Collects garbage when the process runs with --expose-gc (run.ts starts children so). */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/**
 * Runs `fn` at least `warmup` times (and for at least {@link WARM_MS}) untimed,
 * collects the garbage (untimed: the samples should not pay for the warm-up's
 * or an earlier stage's), then runs it `samples` times timed; returns the
 * median ms and the last result.
 */
function time<T>(fn: () => T, warmup: number, samples: number): { ms: number; value: T } {
  const start = performance.now();
  // `value = undefined` first: one result alive at a time, as in a real run, not two.
  let value: T | undefined = fn();
  for (let i = 1; i < warmup || (performance.now() - start < WARM_MS && i < 1000); i++) (value = undefined), (value = fn());
  const xs: number[] = [];
  value = undefined;
  collect();
  for (let i = 0; i < samples; i++) {
    value = undefined;
    const t0 = performance.now();
    value = fn();
    xs.push(performance.now() - t0);
  }
  return { ms: median(xs), value: value as T };
}

/** The stages summed into "plan" (the planning budget). */
const PLAN = ['graph', 'fitness (all tiers)', 'suggest', 'secrets'];

/** Measures every stage at one size. */
export function measureSize(size: number): SizeResult {
  // Only the text stays alive: the planning stages should not pay GC time for the generator's objects.
  const text = JSON.stringify(generateWorkload(size).document);
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
  stages['suggest'] = time(() => suggestSwaps(g, 'desktop'), warmup, samples).ms;
  stages['cascade'] = time(() => cascade(g, [CASCADE_SWAP], 'desktop'), warmup, samples).ms;
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
  // Every scenario's spec, as the CLI passes them, so declared secrets and env names are planned too.
  const scenarios = [...ws.scenarios.values()];
  stages['secrets'] = time(() => planSecrets(g, { tier: 'desktop', scenarios }), warmup, samples).ms;

  // Peak memory of loading and planning (the floor below builds a graph of its own).
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  // Floor: the least any tool must do with this data - build a graphology graph
  // from the same edges, sort it topologically, and validate the document once.
  const document: unknown = JSON.parse(text);
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
    peakRssMiB,
  };
}
