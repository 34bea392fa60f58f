import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeployRecord, ReleaseResult, TelemetryFinding } from '@deployment-manager/planner';
import type { BundleStatus } from '@deployment-manager/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleVariant } from './bundle-variant.ts';
import { crashLoop } from './crash-loop.ts';
import { startSshd, type TestSshd } from './sshd.ts';
import { cli } from './run-cli.ts';

/*
 * The vps target end to end against a real OpenSSH server on 127.0.0.1 (see
 * sshd.ts): the example app is uploaded into releases/<sha256>/, checked
 * there, started under the bundle runtime, gated through an ssh tunnel to its
 * control api, and `current` switched; a second release replaces it (keeping
 * two), a third that fails its gate rolls back by itself, and `deploy
 * rollback` returns to the first. Skips with the reason only where sshd
 * cannot start - never under CI=true.
 */
const workspace = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dm-deploy-vps-'));
const state = join(dir, 'state');
const root = join(dir, 'srv');
let sshd: TestSshd | undefined;
let why = '';

beforeAll(async () => {
  const started = await startSshd(join(dir, 'sshd'));
  if ('reason' in started) {
    why = started.reason;
    if (process.env['CI'] === 'true') throw new Error(`sshd must run in CI: ${why}`);
    console.warn(`[deploy --target vps] skipped: ${why}`);
  } else sshd = started;
});

afterAll(async () => {
  if (sshd !== undefined) {
    await cli('deploy', 'stop', '--state', state);
    await sshd.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});

const hostArgs = (s: TestSshd): string[] => ['--target', 'vps', '--host', s.destination, '--port', String(s.port), '--identity', s.identity, ...s.options.flatMap((o) => ['--ssh-option', o]), '--deploy-root', root, '--state', state, '--keep', '2'];


const releases = (): string[] => readdirSync(join(root, 'releases')).sort();

describe.skipIf(process.platform === 'win32')('deploy --target vps over a real sshd', () => {
  it('uploads, verifies, gates through a tunnel, switches current, keeps two, rolls back by itself and on demand, and reports a crash loop', { timeout: 300_000 }, async (ctx) => {
    if (sshd === undefined) return ctx.skip(why);
    const s = sshd;
    const t0 = Date.now();
    const first = await cli('deploy', 'recipe-hub', '--root', workspace, '--json', ...hostArgs(s));
    expect(first.code, first.err).toBe(0);
    const v1 = JSON.parse(first.out) as ReleaseResult;
    expect(v1.outcome).toBe('success');
    console.log(`deploy --target vps (build + upload + gate): ${Date.now() - t0} ms, release stages ${v1.record?.durationMs} ms`);
    expect(readlinkSync(join(root, 'current'))).toBe(`releases/${v1.id}`);
    expect(v1.commands.some((c) => c.startsWith('tar -C ') && c.includes(`| ssh -o BatchMode=yes -p ${s.port}`))).toBe(true);

    const status = await cli('deploy', 'status', '--state', state);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toMatch(/recipe-hub 3\.2\.0: ready/);
    expect(status.out).toContain(`${s.destination}:${s.port}`);
    // The smoke checks ran again through the ssh tunnel, beside the runtime's own verdict.
    expect(status.out).toMatch(/smoke api\.health: passed \(http 200\)/);

    const built = join(state, 'work', 'recipe-hub-production', 'bundle');
    const second = await cli('deploy', 'recipe-hub', '--bundle', bundleVariant(built, dir, 'v2', (m) => (m.app.version = '3.2.1')), '--json', ...hostArgs(s));
    expect(second.code, second.err).toBe(0);
    const v2 = JSON.parse(second.out) as ReleaseResult;
    expect(releases()).toEqual([v1.id, v2.id].sort());

    const broken = bundleVariant(built, dir, 'v3', (m) => {
      m.app.version = '3.2.2';
      for (const x of m.services) if (x.id === 'api') x.health.path = '/no-such-health';
    });
    const third = await cli('deploy', 'recipe-hub', '--bundle', broken, '--health-timeout', '15', '--json', ...hostArgs(s));
    expect(third.code).toBe(1);
    expect(JSON.parse(third.out)).toMatchObject({ outcome: 'rolled-back', previous: v2.id });
    expect(readlinkSync(join(root, 'current'))).toBe(`releases/${v2.id}`);
    expect((await cli('deploy', 'status', '--state', state)).out).toMatch(/recipe-hub 3\.2\.1: ready/);

    const back = await cli('deploy', 'rollback', '--state', state, '--json');
    expect(back.code, `${back.out}${back.err}`).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ outcome: 'success', id: v1.id });
    expect(readlinkSync(join(root, 'current'))).toBe(`releases/${v1.id}`);

    const history = JSON.parse((await cli('deploy', 'history', '--state', state, '--json')).out) as DeployRecord[];
    // Kill the api until the supervisor gives up: status (through the tunnel) and the host's telemetry report it.
    const kills = await crashLoop('api', async () => (JSON.parse((await cli('deploy', 'status', '--state', state, '--json')).out) as { status: BundleStatus | null }).status);
    expect(kills).toBeGreaterThan(1);
    const crashed = await cli('deploy', 'status', '--state', state, '--json');
    expect(crashed.code).toBe(1);
    expect((JSON.parse(crashed.out) as { findings: TelemetryFinding[] }).findings.map((f) => `${f.kind} ${f.service ?? ''}`)).toContain('crash-loop api');

    expect(history.map((r) => `${r.action} ${r.outcome} ${r.host}`)).toEqual(['deploy', 'deploy', 'deploy', 'rollback'].map((a, i) => `${a} ${i === 2 ? 'rolled-back' : 'success'} ${s.destination}:${s.port}`));
  });
});
