import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeployRecord, ReleaseResult, SmokeResult, TelemetryFinding } from '@deployment-manager/planner';
import type { BundleStatus } from '@deployment-manager/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleVariant } from './bundle-variant.ts';
import { crashLoop } from './crash-loop.ts';
import { cli } from './run-cli.ts';

/*
 * The local target end to end, through the CLI: the example app is built and
 * deployed under the bundle runtime, a second version replaces it, a third
 * whose health gate fails rolls back by itself (the second keeps serving),
 * `deploy rollback` goes back to the first, and `deploy status|history|stop`
 * report what happened.
 */
const workspace = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dm-deploy-local-'));
const state = join(dir, 'state');
const root = join(dir, 'srv');

const hostArgs = ['--state', state, '--deploy-root', root];

afterAll(async () => {
  await cli('deploy', 'stop', '--target', 'local', ...hostArgs);
  rmSync(dir, { recursive: true, force: true });
});


describe.skipIf(process.platform === 'win32')('deploy --target local', () => {
  it('deploys, replaces, rolls back a release that fails its health gate, rolls back on demand, and records it all', { timeout: 300_000 }, async () => {
    const dry = await cli('deploy', 'recipe-hub', '--root', workspace, '--target', 'local', '--dry-run', '--json', ...hostArgs);
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.out) as ReleaseResult;
    expect(planned.commands.some((c) => c.includes('npm run build'))).toBe(true);

    const first = await cli('deploy', 'recipe-hub', '--root', workspace, '--target', 'local', '--json', ...hostArgs);
    expect(first.code, first.err).toBe(0);
    const v1 = JSON.parse(first.out) as ReleaseResult;
    expect(v1).toMatchObject({ outcome: 'success', id: planned.id });
    console.log(`deploy --target local (build + release): ${v1.record?.durationMs} ms`);

    const status = await cli('deploy', 'status', '--state', state);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/recipe-hub 3\.2\.0: ready/);
    expect(status.out).toMatch(/smoke api\.health: passed \(http 200\)/);

    // A frozen api cannot answer: the smoke checks status runs again fail, although the process lives (SIGCONT after).
    const api = (JSON.parse((await cli('deploy', 'status', '--state', state, '--json')).out) as { status: BundleStatus }).status.services.find((s) => s.id === 'api');
    process.kill(api?.pid as number, 'SIGSTOP');
    try {
      const frozen = await cli('deploy', 'status', '--state', state, '--json');
      expect(frozen.code).toBe(1);
      const report = JSON.parse(frozen.out) as { healthy: boolean; smoke: SmokeResult[] };
      expect(report.healthy).toBe(false);
      expect(report.smoke.find((r) => r.name === 'api.health')).toMatchObject({ status: 'failed', critical: true });
    } finally {
      process.kill(api?.pid as number, 'SIGCONT');
    }

    const built = join(state, 'work', 'recipe-hub-production', 'bundle');
    const second = await cli('deploy', 'recipe-hub', '--target', 'local', '--bundle', bundleVariant(built, dir, 'v2', (m) => (m.app.version = '3.2.1')), '--json', ...hostArgs);
    expect(second.code, second.err).toBe(0);
    const v2 = JSON.parse(second.out) as ReleaseResult;
    expect(v2).toMatchObject({ outcome: 'success', previous: v1.id });

    const broken = bundleVariant(built, dir, 'v3', (m) => {
      m.app.version = '3.2.2';
      for (const s of m.services) if (s.id === 'api') s.health.path = '/no-such-health';
    });
    const third = await cli('deploy', 'recipe-hub', '--target', 'local', '--bundle', broken, '--health-timeout', '15', '--json', ...hostArgs);
    expect(third.code).toBe(1);
    const v3 = JSON.parse(third.out) as ReleaseResult;
    expect(v3).toMatchObject({ outcome: 'rolled-back', previous: v2.id });
    expect(['health', 'start']).toContain(v3.failedStage);
    expect((await cli('deploy', 'status', '--state', state)).out).toMatch(/recipe-hub 3\.2\.1: ready/);

    const back = await cli('deploy', 'rollback', '--json', '--state', state);
    expect(back.code, `${back.out}${back.err}`).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ outcome: 'success', id: v1.id, previous: v2.id });
    expect((await cli('deploy', 'status', '--state', state)).out).toMatch(/recipe-hub 3\.2\.0: ready/);

    const history = JSON.parse((await cli('deploy', 'history', '--state', state, '--json')).out) as DeployRecord[];
    expect(history.map((r) => `${r.action} ${r.outcome} ${r.version}`)).toEqual(['deploy success 3.2.0', 'deploy success 3.2.1', 'deploy rolled-back 3.2.2', 'rollback success 3.2.0']);
    expect(history[2]?.failedStage).toBe(v3.failedStage);

    // The api crashes until the supervisor gives up: status and its telemetry say so, with a fix.
    const kills = await crashLoop('api', async () => (JSON.parse((await cli('deploy', 'status', '--state', state, '--json')).out) as { status: BundleStatus | null }).status);
    expect(kills).toBeGreaterThan(1);
    const crashed = await cli('deploy', 'status', '--state', state, '--json');
    expect(crashed.code).toBe(1);
    const report = JSON.parse(crashed.out) as { status: BundleStatus | null; findings: TelemetryFinding[] };
    expect(report.findings.find((f) => f.kind === 'crash-loop' && f.service === 'api')?.fix).toMatch(/log/);

    expect((await cli('deploy', 'stop', '--state', state)).code).toBe(0);
    const stopped = await cli('deploy', 'status', '--state', state);
    expect(stopped.code).toBe(1);
    expect(stopped.out).toContain('no bundle is running');
  });
});
