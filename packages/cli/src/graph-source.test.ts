import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../test/run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
const support = { supported: true, fitness_score: 0.9 };
const tiers = { local: support, desktop: support, mobile: support, saas: support, enterprise: support, server: support };
// What the live analyzer answers for GET /api/v1/scenarios/recipe-hub/deployment: it misses redis.
const report = {
  scenario: 'recipe-hub',
  report_version: 1,
  generated_at: new Date().toISOString(),
  dependencies: ['n8n', 'ollama', 'postgres', 'qdrant'].map((name) => ({ name, type: 'resource', tier_support: tiers, source: 'declared' })),
  aggregates: {},
};

let server: Server;
let url: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/api/v1/scenarios/recipe-hub/deployment')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('--analyzer-url', () => {
  it('builds the graph from the live analyzer and reports where it differs from the files', async () => {
    const { code, out } = await cli(['graph', 'recipe-hub', '--root', example, '--analyzer-url', url, '--json']);
    expect(code).toBe(0);
    expect(requests.some((r) => r.startsWith('/api/v1/scenarios/recipe-hub/deployment'))).toBe(true);
    const doc = JSON.parse(out);
    const ids = doc.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('resource:postgres');
    expect(ids).not.toContain('resource:redis'); // the analyzer's view, not the files'
    expect(doc.diagnostics.some((d: { message: string }) => d.message.includes('redis'))).toBe(true);
  });

  it('feeds the same graph to fitness', async () => {
    const { code, out } = await cli(['fitness', 'recipe-hub', '--root', example, '--analyzer-url', url, '--tier', 'desktop', '--json']);
    expect(code).toBe(0);
    const ids = JSON.parse(out).dependencies.map((d: { id: string }) => d.id);
    expect(ids).toContain('resource:n8n');
    expect(ids).not.toContain('resource:redis');
  });

  it('fails with HTTP_CONNECTION_FAILED, not a stack trace, when the analyzer is down', async () => {
    const { code, out } = await cli(['graph', 'recipe-hub', '--analyzer-url', 'http://127.0.0.1:9', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out).error.code).toBe('HTTP_CONNECTION_FAILED');
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('--analyzer-url on bundle and package', () => {
  it('assembles from the analyzer graph while reading the scenario\'s own services from --root', async () => {
    const { code, out } = await cli(['bundle', 'assemble', 'recipe-hub', '--root', example, '--analyzer-url', url, '--tier', 'saas', '--json']);
    const doc = JSON.parse(out);
    const ids = doc.manifest.services.map((s: { id: string }) => s.id);
    expect(ids).toContain('postgres');
    expect(ids).not.toContain('redis'); // the analyzer did not report redis
    expect(code).toBe(doc.ok ? 0 : 1);
  });

  it('needs --root for the scenario\'s own services', async () => {
    const { code, err } = await cli(['package', 'recipe-hub', '--analyzer-url', url, '--root', '/nowhere', '--target', 'cloud', '--out', '/tmp/unused']);
    expect(code).toBe(2);
    expect(err).toContain('SCENARIO_NOT_FOUND');
    expect(err).toContain('--root');
  });
});
