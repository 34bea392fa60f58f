import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { createControlClient } from '../src/control-client.ts';
import { readControlFile } from '../src/control-file.ts';
import { startBundle } from '../src/start-bundle.ts';
import type { BundleHandle } from '../src/types.ts';
import { FAST, createTestBundle, until, type TestBundle } from './bundle-fixture.ts';

const open: { bundle?: BundleHandle; fixture: TestBundle }[] = [];
afterEach(async () => {
  for (const { bundle, fixture } of open.splice(0)) {
    await bundle?.stop();
    fixture.cleanup();
  }
});

const PROMPTED = 'sk-ant-prompted-value-0123456789';

/** Every file under a directory, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

async function secretBundle(): Promise<{ bundle: BundleHandle; fixture: TestBundle }> {
  const fixture = createTestBundle(
    [
      { id: 'api', secrets: ['jwt', 'anthropic', 'tls'], env: { ECHO_ENV: 'JWT_SECRET' } },
      { id: 'ui', secrets: ['anthropic'], env: { ECHO_ENV: 'ANTHROPIC_API_KEY' }, dependencies: ['api'] },
    ],
    {
      secrets: [
        { id: 'jwt', class: 'per_install_generated', generator: { type: 'random', length: 40, charset: 'alnum' }, target: { type: 'env', name: 'JWT_SECRET' } },
        { id: 'anthropic', class: 'user_prompt', format: '^sk-ant-[A-Za-z0-9_-]{20,}$', prompt: { label: 'Anthropic API key' }, target: { type: 'env', name: 'ANTHROPIC_API_KEY' } },
        { id: 'tls', class: 'per_install_generated', generator: { type: 'hex', bytes: 32 }, target: { type: 'file', name: 'secrets/tls.key' } },
      ],
    },
  );
  const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, prompt: async (s) => (s.id === 'anthropic' ? PROMPTED : undefined) });
  open.push({ bundle, fixture });
  return { bundle, fixture };
}

describe('the control api', () => {
  it('answers /healthz to anyone and refuses everything else without the right bearer token', async () => {
    const { bundle } = await secretBundle();
    const base = `http://127.0.0.1:${bundle.control.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    for (const path of ['/readyz', '/ports', '/status', '/logs/tail?service=api', '/shutdown']) {
      expect((await fetch(`${base}${path}`)).status).toBe(401);
      expect((await fetch(`${base}${path}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    }
    expect((await fetch(`${base}/status`, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect(bundle.status().state).toBe('ready');
    expect(statSync(bundle.control.tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(bundle.control.controlFile).mode & 0o777).toBe(0o600);
  });

  it('serves readiness, ports, status and log tails to the token holder, and shuts down on request', async () => {
    const { bundle, fixture } = await secretBundle();
    const client = createControlClient(fixture.appData);
    expect(client.control.port).toBe(bundle.control.port);
    expect((await client.request('GET', '/readyz')).body).toEqual({ ready: true, state: 'ready' });
    expect((await client.request('GET', '/ports')).body).toEqual({ ports: bundle.ports });
    const status = (await client.request('GET', '/status')).body as { services: { id: string; state: string }[] };
    expect(status.services.map((s) => [s.id, s.state])).toEqual([
      ['api', 'ready'],
      ['ui', 'ready'],
    ]);
    await until(async () => ((await client.request('GET', '/logs/tail?service=api&lines=5')).body as { lines: string[] }).lines.some((l) => l.includes('listening on')), 'the api log');
    expect((await client.request('GET', '/logs/tail?service=nope')).status).toBe(404);
    expect((await client.request('POST', '/shutdown')).status).toBe(202);
    expect(await bundle.done).toMatchObject({ ok: true, reason: 'shutdown requested through the control api' });
    expect(() => readControlFile(fixture.appData)).toThrow(expect.objectContaining({ code: 'RUNTIME_NOT_RUNNING' }));
  });
});

describe('secrets', () => {
  it('are generated once and kept in the 0600 store, prompted once, written 0600 to file targets', async () => {
    const { bundle, fixture } = await secretBundle();
    const store = join(fixture.appData, 'runtime', 'secrets.json');
    expect(statSync(store).mode & 0o777).toBe(0o600);
    const values = JSON.parse(readFileSync(store, 'utf8')).secrets as Record<string, string>;
    expect(values['jwt']).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(values['anthropic']).toBe(PROMPTED);
    const keyFile = join(fixture.appData, 'secrets', 'tls.key');
    expect(readFileSync(keyFile, 'utf8')).toBe(values['tls']);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    await bundle.stop();
    // A second start reuses every value and asks nothing.
    let asked = 0;
    const again = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, prompt: async () => (asked++, undefined) });
    await again.stop();
    expect(asked).toBe(0);
    expect(JSON.parse(readFileSync(store, 'utf8')).secrets).toEqual(values);
    expect(again.events().filter((e) => e.type === 'secret').map((e) => e.details?.['action'])).toEqual(['reused', 'reused', 'reused']);
  });

  it('never appear in service logs, telemetry or control api answers, although the services print them', async () => {
    const { bundle, fixture } = await secretBundle();
    const client = createControlClient(fixture.appData);
    const logs = join(fixture.appData, 'logs');
    await until(() => filesUnder(logs).filter((f) => readFileSync(f, 'utf8').includes(' is ')).length === 2, 'both services to print their secret');
    const values = Object.values(JSON.parse(readFileSync(join(fixture.appData, 'runtime', 'secrets.json'), 'utf8')).secrets as Record<string, string>);
    const answers = await Promise.all(['/status', '/ports', '/readyz', '/logs/tail?service=api', '/logs/tail?service=ui'].map(async (p) => JSON.stringify((await client.request('GET', p)).body)));
    await bundle.stop();
    const outputs = [...filesUnder(logs).map((f) => readFileSync(f, 'utf8')), readFileSync(bundle.telemetryFile, 'utf8'), ...answers, JSON.stringify(bundle.events())];
    expect(outputs.join('\n')).toContain('JWT_SECRET is [REDACTED]');
    expect(outputs.join('\n')).toContain('ANTHROPIC_API_KEY is [REDACTED]');
    for (const value of values) for (const out of outputs) expect(out.includes(value)).toBe(false);
  });

  it('refuses to start when a required prompted secret has no answer, naming the secret only', async () => {
    const fixture = createTestBundle([{ id: 'api', secrets: ['key'] }], {
      secrets: [{ id: 'key', class: 'user_prompt', prompt: { label: 'Key' }, target: { type: 'env', name: 'KEY' } }],
    });
    open.push({ fixture });
    const error = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData }).catch((e: unknown) => e);
    expect(isSdkError(error, 'SECRET_MISSING')).toBe(true);
    expect((error as Error).message).toContain('"key"');
  });
});
