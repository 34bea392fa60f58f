import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createControlClient } from '../src/control-client.ts';
import { controlFilePath } from '../src/control-file.ts';
import type { BundleStatus } from '../src/types.ts';
import { createTestBundle, isAlive, until, type TestBundle } from './bundle-fixture.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures: TestBundle[] = [];
const pids: number[] = [];
afterEach(() => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  fixtures.splice(0).forEach((f) => f.cleanup());
});

describe('the supervisor killed with SIGKILL', () => {
  it('leaves no service and no grandchild alive', async () => {
    const fixture = createTestBundle([{ id: 'db' }, { id: 'api', dependencies: ['db'], env: { SVC_MODE: 'grandchild' } }, { id: 'worker', http: false, env: { SVC_MODE: 'ignore-term' } }]);
    fixtures.push(fixture);
    // The shipped entry point, run as its own process (tsx only compiles it).
    const supervisor = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/runtime/src/bin.ts'), '--manifest', fixture.dir, '--app-data', fixture.appData, '--control-port', '0', '--stop-timeout-ms', '1500'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    pids.push(supervisor.pid as number);
    let out = '';
    supervisor.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => {
      if (supervisor.exitCode !== null) throw new Error(`the supervisor exited with ${supervisor.exitCode}`);
      return out.includes('"bundle_ready"');
    }, 'the bundle to be ready', 50_000);
    const status = (await createControlClient(fixture.appData).request('GET', '/status')).body as BundleStatus;
    const services = status.services.map((s) => s.pid as number);
    const log = join(fixture.appData, 'logs', 'api', 'api.log');
    await until(() => existsSync(log) && /grandchild \d+/.test(readFileSync(log, 'utf8')), 'the grandchild pid');
    const grandchild = Number(/grandchild (\d+)/.exec(readFileSync(log, 'utf8'))?.[1]);
    const all = [...services, grandchild];
    pids.push(...all);
    expect(all.every(isAlive)).toBe(true);

    supervisor.kill('SIGKILL');
    await until(() => all.every((p) => !isAlive(p)), 'every service and grandchild to be gone', 30_000);
    expect(all.filter(isAlive)).toEqual([]);
    expect(existsSync(controlFilePath(fixture.appData))).toBe(true); // stale: nobody removed it, and `runtime status` says so
  });
});
