import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { startBundle } from '../src/start-bundle.ts';
import type { BundleHandle, RuntimeEvent } from '../src/types.ts';
import { FAST, createTestBundle, isAlive, until, type TestBundle } from './bundle-fixture.ts';

const open: { bundle?: BundleHandle; fixture: TestBundle }[] = [];
afterEach(async () => {
  for (const { bundle, fixture } of open.splice(0)) {
    await bundle?.stop();
    fixture.cleanup();
  }
});

const telemetry = (b: BundleHandle): RuntimeEvent[] =>
  readFileSync(b.telemetryFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RuntimeEvent);

describe('supervision of real processes', () => {
  it('restarts a service killed with SIGKILL, and telemetry says so', async () => {
    const fixture = createTestBundle([{ id: 'db' }, { id: 'api', dependencies: ['db'] }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ bundle, fixture });
    expect(bundle.status().state).toBe('ready');
    const before = bundle.status().services.find((s) => s.id === 'api')?.pid as number;
    process.kill(before, 'SIGKILL');
    await until(() => bundle.status().services.some((s) => s.id === 'api' && s.state === 'ready' && s.pid !== before), 'api restarted');
    const lines = telemetry(bundle).filter((e) => e.service === 'api');
    expect(lines.map((e) => e.type)).toEqual(expect.arrayContaining(['crash', 'restart', 'ready']));
    expect(lines.find((e) => e.type === 'crash')?.reason).toBe('killed by SIGKILL');
    expect(isAlive(before)).toBe(false);
    expect(bundle.status().services.find((s) => s.id === 'api')?.restarts).toBe(1);
  });

  it('restarts a service whose health checks keep failing, with health_failure events first', async () => {
    const fixture = createTestBundle([{ id: 'api', env: { UNHEALTHY_FLAG: '${data}/sick' }, data_dirs: ['data'] }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ bundle, fixture });
    const before = bundle.status().services[0]?.pid;
    writeFileSync(join(fixture.appData, 'data', 'sick'), '');
    await until(() => bundle.events().some((e) => e.type === 'restart'), 'a restart after failed health checks');
    rmSync(join(fixture.appData, 'data', 'sick'));
    await until(() => bundle.status().services[0]?.state === 'ready' && bundle.status().services[0]?.pid !== before, 'the api ready again');
    const types = telemetry(bundle).map((e) => e.type);
    expect(types.filter((t) => t === 'health_failure').length).toBeGreaterThan(2); // retries: 2, so the third failure restarts
    expect(types.indexOf('health_failure')).toBeLessThan(types.indexOf('restart'));
    expect(telemetry(bundle).find((e) => e.type === 'restart')?.reason).toMatch(/^unhealthy after 3 failed checks/);
  });

  it('gives up on a crash-looping critical service after its attempts and refuses to start', async () => {
    const fixture = createTestBundle([{ id: 'looper', env: { SVC_MODE: 'crash' }, metadata: { recovery_attempts: 2 } }]);
    open.push({ fixture });
    const events: RuntimeEvent[] = [];
    const error = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(isSdkError(error, 'SERVICE_FAILED')).toBe(true);
    expect(events.filter((e) => e.type === 'restart')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'spawn')).toHaveLength(3);
    expect(events.find((e) => e.type === 'gave_up')?.reason).toMatch(/gave up after 3 failed start\(s\): exited with code 1/);
    expect(events.at(-1)?.type).toBe('stopped');
  });

  it('marks a crash-looping optional service failed and keeps the bundle running', async () => {
    const fixture = createTestBundle([{ id: 'core' }, { id: 'extra', critical: false, env: { SVC_MODE: 'crash' }, metadata: { recovery_attempts: 1 } }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ bundle, fixture });
    const extra = bundle.status().services.find((s) => s.id === 'extra');
    expect(bundle.status().state).toBe('ready');
    expect(extra).toMatchObject({ state: 'failed', restarts: 1 });
    expect(extra?.reason).toContain('exited with code 1');
  });

  it('kills a service that ignores SIGTERM once the stop timeout has passed, stopping in reverse order', async () => {
    const fixture = createTestBundle([{ id: 'base' }, { id: 'stubborn', env: { SVC_MODE: 'ignore-term' }, dependencies: ['base'] }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, stopTimeoutMs: 1000 });
    open.push({ fixture });
    const pid = bundle.status().services.find((s) => s.id === 'stubborn')?.pid as number;
    const outcome = await bundle.stop();
    expect(outcome.ok).toBe(true);
    const events = bundle.events();
    expect(events.find((e) => e.type === 'kill')?.service).toBe('stubborn');
    const stops = events.filter((e) => e.type === 'stop').map((e) => e.service);
    expect(stops).toEqual(['stubborn', 'base']);
    expect(isAlive(pid)).toBe(false);
    expect(readFileSync(`${fixture.appData}/logs/stubborn/stubborn.log`, 'utf8')).toContain('ignoring SIGTERM');
  });

  it('returns from stop only once the output a service wrote on its way out is logged, and writes nothing after', async () => {
    const fixture = createTestBundle([{ id: 'talker', env: { SVC_MODE: 'late-writer' } }]);
    const bundle = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    open.push({ fixture });
    expect((await bundle.stop()).ok).toBe(true);
    const log = `${fixture.appData}/logs/talker/talker.log`;
    // Written by a process that left the group, after the service itself had exited.
    expect(readFileSync(log, 'utf8').trimEnd().endsWith(' stdout late line')).toBe(true);
    // The pipes are closed: removing the log folder now (as the tests' cleanup does) gets nothing written into it later.
    rmSync(`${fixture.appData}/logs`, { recursive: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(() => readFileSync(log)).toThrow();
  });
});
