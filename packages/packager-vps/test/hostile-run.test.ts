import { test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { exampleCloudApp, hostileMaps, replaceStrings, runScriptsStubbed } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { renderDeployScript, suppliedSecretName } from '../src/deploy-script.ts';
import { hostLayout } from '../src/host-layout.ts';
import { deriveSmokeChecks, renderSmokeScript } from '../src/smoke.ts';

/*
 * The scripts rendered from hostile manifests, run for real with every
 * outside command replaced by a stub on PATH that records its argv: no
 * injected command ever runs (no marker file appears), and the values reach
 * the commands as exactly the arguments intended.
 */

const STUBS = Object.fromEntries(['ssh', 'rsync', 'docker', 'curl', 'kubectl', 'terraform', 'timeout'].map((name) => [name, ''] as const));
const { manifest } = exampleCloudApp();

/** Runs one script with the commands stubbed (testkit's batch runner): the calls it made and every marker file under its directory. */
function runScript(script: string, env: Record<string, string>, files: Record<string, string> = {}): { calls: readonly (readonly string[])[]; markers: readonly string[] } {
  const { results, cleanup } = runScriptsStubbed([{ script, env, files }], { shell: 'bash', stubs: STUBS, perRunSeconds: 30 });
  try {
    const [result] = results;
    if (result === undefined) throw new Error('the stubbed run returned no result');
    return { calls: result.calls, markers: result.markers };
  } finally {
    cleanup();
  }
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
    const { calls, markers } = runScript(script, { DEPLOY_HOST: 'deploy@host' }, { '.env.production': `${secrets.join('\n')}\n` });
    expect(markers).toEqual([]);
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
    const { calls, markers } = runScript(script, {});
    expect(markers).toEqual([]);
    const urls = calls.filter((c) => c[0] === 'docker').map((c) => c[c.length - 1]);
    for (const c of checks.filter((x) => x.kind === 'http')) expect(urls).toContain(`http://${c.service}:${c.port}${c.path ?? '/'}`);
  });
});
