import { diffGraphs, graphFromAnalyzerTree, nodeId, type DependencyGraph, type DeploymentReport, type Diagnostic, type InclusionPolicy, type NodeId, type ReportDependencyNode } from '@deployment-manager/core';
import type { AnalyzerAnalysis } from './analyzer-analysis.ts';
import { createAnalyzerClient, type AnalyzerClientOptions } from './analyzer-client.ts';
import { redactUrl } from './redact.ts';
import { clientDiagnostic } from './diagnostic-codes.ts';

/** Options of {@link graphFromAnalyzer}: a client's options plus what to build. */
export interface GraphFromAnalyzerOptions extends AnalyzerClientOptions {
  /** The scenario whose graph to build. */
  readonly scenario: string;
  /** `all` edges (default) or only `active` ones. */
  readonly policy?: InclusionPolicy;
  /** Read the tree from the deployment report (default) or the DAG export. */
  readonly endpoint?: 'deployment' | 'dag-export';
  /** Also fetch `GET /api/v1/analyze/{s}` to learn the `required` flag of the root's edges. Default false. */
  readonly withAnalysis?: boolean;
  /** A graph of the same scenario built from files: differences are added as diagnostics. */
  readonly compareWith?: DependencyGraph;
  /** Ask the analyzer to recompute and bypass the cache. */
  readonly refresh?: boolean;
  /** Aborts the calls (`HTTP_ABORTED`). */
  readonly signal?: AbortSignal;
}

/** A graph built from the analyzer, with how old its data is. */
export interface AnalyzerGraph {
  /** The graph; its diagnostics include staleness and, with `compareWith`, the differences from the files. */
  readonly graph: DependencyGraph;
  /** The deployment report, when read from the `deployment` endpoint. */
  readonly report?: DeploymentReport;
  /** The scan, when `withAnalysis` was set. */
  readonly analysis?: AnalyzerAnalysis;
  /** When the analyzer produced the data (ISO 8601), if it said. */
  readonly generatedAt?: string;
  /** Age of the data in milliseconds. */
  readonly ageMs: number;
  /** True when older than the staleness limit (default 7 days). */
  readonly stale: boolean;
}

/**
 * Builds a scenario's {@link DependencyGraph} from the live analyzer instead
 * of files, so every later stage (fitness, secrets, bundle, packagers) works
 * the same. This is what the CLI's `--analyzer-url` uses. Stale data (older
 * than `maxAgeMs`, default 7 days) adds an `ANALYZER_DATA_STALE` warning;
 * pass `refresh: true` to have the analyzer recompute.
 *
 * @example
 * ```ts
 * const { graph, stale } = await graphFromAnalyzer({ baseUrl: 'http://127.0.0.1:8080', scenario: 'picker-wheel', policy: 'active' });
 * ```
 */
export async function graphFromAnalyzer(options: GraphFromAnalyzerOptions): Promise<AnalyzerGraph> {
  const client = createAnalyzerClient(options);
  const call = { ...(options.signal === undefined ? {} : { signal: options.signal }), ...(options.refresh === true ? { refresh: true } : {}) };
  const endpoint = options.endpoint ?? 'deployment';
  let tree: readonly ReportDependencyNode[];
  let report: DeploymentReport | undefined;
  let parsed: readonly Diagnostic[];
  let generatedAt: string | undefined;
  let fresh: { ageMs: number; stale: boolean };
  let path: string;
  if (endpoint === 'deployment') {
    const got = await client.deploymentReport(options.scenario, call);
    report = got.value.report;
    parsed = got.value.diagnostics;
    tree = report.dependencies;
    generatedAt = report.generatedAt;
    fresh = got;
    path = `/api/v1/scenarios/${encodeURIComponent(options.scenario)}/deployment`;
  } else {
    const got = await client.dagExport(options.scenario, call);
    tree = got.value.dependencies;
    parsed = got.value.diagnostics;
    generatedAt = got.value.generatedAt;
    fresh = got;
    path = `/api/v1/scenarios/${encodeURIComponent(options.scenario)}/dag/export`;
  }
  const analysis = options.withAnalysis === true ? await client.analyze(options.scenario, options.signal === undefined ? {} : { signal: options.signal }) : undefined;
  const source = redactUrl(client.baseUrl + path);
  const built = graphFromAnalyzerTree(options.scenario, tree, {
    source,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(analysis === undefined ? {} : { rootRequired: rootRequired(analysis) }),
  });
  const extra: Diagnostic[] = [...parsed];
  if (fresh.stale) {
    const days = Math.round((fresh.ageMs / 86_400_000) * 10) / 10;
    extra.push(
      clientDiagnostic('ANALYZER_DATA_STALE', `the analyzer's data for "${options.scenario}" is ${days} days old${generatedAt === undefined ? '' : ` (generated ${generatedAt})`}`, {
        path: '/generated_at',
        file: source,
        hint: 'refresh it (refresh: true / --refresh) before trusting scores built on it',
      }),
    );
  }
  if (options.compareWith !== undefined) {
    for (const item of diffGraphs(options.compareWith, built, { compareFlags: analysis !== undefined })) extra.push(item);
  }
  const graph: DependencyGraph = { ...built, diagnostics: [...built.diagnostics, ...extra] };
  return {
    graph,
    ...(report === undefined ? {} : { report }),
    ...(analysis === undefined ? {} : { analysis }),
    ...(generatedAt === undefined ? {} : { generatedAt }),
    ageMs: fresh.ageMs,
    stale: fresh.stale,
  };
}

// The `required` flag of the root's own edges, as the analyzer's scan states them.
function rootRequired(analysis: AnalyzerAnalysis): Map<NodeId, boolean> {
  const flags = new Map<NodeId, boolean>();
  for (const d of analysis.resources) flags.set(nodeId('resource', d.name), d.required);
  for (const d of analysis.scenarios) flags.set(nodeId('scenario', d.name), d.required);
  for (const [name, spec] of Object.entries(analysis.declaredScenarios)) flags.set(nodeId('scenario', name), spec.required);
  return flags;
}
