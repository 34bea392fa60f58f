/*
 * Two copies of an app on one machine ask for the same ports. A port taken by
 * another process between the allocator's probe and the service's listen must
 * move to the next free one (dependents see the new port), and a check answered
 * by the other process must never make a service ready. Every answer is told
 * apart by the pid the process reports about itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readControlFile } from '../src/control-file.ts';
import { startBundle } from '../src/start-bundle.ts';
import type { BundleHandle, RuntimeEvent } from '../src/types.ts';
import { FAST, createTestBundle, type TestBundle } from './bundle-fixture.ts';

const open: { bundle?: BundleHandle; fixture: TestBundle }[] = [];
const foreign: Server[] = [];
afterEach(async () => {
  for (const { bundle, fixture } of open.splice(0)) {
    await bundle?.stop();
    fixture.cleanup();
  }
  for (const s of foreign.splice(0)) await new Promise((r) => s.close(r));
});

/** GET /pid on 127.0.0.1:port: the pid of whoever answers there. */
const pidAt = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/pid', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

/** The PORT a spawned process was given (libuv returns from spawn only after exec, so /proc/<pid>/environ is the child's). */
const portOfProcess = (pid: number): number => Number(/(?:^|\0)PORT=(\d+)\0/.exec(readFileSync(`/proc/${pid}/environ`, 'latin1'))?.[1]);

const hasProc = existsSync('/proc/net/tcp');
if (!hasProc) console.log('port race tests skipped: they take ports from other processes by reading /proc, which this system lacks');

describe.skipIf(!hasProc)('ports raced by another process', () => {
  it('moves a port taken right after its probe to the next free one, and dependents get the new port', async () => {
    const fixture = createTestBundle([{ id: 'api' }, { id: 'web', dependencies: ['api'], env: { API_PORT: '${api.http}', ECHO_ENV: 'API_PORT' } }]);
    open.push({ fixture });
    let stolen: number | undefined;
    const onEvent = (e: RuntimeEvent): void => {
      if (e.type !== 'spawn' || e.service !== 'api' || stolen !== undefined) return;
      stolen = portOfProcess(Number(e.details?.pid));
      // listen() without a host binds the dual-stack wildcard synchronously, before the service can.
      const server = createServer((req, res) => res.writeHead(200).end(req.url === '/pid' ? `foreign ${process.pid}` : 'ok')).listen(stolen);
      foreign.push(server);
    };
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent });
    open[0] = { bundle, fixture };
    const api = bundle.status().services.find((s) => s.id === 'api');
    const moved = bundle.ports.api?.http as number;
    expect(stolen).toBeTypeOf('number');
    expect(moved).not.toBe(stolen);
    expect(await pidAt(moved)).toBe(String(api?.pid));
    expect(await pidAt(stolen as number)).toBe(`foreign ${process.pid}`);
    expect(bundle.events().find((e) => e.type === 'port_reallocated')?.details).toMatchObject({ name: 'http', from: stolen, to: moved });
    expect(bundle.events().some((e) => e.type === 'ready' && e.service === 'api' && e.details?.pid === api?.pid)).toBe(true);
    const webLog = readFileSync(join(fixture.appData, 'logs', 'web', 'web.log'), 'utf8');
    expect(webLog).toContain(`API_PORT is ${moved}`);
  });

  it('gives up naming the port when the whole range is taken after the probe', async () => {
    const fixture = createTestBundle([{ id: 'api' }]);
    open.push({ fixture });
    const events: RuntimeEvent[] = [];
    const onEvent = (e: RuntimeEvent): void => {
      events.push(e);
      if (e.type !== 'spawn' || e.service !== 'api') return;
      const port = portOfProcess(Number(e.details?.pid));
      // Every later port of the range too, so no move can succeed.
      for (let p = port; p <= fixture.base + 9; p++) foreign.push(createServer((_req, res) => res.writeHead(200).end('foreign')).listen(p));
    };
    const error = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_FAILED' });
    expect(events.some((e) => e.type === 'ready')).toBe(false);
    expect(events.find((e) => e.type === 'gave_up')?.reason).toMatch(/is held by another process and no free port left in its range/);
  });

  it('two bundles of one app started at once each serve on their own ports and control ports', async () => {
    const a = createTestBundle([{ id: 'db' }, { id: 'api', dependencies: ['db'] }]);
    const b = createTestBundle([{ id: 'db' }, { id: 'api', dependencies: ['db'] }], {}, a.base);
    open.push({ fixture: a }, { fixture: b });
    // No controlPort: both ask for the manifest's ipc.port.
    const options = { gpu: FAST.gpu, backoffInitialMs: FAST.backoffInitialMs, backoffMaxMs: FAST.backoffMaxMs, stopTimeoutMs: FAST.stopTimeoutMs };
    const [ba, bb] = await Promise.all([startBundle(a.dir, { ...options, appData: a.appData }), startBundle(b.dir, { ...options, appData: b.appData })]);
    open.splice(0, 2, { bundle: ba, fixture: a }, { bundle: bb, fixture: b });
    for (const bundle of [ba, bb]) {
      expect(bundle.status().state).toBe('ready');
      for (const s of bundle.status().services) expect(await pidAt(s.ports.http as number)).toBe(String(s.pid));
      expect(readControlFile(bundle.appData).port).toBe(bundle.control.port);
    }
    expect(ba.control.port).not.toBe(bb.control.port);
    const all = [ba, bb].flatMap((x) => x.status().services.map((s) => s.ports.http));
    expect(new Set(all).size).toBe(all.length);
  });
});
