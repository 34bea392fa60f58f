/*
 * CI check (run by .ci/extra): Debian's docker-compose 1.x must accept every
 * Compose file this package writes. For each manifest - recipe-hub assembled
 * from examples/end-to-end/workspace for saas and enterprise, the sample and
 * the scenario fixtures - it packs the compose target, creates the secret
 * files with the generated create-secrets.sh (prompted values from the
 * environment, remote ones written as the operator would), makes the build
 * contexts, and runs `docker-compose -f compose.yaml config -q`.
 *
 * Usage: tsx packages/packager-cloud/test/compose-config-check.ts <work dir>
 */
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleScenario, type CloudManifest } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { createCloudPackager } from '../src/index.ts';
import { sampleManifest } from './sample.ts';
import { SCENARIOS, scenarioManifest } from './scenarios.ts';

const workDir = process.argv[2];
if (workDir === undefined) {
  console.error('usage: compose-config-check.ts <work dir>');
  process.exit(2);
}

function cases(): [string, CloudManifest][] {
  const out: [string, CloudManifest][] = [['sample', sampleManifest()], ...SCENARIOS.map((s): [string, CloudManifest] => [s, scenarioManifest(s)])];
  const workspace = loadWorkspace(fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url)));
  for (const tier of ['saas', 'enterprise'] as const) {
    const { result } = assembleScenario(workspace, 'recipe-hub', { tier });
    if (!result.ok || result.manifest.target !== 'cloud') throw new Error(`recipe-hub did not assemble for ${tier}: ${result.diagnostics.map((d) => d.code).join(', ')}`);
    out.push([`recipe-hub-${tier}`, result.manifest]);
  }
  return out;
}

const key = (id: string): string => id.replace(/[^-._a-zA-Z0-9]/g, '_');
let failed = 0;
rmSync(workDir, { recursive: true, force: true });
for (const [name, manifest] of cases()) {
  const outDir = join(workDir, name);
  await createCloudPackager({ targets: ['compose'] }).pack(manifest, { outDir, log: () => undefined, signal: new AbortController().signal });
  const dir = join(outDir, 'compose');
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '' };
  mkdirSync(join(dir, 'secrets'), { recursive: true });
  for (const s of manifest.secrets ?? []) {
    if (s.class === 'remote_fetch') writeFileSync(join(dir, 'secrets', `${key(s.id)}${s.target.type === 'env' ? '.env' : ''}`), s.target.type === 'env' ? `${s.target.name}=from-the-store\n` : 'from-the-store', { mode: 0o600 });
    if (s.class === 'user_prompt') env[s.target.type === 'env' ? s.target.name : `SECRET_${key(s.id).toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`] = 'answer-from-ci';
  }
  for (const s of manifest.services) if (s.build !== undefined) mkdirSync(join(dir, s.build.context), { recursive: true });
  if ((manifest.secrets ?? []).length > 0) {
    const script = spawnSync('sh', [join(dir, 'create-secrets.sh')], { env, encoding: 'utf8' });
    if (script.status !== 0) {
      failed += 1;
      console.log(`FAIL ${name}: create-secrets.sh exited ${String(script.status)}: ${script.stderr.trim()}`);
      continue;
    }
  }
  const config = spawnSync('docker-compose', ['-f', 'compose.yaml', 'config', '-q'], { cwd: dir, encoding: 'utf8' });
  if (config.status === 0) {
    console.log(`ok   ${name}: docker-compose accepts compose/compose.yaml`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}: docker-compose config exited ${String(config.status)}\n${config.stderr.trim()}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
