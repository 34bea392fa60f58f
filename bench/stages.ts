import { Ajv2020 } from 'ajv/dist/2020.js';
import { DirectedGraph } from 'graphology';
import { topologicalSort } from 'graphology-dag';
import { buildGraph, compactWorkspaceJsonSchema, parseCompactWorkspace, type DependencyGraph, type Workspace } from '@deployment-manager/core';
import { DEFAULT_CATALOG, createCatalog, lookupEntry } from '@deployment-manager/catalog';
import { cascade, createWhatIf, planSwapSet, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleManifest, assembleScenario, decisionsFromSuggestions, validateManifest, type CloudManifest, type DesktopManifest, type MobileManifest, type ProfileContent } from '@deployment-manager/bundle';
import { runPackagers, type Packager } from '@deployment-manager/core';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { createDesktopPackager } from '@deployment-manager/packager-desktop';
import { createMobilePackager } from '@deployment-manager/packager-mobile';
import { COMPARED_TIERS, compareSwapPlans, type SwapComparison } from './swap-plans.ts';
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
  /** Stages that could not run, and why (e.g. a manifest the packager refuses). */
  readonly notes: readonly string[];
  /** The optimal swap plans against all-gains on this workload, per compared tier. */
  readonly swapPlans: readonly SwapComparison[];
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

/** Like {@link time}, for async work (packing writes files). */
async function timeAsync<T>(fn: () => Promise<T>, warmup: number, samples: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  collect();
  const xs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

/** The stages summed into "plan" (the planning budget). */
const PLAN = ['graph', 'fitness (all tiers)', 'suggest', 'secrets', 'assemble', 'validate'];

/** Measures every stage at one size. */
export async function measureSize(size: number): Promise<SizeResult> {
  // Only the text stays alive: the planning stages should not pay GC time for the generator's objects.
  const text = JSON.stringify(generateWorkload(size).document);
  const samples = size <= 2000 ? 15 : size <= 20000 ? 5 : 3;
  const warmup = size <= 20000 ? 3 : 1;
  const stages: Record<string, number> = {};
  const notes: string[] = [];

  const load = time(() => parseCompactWorkspace(text, 'bench.json'), warmup, samples);
  stages['load'] = load.ms;
  const ws: Workspace = load.value;
  const graph = time(() => buildGraph(ws, 'app-0'), warmup, samples);
  stages['graph'] = graph.ms;
  const g: DependencyGraph = graph.value;
  stages['fitness (all tiers)'] = time(() => scoreGraph(g), warmup, samples).ms;
  stages['suggest'] = time(() => suggestSwaps(g, 'desktop'), warmup, samples).ms;
  stages['cascade'] = time(() => cascade(g, [CASCADE_SWAP], 'desktop'), warmup, samples).ms;
  // The optimal swap set for each compared tier: to ship, and to ship at all-gains' score.
  const swapPlans = COMPARED_TIERS.map((tier) => compareSwapPlans(`workload ${size}`, g, tier));
  for (const c of swapPlans) {
    stages[`swap plan ${c.tier}`] = time(() => planSwapSet(g, c.tier), warmup, samples).ms;
    stages[`swap plan ${c.tier}@score`] = time(() => planSwapSet(g, c.tier, { minScore: c.allGains.score }), warmup, samples).ms;
  }
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

  // Bundle: the desktop manifest from the graph, the best suggestion per dependency and the
  // secret plan of the swapped graph; then validation alone; then each packager on its manifest.
  const spec = ws.scenarios.get('app-0');
  if (spec === undefined) throw new Error('the workload has no app-0');
  // Teams register their in-house resources in the catalog; the workload's private ones are small
  // embedded libraries (facts of sqlite), so the app can be assembled and packed.
  const template = lookupEntry(DEFAULT_CATALOG, 'sqlite');
  if (template === undefined) throw new Error('the built-in catalog has no sqlite');
  const catalog = createCatalog([...ws.resources.keys()].filter((r) => lookupEntry(DEFAULT_CATALOG, r) === undefined).map((name) => ({ ...template, name, aliases: [] })));
  const suggestions = suggestSwaps(g, 'desktop', { catalog });
  const swaps = [...new Map(suggestions.map((x) => [x.from, { from: x.from, to: x.to }] as const)).values()];
  const desktop = assembleScenario(ws, 'app-0', { tier: 'desktop', graph: g, swaps, catalog });
  const profile: ProfileContent = { name: 'app-0', scenario: 'app-0', tiers: ['desktop'], swaps, secrets: {}, settings: {} };
  const decisions = decisionsFromSuggestions(suggestions, swaps);
  const assembled = time(() => assembleManifest(g, decisions, desktop.secretPlan, profile, { scenario: spec, tier: 'desktop', catalog }), warmup, samples);
  stages['assemble'] = assembled.ms;
  stages['validate'] = time(() => validateManifest(assembled.value.manifest), warmup, samples).ms;
  const out = mkdtempSync(join(tmpdir(), 'dm-bench-pack-'));
  try {
    const pack = async <B>(name: string, packager: Packager<B>, manifest: B, ok: boolean, codes: readonly string[]): Promise<void> => {
      // A manifest with errors is not packed: the stage is left out and the reason noted, not faked.
      if (!ok) return void notes.push(`pack ${name}: manifest not valid (${[...new Set(codes)].join(', ')})`);
      stages[`pack ${name}`] = await timeAsync(() => runPackagers([packager], manifest, { outDir: join(out, name) }), Math.min(warmup, 2), samples);
    };
    const errors = (d: readonly { severity: string; code: string }[]): string[] => d.filter((x) => x.severity === 'error').map((x) => x.code);
    await pack('desktop', createDesktopPackager(), assembled.value.manifest as DesktopManifest, assembled.value.ok, errors(assembled.value.diagnostics));
    const cloud = assembleScenario(ws, 'app-0', { tier: 'saas', graph: g, catalog });
    await pack('cloud', createCloudPackager(), cloud.result.manifest as CloudManifest, cloud.result.ok, errors(cloud.result.diagnostics));
    const mobile = assembleScenario(ws, 'app-0', { tier: 'mobile', graph: g, acceptSuggested: true, catalog });
    await pack('mobile', createMobilePackager(), mobile.result.manifest as MobileManifest, mobile.result.ok, errors(mobile.result.diagnostics));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

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
    notes,
    swapPlans,
  };
}
