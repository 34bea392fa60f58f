import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { controlFilePath, hostPlatformKey } from '@deployment-manager/runtime';
import { filterEvents, parseSince } from './runtime.ts';
import { cli } from '../../test/run-cli.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A one-service bundle: a Node HTTP server on the port the runtime allocates. */
function tinyBundle(): { dir: string; appData: string } {
  const root_ = mkdtempSync(join(tmpdir(), 'dm-cli-run-'));
  dirs.push(root_);
  const dir = join(root_, 'bundle');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'web.mjs'), "import { createServer } from 'node:http';\ncreateServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');\n");
  const base = 20000 + Math.floor(Math.random() * 380) * 100;
  const manifest = {
    schema_version: 'v0.1',
    target: 'desktop',
    app: { name: 'tiny', version: '0.1.0' },
    ipc: { mode: 'loopback-http', host: '127.0.0.1', port: base + 99, auth_token_path: 'runtime/auth-token' },
    telemetry: { file: 'telemetry/events.jsonl' },
    services: [
      {
        id: 'web',
        type: 'ui-bundle',
        binaries: { [hostPlatformKey()]: { path: 'bin/web.mjs' } },
        ports: { requested: [{ name: 'http', range: { min: base, max: base + 9 }, env_var: 'PORT' }] },
        health: { type: 'http', path: '/', port_name: 'http' },
        readiness: { type: 'health_success', timeout_ms: 20000 },
      },
    ],
  };
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(manifest));
  return { dir, appData: join(root_, 'app-data') };
}

describe('deployment-manager run + runtime', () => {
  it('runs a bundle in the foreground; runtime status, ports, logs and stop talk to it', async () => {
    const { dir, appData } = tinyBundle();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/bin.ts'), 'run', dir, '--app-data', appData, '--control-port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 50_000;
      while (!out.includes('Ctrl-C stops') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('bundle_ready');
      expect(out).toMatch(/web\s+ready\s+critical/);

      const status = await cli(['runtime', 'status', dir, '--app-data', appData]);
      expect(status.code).toBe(0);
      expect(status.out).toMatch(/tiny 0\.1\.0: ready/);
      const json = JSON.parse((await cli(['runtime', 'status', '--app-data', appData, '--json'])).out);
      expect(json.services[0]).toMatchObject({ id: 'web', state: 'ready' });
      const ports = await cli(['runtime', 'ports', appData]);
      expect(ports.out).toMatch(/^web\.http \d+$/m);
      const logs = await cli(['runtime', 'logs', '--app-data', appData, '--service', 'web', '--json']);
      expect(logs.out.trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(expect.arrayContaining(['spawn', 'ready']));
      expect((await cli(['runtime', 'logs', '--app-data', appData, '--level', 'error'])).out).toBe('');

      const stop = await cli(['runtime', 'stop', '--app-data', appData]);
      expect(stop.out).toContain('tiny stopped');
      expect(await exited).toBe(0);
      expect(existsSync(controlFilePath(appData))).toBe(false);
      const after = await cli(['runtime', 'status', '--app-data', appData]);
      expect(after.code).toBe(2);
      expect(after.err).toContain('RUNTIME_NOT_RUNNING');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses bad input with INVALID_ARGUMENT and an unknown bundle with FILE_UNREADABLE', async () => {
    expect((await cli(['runtime', 'dance'])).err).toContain('INVALID_ARGUMENT');
    expect((await cli(['run'])).code).toBe(2);
    expect((await cli(['run', '/nonexistent/bundle'])).err).toContain('FILE_UNREADABLE');
    expect((await cli(['runtime', 'logs', '--app-data', '/tmp', '--level', 'loud'])).err).toContain('INVALID_ARGUMENT');
  });
});

describe('runtime logs filters', () => {
  const lines = [
    JSON.stringify({ ts: '2025-01-01T10:00:00.000Z', type: 'spawn', level: 'info', service: 'api' }),
    'not json',
    JSON.stringify({ ts: '2025-01-01T10:05:00.000Z', type: 'crash', level: 'error', service: 'api', reason: 'killed by SIGKILL' }),
    JSON.stringify({ ts: '2025-01-01T10:06:00.000Z', type: 'port_skipped', level: 'warn', service: 'ui' }),
  ];
  it('filter by service, minimum level and time, skipping damaged lines', () => {
    expect(filterEvents(lines, {}).map((e) => e.type)).toEqual(['spawn', 'crash', 'port_skipped']);
    expect(filterEvents(lines, { level: 'warn' }).map((e) => e.type)).toEqual(['crash', 'port_skipped']);
    expect(filterEvents(lines, { service: 'api', since: Date.parse('2025-01-01T10:01:00Z') }).map((e) => e.type)).toEqual(['crash']);
  });
  it('parse --since as a duration or an ISO time', () => {
    expect(parseSince('10m', 1_000_000)).toBe(400_000);
    expect(parseSince('2025-01-01T00:00:00Z', 0)).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(() => parseSince('yesterday', 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
