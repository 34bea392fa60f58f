import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { MARKER_FILE, exampleCloudApp, hostileMaps, replaceStrings } from '@deployment-manager/testkit';
import { afterAll, describe, expect } from 'vitest';
import { renderDeployScript, suppliedSecretName } from '../src/deploy-script.ts';
import { hostLayout } from '../src/host-layout.ts';
import { deriveSmokeChecks, renderSmokeScript } from '../src/smoke.ts';

/*
 * The scripts rendered from hostile manifests, run for real with every
 * outside command replaced by a stub on PATH that records its argv: no
 * injected command ever runs (no marker file appears), and the values reach
 * the commands as exactly the arguments intended.
 */

const STUBS = ['ssh', 'rsync', 'docker', 'curl', 'kubectl', 'terraform', 'timeout'];
const root = mkdtempSync(join(tmpdir(), 'dm-hostile-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const stubDir = join(root, 'stubs');
mkdirSync(stubDir);
for (const name of STUBS) {
  // Each call appends its argv (NUL-separated, one record per line) and reads stdin away, like ssh would.
  writeFileSync(join(stubDir, name), `#!/bin/sh\n{ printf '%s\\0' ${name} "$@"; printf '\\n'; } >> "$STUB_LOG"\ncat >/dev/null 2>&1 || true\n`);
  chmodSync(join(stubDir, name), 0o755);
}

const { manifest } = exampleCloudApp();
let run = 0;

function runScript(script: string, env: Record<string, string>, files: Record<string, string> = {}): { calls: string[][]; dir: string } {
  const dir = join(root, `run-${run++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'script.sh'), script);
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  spawnSync('bash', ['script.sh'], { cwd: dir, env: { PATH: `${stubDir}:/usr/bin:/bin`, STUB_LOG: log, HOME: dir, ...env }, encoding: 'utf8', timeout: 30_000 });
  const calls = readFileSync(log, 'utf8').split('\0\n').filter((l) => l !== '').map((l) => l.split('\0'));
  return { calls, dir };
}

describe('generated scripts run with stubbed commands', () => {
  test.prop([hostileMaps(manifest)], { numRuns: 25 })('deploy.sh: no injected command runs, and ssh gets the secrets directory it should', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    const layout = hostLayout(m, 'production');
    let script: string;
    try {
      script = renderDeployScript({ manifest: m, environment: 'production', layout, strategy: 'rolling', secretsFile: '.env.production' });
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    const secrets = (m.secrets ?? []).filter((s) => s.class === 'user_prompt' || s.class === 'remote_fetch').map((s) => `${suppliedSecretName(s)}=value`);
    const { calls, dir } = runScript(script, { DEPLOY_HOST: 'deploy@host' }, { '.env.production': `${secrets.join('\n')}\n` });
    expect(existsSync(join(dir, MARKER_FILE))).toBe(false);
    const secretsDir = `${layout.dir}/${layout.secretsDir}`;
    expect(calls[0]).toEqual(['ssh', '-o', 'BatchMode=yes', 'deploy@host', `mkdir -p '${secretsDir}' && chmod 700 '${secretsDir}'`]);
    expect(calls.some((c) => c[0] === 'rsync' && c.includes('deploy@host:' + layout.dir + '/'))).toBe(true);
  });

  test.prop([hostileMaps(manifest)], { numRuns: 25 })('smoke.sh: no injected command runs, and each http check asks for its path', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    const checks = deriveSmokeChecks(m);
    let script: string;
    try {
      script = renderSmokeScript(m, checks, 'compose', 'production');
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    const { calls, dir } = runScript(script, {});
    expect(existsSync(join(dir, MARKER_FILE))).toBe(false);
    const urls = calls.filter((c) => c[0] === 'docker').map((c) => c[c.length - 1]);
    for (const c of checks.filter((x) => x.kind === 'http')) expect(urls).toContain(`http://${c.service}:${c.port}${c.path ?? '/'}`);
  });
});
