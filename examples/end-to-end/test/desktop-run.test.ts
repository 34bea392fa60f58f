import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { runCli } from '@deployment-manager/cli';
import { buildBundle } from '@deployment-manager/planner';

// Acceptance: a bundle packaged from a scenario (the example's recipe-hub) by
// `deployment-manager package`, staged, then `deployment-manager run` in its own process
// and `deployment-manager runtime status|ports|stop` against it.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspace = join(root, 'examples/end-to-end/workspace');
const dir = mkdtempSync(join(tmpdir(), 'dm-desktop-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe.skipIf(process.platform === 'win32')('a packaged desktop bundle, run with the cli', () => {
  it('packages, runs, reports status and ports, serves the api, and stops', async () => {
    const out = join(dir, 'out');
    const pack = await cli(['package', 'recipe-hub', '--root', workspace, '--target', 'desktop', '--swaps', 'all-gains', '--out', out, '--json']);
    expect(pack.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'bundle.json'), 'utf8')) as DesktopManifest;
    const bundle = await buildBundle(manifest, { sourceRoot: join(workspace, 'scenarios/recipe-hub'), workDir: join(dir, 'work') });
    const appData = join(dir, 'app-data');

    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/bin.ts'), 'run', bundle, '--app-data', appData, '--control-port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!stdout.includes('Ctrl-C stops') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(stdout).toContain('bundle_ready');

      const status = await cli(['runtime', 'status', bundle, '--app-data', appData]);
      expect(status.code).toBe(0);
      expect(status.out).toMatch(/recipe-hub 3\.2\.0: ready/);
      expect(status.out).toMatch(/^api\s+ready\s+critical/m);
      expect(status.out).toMatch(/^ui\s+ready\s+optional/m);
      const ports = JSON.parse((await cli(['runtime', 'ports', '--app-data', appData, '--json'])).out) as Record<string, Record<string, number>>;
      const recipes = (await (await fetch(`http://127.0.0.1:${ports['api']?.['http']}/api/recipes`)).json()) as unknown[];
      expect(recipes).toHaveLength(3);

      expect((await cli(['runtime', 'stop', '--app-data', appData])).code).toBe(0);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
