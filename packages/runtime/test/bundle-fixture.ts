/*
 * Builds real bundles for the runtime's tests: a bundle directory with
 * bundle.json (validated by the runtime like any other) and the fixture
 * programs as service binaries, run by the runtime with its own Node. Ports come
 * from a random block of 100 so parallel test files rarely meet (and when they
 * do, the allocator skips the taken port, which is the behaviour under test).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesktopManifest, DesktopService } from '@deployment-manager/bundle';
import { hostPlatformKey } from '../src/service-command.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A service of a test bundle, with the defaults filled in. */
export interface TestService extends Partial<Omit<DesktopService, 'id'>> {
  readonly id: string;
  /** Whether it gets an `http` port (env PORT) and http health (default true). */
  readonly http?: boolean;
}

/** A temporary bundle and its app data directory. */
export interface TestBundle {
  readonly dir: string;
  readonly appData: string;
  readonly manifest: DesktopManifest;
  readonly base: number;
  /** Writes bundle.json again (after editing the manifest). */
  write(manifest: DesktopManifest): void;
  cleanup(): void;
}

/** Creates a bundle directory with `services`, all running fixtures/service.mjs (ports from `base`, random by default). */
export function createTestBundle(services: readonly TestService[], extra: Partial<DesktopManifest> = {}, base: number = 20000 + Math.floor(Math.random() * 380) * 100): TestBundle {
  const root = mkdtempSync(join(tmpdir(), 'dm-runtime-'));
  const dir = join(root, 'bundle');
  const appData = join(root, 'app-data');
  mkdirSync(join(dir, 'services'), { recursive: true });
  copyFileSync(join(fixtures, 'service.mjs'), join(dir, 'services', 'service.mjs'));
  copyFileSync(join(fixtures, 'migrate.mjs'), join(dir, 'services', 'migrate.mjs'));
  const platform = hostPlatformKey();
  const manifest: DesktopManifest = {
    schema_version: 'v0.1',
    target: 'desktop',
    app: { name: 'runtime-test', version: '1.0.0' },
    ipc: { mode: 'loopback-http', host: '127.0.0.1', port: base + 99, auth_token_path: 'runtime/auth-token' },
    telemetry: { file: 'telemetry/events.jsonl' },
    ports: { default_range: { min: base, max: base + 99 }, reserved: [base + 99] },
    ...extra,
    services: services.map((s, i): DesktopService => {
      const { http = true, id, ...rest } = s;
      return {
        id,
        type: 'api-binary',
        binaries: { [platform]: { path: 'services/service.mjs' } },
        ...(http ? { ports: { requested: [{ name: 'http', range: { min: base + i * 10, max: base + i * 10 + 9 }, env_var: 'PORT' }] } } : {}),
        health: http ? { type: 'http', path: '/health', port_name: 'http', interval_ms: 200, timeout_ms: 1000, retries: 2 } : { type: 'log_match' },
        readiness: http ? { type: 'health_success', timeout_ms: 20_000 } : { type: 'log_match', pattern: '^up$', timeout_ms: 20_000 },
        ...rest,
      };
    }),
  };
  const write = (m: DesktopManifest): void => writeFileSync(join(dir, 'bundle.json'), `${JSON.stringify(m, null, 2)}\n`);
  write(manifest);
  return { dir, appData, manifest, base, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Resolves when `predicate` holds, polling every 50 ms; rejects after `timeoutMs` with `what`. */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** True while a process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) is all we know
  }
}

/** The runtime options every test uses: any control port, no GPU probe, quick backoff and stop. */
export const FAST = { controlPort: 0, gpu: { available: false, reason: 'the test states no gpu' }, backoffInitialMs: 100, backoffMaxMs: 400, stopTimeoutMs: 3000 } as const;
