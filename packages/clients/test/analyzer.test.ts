import { describe, expect, it } from 'vitest';
import { createAnalyzerClient, createFreshnessCache, graphFromAnalyzer, DEFAULT_MAX_AGE_MS } from '../src/index.ts';
import { graphFromAnalyzerTree } from '@deployment-manager/core';
import { shopAnalysis, shopDag, shopReport } from './analyzer-payloads.ts';
import { type Loopback, sdkFailure, sendJson, serveEachTest } from './loopback-server.ts';

const GENERATED = Date.parse('2025-12-02T17:35:28.254Z');
// A timeout no loopback answer comes near, even on a loaded machine: these tests are not about timeouts.
const fast = { timeoutMs: 60_000, backoff: { baseMs: 1, maxMs: 2, random: () => 0 } } as const;

const serve = serveEachTest();

/** An analyzer on loopback answering the three endpoints for `shop`. */
async function analyzer(overrides: { report?: unknown } = {}): Promise<Loopback> {
  const s = await serve((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/api/v1/scenarios/shop/deployment') return sendJson(res, 200, overrides.report ?? shopReport());
    if (path === '/api/v1/scenarios/shop/dag/export') return sendJson(res, 200, shopDag());
    if (path === '/api/v1/analyze/shop') return sendJson(res, 200, shopAnalysis());
    return sendJson(res, 404, { error: 'not found' });
  });
  return s;
}


describe('analyzer client', () => {
  it('reads the deployment report, dated by its generated_at', async () => {
    const s = await analyzer();
    const client = createAnalyzerClient({ ...fast, baseUrl: s.url, now: () => GENERATED + 3_600_000 });
    const got = await client.deploymentReport('shop');
    expect(got.value.report.scenario).toBe('shop');
    expect(got.value.report.dependencies.map((d) => d.name)).toEqual(['postgres', 'required', 'billing', 'auth']);
    expect(got.value.report.dependencies[1]?.phantom).toBe(true);
    expect(got.ageMs).toBe(3_600_000);
    expect(got.stale).toBe(false);
    expect(got.value.report.file).toBe(`${s.url}/api/v1/scenarios/shop/deployment`);
    expect(JSON.stringify(got.value.report.dependencies)).not.toContain('unknown_field');
  });

  it('reports data older than the limit as stale', async () => {
    const s = await analyzer();
    const client = createAnalyzerClient({ ...fast, baseUrl: s.url, now: () => GENERATED + DEFAULT_MAX_AGE_MS + 1 });
    expect((await client.deploymentReport('shop')).stale).toBe(true);
  });

  it('rejects a report about another scenario and a body that is no report', async () => {
    const other = await analyzer({ report: { ...shopReport(), scenario: 'elsewhere' } });
    const e1 = await sdkFailure(createAnalyzerClient({ ...fast, baseUrl: other.url }).deploymentReport('shop'));
    expect(e1.code).toBe('HTTP_UNEXPECTED_SHAPE');
    const junk = await analyzer({ report: { dependencies: 'nope' } });
    const e2 = await sdkFailure(createAnalyzerClient({ ...fast, baseUrl: junk.url }).deploymentReport('shop'));
    expect(e2.code).toBe('HTTP_UNEXPECTED_SHAPE');
    const list = await analyzer({ report: [1, 2, 3] });
    expect((await sdkFailure(createAnalyzerClient({ ...fast, baseUrl: list.url }).deploymentReport('shop'))).code).toBe('HTTP_UNEXPECTED_SHAPE');
  });

  it('asks for the recursive DAG export and relocates pointers into `dag`', async () => {
    const s = await analyzer();
    const got = await createAnalyzerClient({ ...fast, baseUrl: s.url }).dagExport('shop');
    expect(s.requests[0]?.url).toBe('/api/v1/scenarios/shop/dag/export?recursive=true');
    expect(got.value.recursive).toBe(true);
    expect(got.value.dependencies[3]?.children[1]?.pointer).toBe('/dag/3/children/1');
  });

  it('reads the scan with Go nulls as empty lists', async () => {
    const s = await analyzer();
    const a = await createAnalyzerClient({ ...fast, baseUrl: s.url }).analyze('shop');
    expect(a.resources).toEqual([{ name: 'postgres', type: 'resource', required: true, purpose: 'x', accessMethod: 'resource_cli' }]);
    expect(a.detectedResources).toEqual([]);
    expect(a.declaredScenarios).toEqual({ auth: { required: false } });
    expect(a.resourceDiff).toEqual({ missing: ['minio'], extra: [] });
  });

  it('serves repeats from the cache and refetches with refresh=true on request', async () => {
    const s = await analyzer();
    let now = GENERATED;
    const cache = createFreshnessCache({ now: () => now });
    const client = createAnalyzerClient({ ...fast, baseUrl: s.url, cache });
    await client.deploymentReport('shop');
    const second = await client.deploymentReport('shop');
    expect(second.cached).toBe(true);
    expect(s.requests).toHaveLength(1);
    now = GENERATED + DEFAULT_MAX_AGE_MS + 1;
    const stale = await client.deploymentReport('shop');
    expect(stale.stale).toBe(true);
    expect(s.requests).toHaveLength(1);
    await client.deploymentReport('shop', { refresh: true });
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.url).toBe('/api/v1/scenarios/shop/deployment?refresh=true');
  });

  it('encodes scenario names and refuses empty ones', async () => {
    const s = await analyzer();
    const client = createAnalyzerClient({ ...fast, baseUrl: s.url });
    expect((await sdkFailure(client.deploymentReport('a/b?c'))).code).toBe('HTTP_STATUS');
    expect(s.requests[0]?.url).toBe('/api/v1/scenarios/a%2Fb%3Fc/deployment');
    expect((await sdkFailure(client.deploymentReport(' '))).code).toBe('INVALID_ARGUMENT');
  });
});

describe('graphFromAnalyzer', () => {
  it('builds a DAG: every node once, phantom left out, edges parent -> child', async () => {
    const s = await analyzer();
    const { graph, stale } = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', now: () => GENERATED });
    expect(stale).toBe(false);
    expect(graph.root).toBe('scenario:shop');
    expect(graph.nodes.map((n) => n.id)).toEqual(['resource:postgres', 'resource:redis', 'scenario:auth', 'scenario:billing', 'scenario:shop']);
    expect(graph.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'scenario:auth -> resource:postgres',
      'scenario:auth -> scenario:billing',
      'scenario:billing -> resource:redis',
      'scenario:shop -> resource:postgres',
      'scenario:shop -> scenario:auth',
      'scenario:shop -> scenario:billing',
    ]);
    expect(graph.diagnostics.map((d) => d.code)).toContain('REPORT_PHANTOM_NODE');
    expect(graph.edges.find((e) => e.to === 'resource:redis')?.source.path).toBe('/dependencies/2/children/0');
  });

  it('gives the same graph from the DAG export as from the report', async () => {
    const s = await analyzer();
    const a = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop' });
    const b = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', endpoint: 'dag-export' });
    expect(b.graph.nodes).toEqual(a.graph.nodes);
    expect(b.graph.edges.map((e) => [e.from, e.to, e.required])).toEqual(a.graph.edges.map((e) => [e.from, e.to, e.required]));
  });

  it('takes required flags of the root edges from the scan, and drops optional ones under the active policy', async () => {
    const s = await analyzer();
    const all = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', withAnalysis: true });
    expect(all.graph.edges.find((e) => e.from === 'scenario:shop' && e.to === 'scenario:auth')?.required).toBe(false);
    expect(all.analysis?.scenario).toBe('shop');
    // Optional edges are still enabled (the analyzer does not say otherwise), so `active` keeps them.
    const active = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', withAnalysis: true, policy: 'active' });
    expect(active.graph.edges).toHaveLength(all.graph.edges.length);
  });

  it('warns ANALYZER_DATA_STALE on old data', async () => {
    const s = await analyzer();
    const got = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', now: () => GENERATED + 30 * 86_400_000 });
    expect(got.stale).toBe(true);
    expect(got.graph.diagnostics.find((d) => d.code === 'ANALYZER_DATA_STALE')?.severity).toBe('warning');
  });

  it('reports differences from a graph of the files as diagnostics', async () => {
    const s = await analyzer();
    const fromTree = graphFromAnalyzerTree('shop', [], {});
    const got = await graphFromAnalyzer({ ...fast, baseUrl: s.url, scenario: 'shop', compareWith: fromTree });
    const extra = got.graph.diagnostics.filter((d) => d.code === 'SOURCE_EDGE_EXTRA');
    expect(extra).toHaveLength(got.graph.edges.length);
  });
});
