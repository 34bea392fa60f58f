// The UI server over real HTTP: who it refuses, what its API answers, and a
// packaging job followed to its artifacts on disk.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@deployment-manager/core';
import { startUiServer, workspaceFromWire, type PackageEvent, type UiServer, type UiSession, type WorkspaceWire } from '@deployment-manager/ui';

const example = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
let server: UiServer;
let dir: string;

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function call(path: string, options: { method?: string; host?: string; body?: unknown; origin?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? `127.0.0.1:${server.port}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.origin === undefined ? {} : { origin: options.origin }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const base = (): string => new URL(server.url).pathname; // /<token>/

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-ui-server-'));
  const app = join(dir, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(app, 'assets', 'app.js'), 'export {};');
  server = await startUiServer({ root: example, scenario: 'recipe-hub', appDir: app, outDir: join(dir, 'out') });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the UI server', () => {
  it('listens on 127.0.0.1 with a long random token in its URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
  });

  it('serves the page under the token with a strict content security policy', async () => {
    const page = await call(base());
    expect(page.status).toBe(200);
    expect(page.body).toContain('./assets/app.js');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await call(`${base()}assets/app.js`)).headers['content-type']).toContain('javascript');
    expect((await call(base().slice(0, -1))).status).toBe(308);
  });

  it('refuses requests without the token, with another token, or under another Host', async () => {
    expect((await call('/')).status).toBe(403);
    expect((await call('/api/session')).status).toBe(403);
    expect((await call(`/${'x'.repeat(32)}/api/session`)).status).toBe(403);
    expect((await call(`${base()}api/session`, { host: `attacker.example:${server.port}` })).status).toBe(421);
    expect((await call(`${base()}api/session`, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('answers only for files of the build', async () => {
    expect((await call(`${base()}%2e%2e/package.json`)).status).toBe(404);
    expect((await call(`${base()}../../package.json`)).status).toBe(404);
  });

  it('hands the page the session and the workspace it loaded', async () => {
    const session = JSON.parse((await call(`${base()}api/session`)).body) as UiSession;
    expect(session).toMatchObject({ scenario: 'recipe-hub', policy: 'active' });
    expect(session.scenarios).toContain('recipe-hub');
    const wire = JSON.parse((await call(`${base()}api/workspace`)).body) as WorkspaceWire;
    expect(workspaceFromWire(wire)).toEqual(loadWorkspace(example));
  });

  it('plans a deployment with costs, and rejects bad bodies and foreign origins with codes', async () => {
    const plan = await call(`${base()}api/plan`, { method: 'POST', body: { scenario: 'recipe-hub', tier: 'saas', swaps: [], target: 'do', environment: 'production' } });
    expect(plan.status).toBe(200);
    const doc = JSON.parse(plan.body) as { stages: unknown[]; cost?: { monthlyUsd: number } };
    expect(doc.stages.length).toBeGreaterThan(0);
    expect(doc.cost?.monthlyUsd).toBeGreaterThan(0);
    const bad = await call(`${base()}api/plan`, { method: 'POST', body: { scenario: 'recipe-hub', tier: 'nowhere', target: 'do' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'TIER_UNKNOWN' } });
    const missing = await call(`${base()}api/package`, { method: 'POST', body: { scenario: 'no-such-app', tier: 'desktop', target: 'desktop' } });
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'SCENARIO_NOT_FOUND' } });
    const foreign = await call(`${base()}api/plan`, { method: 'POST', origin: 'http://attacker.example', body: {} });
    expect(foreign.status).toBe(403);
  });

  it('packages for desktop as a job whose events end with the artifacts it wrote', async () => {
    const started = await call(`${base()}api/package`, { method: 'POST', body: { scenario: 'recipe-hub', tier: 'desktop', target: 'desktop', swaps: [{ from: 'postgres', to: 'sqlite' }, { from: 'redis', to: 'in-process-cache' }] } });
    expect(started.status).toBe(202);
    const { job } = JSON.parse(started.body) as { job: string };
    const stream = await call(`${base()}api/package/${job}/events`);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    const events = stream.body
      .split('\n\n')
      .filter((chunk) => chunk.startsWith('data: '))
      .map((chunk) => JSON.parse(chunk.slice('data: '.length)) as PackageEvent);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const last = events[events.length - 1];
    expect(`${last?.stage}: ${last?.message}`).toMatch(/^done: /);
    expect(last?.artifacts?.length).toBeGreaterThan(0);
    const jobDir = last?.outDir as string;
    expect(createHash('sha256').update(readFileSync(join(jobDir, 'bundle.json'))).digest('hex')).toBe(last?.manifestSha256);
    for (const a of last?.artifacts ?? []) expect(createHash('sha256').update(readFileSync(join(jobDir, a.path))).digest('hex')).toBe(a.sha256);
  });
});
