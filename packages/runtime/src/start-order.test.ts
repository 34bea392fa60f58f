import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DesktopManifest, DesktopService } from '@deployment-manager/bundle';
import { servicePolicy, startWaves } from './start-order.ts';

const svc = (id: string, dependencies: string[] = [], metadata?: Record<string, unknown>): DesktopService => ({
  id,
  type: 'resource',
  binaries: { 'linux-x64': { path: `bin/${id}` } },
  health: { type: 'tcp' },
  readiness: { type: 'port_open' },
  ...(dependencies.length > 0 ? { dependencies } : {}),
  ...(metadata === undefined ? {} : { metadata }),
});
const manifest = (services: DesktopService[]): DesktopManifest => ({
  schema_version: 'v0.1',
  target: 'desktop',
  app: { name: 'a', version: '1' },
  ipc: { mode: 'loopback-http', host: '127.0.0.1', port: 1, auth_token_path: 't' },
  telemetry: { file: 't.jsonl' },
  services,
});

describe('startWaves', () => {
  it('starts dependencies first and splits a generation by startup_order', () => {
    const m = manifest([svc('ui', ['api']), svc('api', ['db', 'cache']), svc('db', [], { startup_order: 500 }), svc('cache', [], { startup_order: 999 }), svc('tool')]);
    expect(startWaves(m)).toEqual([['db'], ['cache'], ['tool'], ['api'], ['ui']]);
  });

  // Random DAGs: service i may depend only on services with a lower index.
  const dags = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
      fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: n, maxLength: n }),
    ),
  );
  test.prop([dags])('every service appears once, after all of its dependencies', ([n, pairs, orders]) => {
    const deps = Array.from({ length: n }, () => new Set<string>());
    for (const [a, b] of pairs) {
      const [hi, lo] = [Math.max(a % n, b % n), Math.min(a % n, b % n)];
      if (hi !== lo) deps[hi]?.add(`s${lo}`);
    }
    const services = deps.map((d, i) => svc(`s${i}`, [...d], orders[i] === undefined ? undefined : { startup_order: orders[i] }));
    const waves = startWaves(manifest(services));
    const position = new Map(waves.flatMap((w, i) => w.map((id) => [id, i] as const)));
    expect([...position.keys()].sort()).toEqual(services.map((s) => s.id).sort());
    for (const s of services) for (const d of s.dependencies ?? []) expect(position.get(d)).toBeLessThan(position.get(s.id) as number);
  });
});

describe('servicePolicy', () => {
  it('reads recovery_attempts and startup_timeout from metadata, readiness timeout first', () => {
    const defaults = { recoveryAttempts: 3, readinessTimeoutMs: 30_000 };
    expect(servicePolicy(svc('a', [], { recovery_attempts: 5, startup_timeout: 15 }), defaults)).toEqual({ critical: true, recoveryAttempts: 5, readinessTimeoutMs: 15_000, startupOrder: undefined });
    expect(servicePolicy({ ...svc('b'), critical: false, readiness: { type: 'port_open', timeout_ms: 100 } }, defaults)).toMatchObject({ critical: false, recoveryAttempts: 3, readinessTimeoutMs: 100 });
    expect(servicePolicy(svc('c', [], { recovery_attempts: 'many' }), defaults).recoveryAttempts).toBe(3);
  });
});
