import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGraph, loadDeploymentReport, loadWorkspace, parseNodeId, type DependencyGraph } from '@deployment-manager/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzerClient, graphFromAnalyzer } from '../src/index.ts';
import { sendJson, startLoopback, type Loopback } from './loopback-server.ts';

// Real predecessor data beside the project: /work/shared/fixtures/vrooli (flat layout).
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/vrooli/', import.meta.url));
const reportFile = (s: string): string => `${FIXTURES}scenarios/${s}/deployment-report.json`;
const SCENARIOS = readdirSync(`${FIXTURES}scenarios`)
  .filter((s) => existsSync(reportFile(s)))
  .sort();
const ws = loadWorkspace(FIXTURES);

// An analyzer on loopback serving each fixture report byte for byte, as the
// real one serves its stored deployment-report.json.
let analyzer: Loopback;
beforeAll(async () => {
  analyzer = await startLoopback((req, res) => {
    const m = /^\/api\/v1\/scenarios\/([^/]+)\/(deployment|dag\/export)$/.exec(new URL(req.url, 'http://x').pathname);
    const scenario = m === null ? undefined : decodeURIComponent(m[1] as string);
    if (scenario === undefined || !SCENARIOS.includes(scenario)) return sendJson(res, 404, { error: 'scenario not found' });
    const body = JSON.parse(readFileSync(reportFile(scenario), 'utf8')) as Record<string, unknown>;
    if (m?.[2] === 'deployment') return sendJson(res, 200, body);
    return sendJson(res, 200, { scenario, recursive: true, generated_at: body['generated_at'], dag: body['dependencies'], metadata_gaps: body['metadata_gaps'] });
  });
});
afterAll(() => analyzer.close());

// Differences between the files and the reports, read by hand from each
// service.json and deployment-report.json: edges the files declare that the
// predecessor's report lacks (it ran on older declarations, or misread groups).
const DRIFT: Record<string, string[]> = {
  // the report turned the `required`/`optional` groups into phantom resources
  calendar: ['scenario:calendar -> resource:notification-hub', 'scenario:calendar -> scenario:scenario-authenticator'],
  // ollama was declared after the analyzer's run
  'scenario-dependency-analyzer': ['scenario:scenario-dependency-analyzer -> resource:ollama'],
  'deployment-manager': ['scenario:scenario-dependency-analyzer -> resource:ollama'],
  // the report predates the agent-manager and scenario-completeness-scoring dependencies
  'ecosystem-manager': ['scenario:ecosystem-manager -> scenario:agent-manager', 'scenario:ecosystem-manager -> scenario:scenario-completeness-scoring'],
};

/** Edges whose dependent is a scenario the files define: the part both sources can describe. */
function comparable(graph: DependencyGraph, defined: ReadonlySet<string>): string[] {
  return graph.edges.filter((e) => parseNodeId(e.from).kind === 'scenario' && defined.has(e.from)).map((e) => `${e.from} -> ${e.to}`);
}

describe('fixture deployment reports as analyzer payloads', () => {
  it('has the 36 fixture reports', () => {
    expect(SCENARIOS).toHaveLength(36);
  });

  it.each(SCENARIOS)('%s: served over HTTP, parses like the file', async (scenario) => {
    const got = await createAnalyzerClient({ baseUrl: analyzer.url, timeoutMs: 5000 }).deploymentReport(scenario);
    const fromFile = loadDeploymentReport(reportFile(scenario));
    const { file: _a, raw: _b, ...viaHttp } = got.value.report;
    const { file: _c, raw: _d, ...viaFile } = fromFile.report;
    expect(viaHttp).toEqual(viaFile);
    expect(got.value.diagnostics.map((d) => [d.code, d.path])).toEqual(fromFile.diagnostics.map((d) => [d.code, d.path]));
    expect(got.producedAt).toBe(Date.parse(viaFile.generatedAt as string));
  });

  it.each(SCENARIOS)('%s: the graph from the analyzer equals the graph from the files where they agree', async (scenario) => {
    const files = buildGraph(ws, scenario, { policy: 'all' });
    const { graph } = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario, compareWith: files });
    const defined = new Set(files.nodes.filter((n) => n.kind === 'scenario' && n.defined).map((n) => n.id));
    const fromFiles = new Set(comparable(files, defined));
    const fromAnalyzer = new Set(comparable(graph, defined));
    // The drift, plus the dependencies of nodes the drift keeps out of the analyzer's graph.
    const absent = (id: string): boolean => !graph.nodes.some((n) => n.id === id);
    const drift = [...(DRIFT[scenario] ?? []), ...files.edges.filter((e) => absent(e.from) && defined.has(e.from)).map((e) => `${e.from} -> ${e.to}`)];
    // Where they agree they are equal: every comparable edge of one is in the other, except the known drift.
    expect([...fromAnalyzer].filter((e) => !fromFiles.has(e))).toEqual([]);
    expect([...fromFiles].filter((e) => !fromAnalyzer.has(e)).sort()).toEqual([...drift].sort());
    // Each difference is a diagnostic: the drift as warnings, what one format cannot express as info.
    const missing = graph.diagnostics.filter((d) => d.code === 'SOURCE_EDGE_MISSING' && d.severity === 'warning').map((d) => /declare (\S+ -> \S+);/.exec(d.message)?.[1]);
    expect(missing.sort()).toEqual([...fromFiles].filter((e) => !fromAnalyzer.has(e)).sort());
    const symmetric = files.edges.filter((e) => !graph.edges.some((g) => g.from === e.from && g.to === e.to)).length + graph.edges.filter((g) => !files.edges.some((e) => e.from === g.from && e.to === g.to)).length;
    expect(graph.diagnostics.filter((d) => d.code === 'SOURCE_EDGE_MISSING' || d.code === 'SOURCE_EDGE_EXTRA')).toHaveLength(symmetric);
  });

  it('holds each node once where the predecessor counted a diamond twice (app-monitor)', async () => {
    const { graph, report } = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario: 'app-monitor' });
    expect(graph.nodes.filter((n) => n.id === 'scenario:app-issue-tracker')).toHaveLength(1);
    expect(graph.edges.filter((e) => e.to === 'scenario:app-issue-tracker').map((e) => e.from).sort()).toEqual(['scenario:app-monitor', 'scenario:scenario-auditor']);
    const treeCount = JSON.stringify(report?.dependencies).split('"name":"app-issue-tracker"').length - 1;
    expect(treeCount).toBe(2);
  });

  it('leaves calendar\'s phantom `required`/`optional` resources out, with diagnostics', async () => {
    const { graph } = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario: 'calendar' });
    expect(graph.nodes.map((n) => n.id)).not.toContain('resource:required');
    expect(graph.nodes.map((n) => n.id)).not.toContain('resource:optional');
    expect(graph.diagnostics.filter((d) => d.code === 'REPORT_PHANTOM_NODE')).toHaveLength(2);
  });

  it('builds the same graph from the DAG export as from the report, for every fixture', async () => {
    for (const scenario of SCENARIOS) {
      const a = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario });
      const b = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario, endpoint: 'dag-export' });
      expect(b.graph.edges.map((e) => `${e.from}>${e.to}`)).toEqual(a.graph.edges.map((e) => `${e.from}>${e.to}`));
      expect(b.graph.nodes).toEqual(a.graph.nodes);
    }
  });

  it('reports the fixture reports as stale today (they were generated in December 2025)', async () => {
    const { stale, graph } = await graphFromAnalyzer({ baseUrl: analyzer.url, timeoutMs: 5000, scenario: 'picker-wheel', now: () => Date.parse('2026-06-01T00:00:00Z') });
    expect(stale).toBe(true);
    expect(graph.diagnostics.map((d) => d.code)).toContain('ANALYZER_DATA_STALE');
  });
});
