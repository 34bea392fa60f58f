import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudManifest } from '@deployment-manager/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCloudApp } from '@deployment-manager/testkit';
import { deriveSmokeChecks, renderSmokeScript } from '@deployment-manager/packager-vps';
import { verify } from './verify.ts';
import { stageOf } from './diagnostic-codes.ts';

// One loopback server stands in for every service: /health and /healthz (n8n's) answer with the current status code.
let status = 200;
let server: Server;
let base = '';
const hasCurl = spawnSync('curl', ['--version']).status === 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = req.url === '/health' || req.url === '/healthz' || req.url?.startsWith('/api') === true || req.url === '/' ? status : 404;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const { manifest } = exampleCloudApp();
const checks = deriveSmokeChecks(manifest);
const urls = (): Record<string, string> => Object.fromEntries(manifest.services.map((s) => [s.id, base]));

describe('deriveSmokeChecks', () => {
  it('derives http checks from http health, tcp checks from tcp health and readiness ports, and one check per public route', () => {
    // postgres and redis are checked by a command inside their containers (pg_isready, redis-cli ping): from outside, their ports.
    expect(checks.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'api.health:http',
      'ingress:/:ingress',
      'ingress:/api:ingress',
      'n8n.health:http',
      'n8n.ready:tcp',
      'postgres.ready:tcp',
      'qdrant.health:tcp',
      'redis.ready:tcp',
      'ui.health:http',
    ]);
    expect(checks.find((c) => c.name === 'api.health')).toMatchObject({ port: 8080, path: '/health', critical: true });
    expect(checks.find((c) => c.name === 'ui.health')?.critical).toBe(false);
  });

  it('probes a readiness port once even when health already covers it, and leaves out command checks', () => {
    const m: CloudManifest = {
      ...manifest,
      services: [
        { id: 'db', kind: 'resource', image: 'x', ports: [{ name: 'a', container_port: 1 }, { name: 'b', container_port: 2 }], health: { type: 'tcp', port_name: 'a' }, readiness: { type: 'port_open', port_name: 'b' } },
        { id: 'job', kind: 'app', image: 'y', health: { type: 'command', command: ['true'] } },
      ],
    };
    const { ingress: _drop, ...noIngress } = m;
    expect(deriveSmokeChecks(noIngress).map((c) => `${c.name}:${c.port}`)).toEqual(['db.health:1', 'db.ready:2']);
  });
});

describe('verify against a real HTTP server on 127.0.0.1', () => {
  it('passes every check while the server answers 200', async () => {
    status = 200;
    const report = await verify(checks, { urls: urls(), publicUrl: base });
    expect(report.results.map((r) => r.status)).toEqual(checks.map(() => 'passed'));
    expect(report).toMatchObject({ status: 'success', failed: [], findings: [] });
  });

  it('fails, naming the failing checks, when the server returns 503', async () => {
    status = 503;
    const report = await verify(checks, { urls: urls(), publicUrl: base });
    expect(report.status).toBe('error');
    expect(report.failed).toEqual(['api.health', 'ingress:/', 'ingress:/api', 'n8n.health', 'ui.health']);
    expect(report.results.find((r) => r.name === 'api.health')).toMatchObject({ status: 'failed', httpStatus: 503 });
    expect(report.findings.map((f) => [stageOf(f), f.code, f.severity])).toContainEqual(['verify', 'SMOKE_CHECK_FAILED', 'error']);
    expect(report.findings.find((f) => f.message.includes('api.health'))?.severity).toBe('error');
    // ui is not critical: its failure is a warning.
    expect(report.findings.find((f) => f.message.includes('ui.health'))?.severity).toBe('warning');
  });

  it('fails tcp checks on a closed port and skips checks without a url', async () => {
    status = 200;
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const report = await verify(checks, { urls: { postgres: `http://127.0.0.1:${closed}`, api: base } });
    expect(report.results.find((r) => r.name === 'postgres.ready')?.status).toBe('failed');
    expect(report.results.find((r) => r.name === 'api.health')?.status).toBe('passed');
    expect(report.results.find((r) => r.name === 'redis.ready')?.status).toBe('skipped');
    expect(report.failed).toEqual(['postgres.ready']);
  });
});

describe.skipIf(!hasCurl)('the rendered smoke script (bash + curl, probes overridden to 127.0.0.1)', () => {
  // Asynchronous spawn: the server lives in this process and must keep answering while the script runs.
  const run = (): Promise<{ code: number | null; out: string }> =>
    new Promise((resolve) => {
      const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', SMOKE_PUBLIC_URL: base };
      for (const s of manifest.services) env[`SMOKE_URL_${s.id.toUpperCase()}`] = base;
      const child = spawn('bash', ['-c', renderSmokeScript(manifest, checks, 'compose', 'production')], { env });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.on('close', (code) => resolve({ code, out }));
    });

  it('passes against the live server and prints the closing count', async () => {
    status = 200;
    const { code, out } = await run();
    expect(out).toContain(`${checks.length} passed, 0 failed`);
    expect(code).toBe(0);
  });

  it('fails with exit code 1, naming the failing check, when the server returns 503', async () => {
    status = 503;
    const { code, out } = await run();
    expect(out).toMatch(/^FAIL api\.health \(HTTP 503/m);
    expect(out).toMatch(/^ok   postgres\.ready/m);
    expect(out).toContain(`${checks.length - 5} passed, 5 failed`);
    expect(code).toBe(1);
  });
});
