import { buildGraph, parseCompactWorkspace } from '@deployment-manager/core';
import { scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { generateWorkload } from './workload.ts';

/** One cold planning run in a fresh process: what a CLI invocation costs. */
export interface OnceResult {
  readonly size: number;
  /** Wall time of loading the workspace text. */
  readonly loadMs: number;
  /** Wall time of graph + fitness (all tiers) + suggest + secrets, run once each, cold. */
  readonly planMs: number;
  /** The same, per stage. */
  readonly stages: Readonly<Record<string, number>>;
  /** Peak RSS of the process minus what it held before loading (Node itself and the generated text). */
  readonly peakRssMiB: number;
  /** Peak RSS of the whole process. */
  readonly processPeakRssMiB: number;
}

/** Loads and plans once, cold, keeping every result alive to the end (as a CLI that prints them does). */
export function measureOnce(size: number): OnceResult {
  const text = JSON.stringify(generateWorkload(size).document);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const ws = parseCompactWorkspace(text, 'bench.json');
  const t1 = performance.now();
  const stages: Record<string, number> = {};
  const timed = <T>(stage: string, fn: () => T): T => {
    const start = performance.now();
    const value = fn();
    stages[stage] = performance.now() - start;
    return value;
  };
  const graph = timed('graph', () => buildGraph(ws, 'app-0'));
  const fitness = timed('fitness (all tiers)', () => scoreGraph(graph));
  const swaps = timed('suggest', () => suggestSwaps(graph, 'desktop'));
  const secrets = timed('secrets', () => planSecrets(graph, { tier: 'desktop', scenarios: [...ws.scenarios.values()] }));
  const t2 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  if (fitness.dependencies.length + swaps.length + secrets.secrets.length < 0) throw new Error('unreachable');
  return { size, loadMs: t1 - t0, planMs: t2 - t1, stages, peakRssMiB: (peak - baseline) / 2 ** 20, processPeakRssMiB: peak / 2 ** 20 };
}
