import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { startBundle } from '../src/start-bundle.ts';
import { sha256File } from '../src/verify-assets.ts';
import type { BundleHandle, RuntimeEvent } from '../src/types.ts';
import { FAST, createTestBundle, until, type TestBundle } from './bundle-fixture.ts';

const open: { bundle?: BundleHandle; fixture: TestBundle; server?: Server }[] = [];
afterEach(async () => {
  for (const { bundle, fixture, server } of open.splice(0)) {
    await bundle?.stop();
    server?.close();
    fixture.cleanup();
  }
});

const refusal = async (fixture: TestBundle, options: Parameters<typeof startBundle>[1] = {}): Promise<{ error: unknown; events: RuntimeEvent[] }> => {
  const events: RuntimeEvent[] = [];
  const error = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent: (e) => events.push(e), ...options }).then(
    async (b) => {
      await b.stop();
      return undefined;
    },
    (e: unknown) => e,
  );
  return { error, events };
};

describe('sha256File', () => {
  it('hashes a regular file and refuses a FIFO or a device with FILE_NOT_REGULAR, without blocking', async () => {
    const fixture = createTestBundle([{ id: 'api' }]);
    open.push({ fixture });
    const fifo = join(fixture.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(fixture.dir, 'plain'), 'abc');
    expect(await sha256File(join(fixture.dir, 'plain'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const path of [fifo, '/dev/zero']) await expect(sha256File(path)).rejects.toMatchObject({ code: 'FILE_NOT_REGULAR' });
  });
});

describe('what must hold before anything starts', () => {
  it('refuses a corrupted asset, naming the file and both hashes, before any process starts', async () => {
    const fixture = createTestBundle([{ id: 'api' }]);
    open.push({ fixture });
    const seed = join(fixture.dir, 'services', 'seed.sql');
    writeFileSync(seed, 'create table recipes (id integer);\n');
    const sha256 = await sha256File(seed);
    fixture.write({ ...fixture.manifest, services: [{ ...fixture.manifest.services[0]!, assets: [{ path: 'services/seed.sql', sha256 }] }] });
    const ok = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    await ok.stop();

    writeFileSync(seed, 'drop table recipes;\n');
    const { error, events } = await refusal(fixture);
    expect(isSdkError(error, 'ASSET_INVALID')).toBe(true);
    expect((error as Error).message).toContain('services/seed.sql');
    expect((error as Error).message).toContain(sha256);
    expect(events.some((e) => e.type === 'spawn')).toBe(false);
    expect(existsSync(join(fixture.appData, 'runtime', 'control.json'))).toBe(false);
  });

  it('refuses a missing asset or binary', async () => {
    const fixture = createTestBundle([{ id: 'api', assets: [{ path: 'services/absent.bin' }] }]);
    open.push({ fixture });
    const { error } = await refusal(fixture);
    expect(isSdkError(error, 'ASSET_INVALID')).toBe(true);
    expect((error as Error).message).toContain('absent.bin');
  });

  it('refuses a service that requires a gpu on a machine without one, with the reason', async () => {
    const fixture = createTestBundle([{ id: 'llm', gpu: { requirement: 'required' } }]);
    open.push({ fixture });
    const { error, events } = await refusal(fixture, { gpu: { available: false, reason: 'no render node' } });
    expect(isSdkError(error, 'GPU_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toBe('service "llm" requires a gpu and none was found: no render node');
    expect(events.find((e) => e.type === 'bundle_failed')?.reason).toContain('requires a gpu');
  });

  it('degrades a service whose gpu is optional, says so, and tells the service', async () => {
    const fixture = createTestBundle([{ id: 'llm', gpu: { requirement: 'optional_with_cpu_fallback' }, env: { ECHO_ENV: 'DM_GPU_AVAILABLE' } }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ bundle, fixture });
    const gpu = bundle.events().find((e) => e.type === 'gpu');
    expect(gpu).toMatchObject({ level: 'warn', service: 'llm' });
    expect(gpu?.reason).toContain('running on cpu');
    const log = join(fixture.appData, 'logs', 'llm', 'llm.log');
    await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('DM_GPU_AVAILABLE is 0'), 'the service to print DM_GPU_AVAILABLE');
    const probe = await startBundle(fixture.dir, { ...FAST, appData: `${fixture.appData}-gpu`, gpu: async () => ({ available: true, kind: 'nvidia', reason: 'stated' }) });
    expect(probe.events().find((e) => e.type === 'gpu')?.level).toBe('info');
    await probe.stop();
  });

  it('skips a taken port instead of failing', async () => {
    const fixture = createTestBundle([{ id: 'api' }]);
    const server = createServer();
    await new Promise<void>((r) => server.listen(fixture.base, '127.0.0.1', () => r()));
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ bundle, fixture, server });
    expect(bundle.ports['api']?.['http']).toBeGreaterThan(fixture.base);
    expect(bundle.events().find((e) => e.type === 'port_skipped')?.details).toMatchObject({ port: fixture.base, name: 'http' });
    expect(bundle.status().services[0]?.state).toBe('ready');
  });

  it('refuses an invalid manifest with the validation codes', async () => {
    const fixture = createTestBundle([{ id: 'api', dependencies: ['nowhere'] }]);
    open.push({ fixture });
    const { error } = await refusal(fixture);
    expect(isSdkError(error, 'MANIFEST_INVALID')).toBe(true);
  });
});
