import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileProfileStore } from '@deployment-manager/bundle';
import type { DeploymentPlan } from '@deployment-manager/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url));
let dir: string;
let store: string;
let profileId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-cli-plan-'));
  store = join(dir, 'profiles');
  const v = await createFileProfileStore(store).create(
    {
      name: 'recipe-hub production',
      scenario: 'recipe-hub',
      tiers: ['saas'],
      swaps: [{ from: 'ollama', to: 'openai' }],
      secrets: { 'openai.api_key': { class: 'user_prompt', required: true, prompt: { label: 'OpenAI API key' } } },
      settings: {},
    },
    { id: 'rh-prod' },
  );
  profileId = v.id;
  // Only the names of this file are read; the values must never show up anywhere.
  writeFileSync(join(dir, '.env.production'), 'OPENAI_API_KEY=sk-test-VALUE-THAT-MUST-NOT-LEAK\nEMPTY=\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = (): string[] => ['recipe-hub', '--root', ROOT, '--profile', profileId, '--store', store, '--env', 'production'];

describe('deployment-manager plan', () => {
  it('fails pre-flight at env_setup naming the missing user secret (exit 1, plan still printed)', async () => {
    const { code, out } = await cli('plan', ...base(), '--target', 'do', '--json');
    expect(code).toBe(1);
    const plan = JSON.parse(out) as DeploymentPlan;
    expect(plan.outcome).toMatchObject({ status: 'error', stage: 'env_setup', reason: 'Missing ENV: OPENAI_API_KEY' });
    expect(plan.stages.map((s) => s.id)).toEqual(['pre-flight', 'configure', 'package', 'provision', 'deploy', 'verify']);
  });

  it.each(['do', 'aws', 'vps', 'compose', 'k8s'])('succeeds on %s when the secrets file names the secret, without reading its value into the output', async (target) => {
    const { code, out } = await cli('plan', ...base(), '--target', target, '--secrets-file', join(dir, '.env.production'));
    expect(out).toContain('status: success');
    expect(out).toContain('6. verify [ready]');
    expect(out).not.toContain('MUST-NOT-LEAK');
    expect(code).toBe(0);
  });

  it('plans a rollback from a previous export and its checksum sidecar (bundle assemble --out writes both)', async () => {
    const path = join(dir, 'bundle.json');
    const { code: assembled, err } = await cli('bundle', 'assemble', 'recipe-hub', '--root', ROOT, '--tier', 'saas', '--profile', profileId, '--store', store, '--out', path);
    expect({ assembled, err: err.includes('error') ? err : '' }).toEqual({ assembled: 0, err: '' });
    const { code, out } = await cli('plan', ...base(), '--target', 'k8s', '--secret', 'OPENAI_API_KEY', '--manifest', path, '--previous', path, '--json');
    const plan = JSON.parse(out) as DeploymentPlan;
    expect(plan.rollback).toMatchObject({ available: true, diff: [], fromSha256: plan.manifestSha256, toSha256: plan.manifestSha256 });
    expect(code).toBe(0);
    writeFileSync(`${path}.sha256`, `${'0'.repeat(64)}  bundle.json\n`);
    const tampered = JSON.parse((await cli('plan', ...base(), '--target', 'k8s', '--secret', 'OPENAI_API_KEY', '--manifest', path, '--previous', path, '--json')).out) as DeploymentPlan;
    expect(tampered.outcome).toMatchObject({ status: 'error', stage: 'rollback' });
  });

  it('refuses a tier the target cannot serve as bad input: exit 2 with the usage, no blocked plan', async () => {
    const { code, out, err } = await cli('plan', 'recipe-hub', '--root', ROOT, '--target', 'do', '--tier', 'desktop');
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toContain('target do cannot run a desktop manifest');
    expect(err).toContain('usage: deployment-manager plan');
  });

  it('without --out, the first next step is the plan command that writes the files, and it runs as printed', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const first = await cli('plan', ...base(), '--target', 'compose', '--secret', 'OPENAI_API_KEY');
      expect(first.code).toBe(0);
      const steps = first.out.slice(first.out.indexOf('next steps:')).split('\n').filter((l) => l.startsWith('   $ ')).map((l) => l.slice(5));
      expect(steps[0]).toMatch(/^deployment-manager plan recipe-hub .* --out out\/recipe-hub-production-compose$/);
      const argv = (steps[0] as string).split(' ').slice(1);
      const { code, out } = await cli(argv);
      expect(code).toBe(0);
      expect(out).toMatch(/wrote \d+ file\(s\) under out\/recipe-hub-production-compose\//);
      expect(out).not.toContain('$ deployment-manager plan');
      // Every file a later step names is there now.
      for (const step of steps.slice(1)) for (const word of step.split(' ').filter((w) => w.startsWith('out/'))) expect(existsSync(join(dir, word)), step).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('rejects bad input with exit code 2', async () => {
    expect((await cli('plan', 'recipe-hub', '--env', 'production')).code).toBe(2);
    expect((await cli('plan', ...base(), '--target', 'do', '--strategy', 'yolo')).code).toBe(2);
    expect((await cli('plan', ...base(), '--target', 'do', '--bogus')).code).toBe(2);
    expect((await cli('plan', 'recipe-hub', '--target', 'do', '--manifest', join(dir, 'missing.json'))).err).toContain('FILE_UNREADABLE');
  });

  it('refuses an unknown target as a usage error naming the valid ones', async () => {
    const { code, out } = await cli('plan', ...base(), '--target', 'gcp', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(out).error).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'target "gcp" is not known', hint: expect.stringContaining('do, aws, vps, compose, k8s') });
  });

  it('refuses, as package does, a scenario whose required resource is unknown (same exit code, same errors)', async () => {
    const ws = join(dir, 'unknown-resource');
    mkdirSync(join(ws, 'scenarios', 'demo', '.vrooli'), { recursive: true });
    writeFileSync(
      join(ws, 'scenarios', 'demo', '.vrooli', 'service.json'),
      JSON.stringify({ service: { name: 'demo', version: '1.0.0' }, dependencies: { resources: { frobnicator: { type: 'frobnicator', enabled: true, required: true } } } }),
    );
    const { code: pkgCode, out: pkgOut } = await cli('package', 'demo', '--root', ws, '--target', 'cloud', '--out', join(dir, 'unknown-out'), '--json');
    const plan = await cli('plan', 'demo', '--root', ws, '--target', 'compose', '--json');
    expect(pkgCode).toBe(1);
    expect(plan.code).toBe(pkgCode);
    const errors = (doc: { diagnostics: { code: string; severity: string; message: string }[] }): string[] => doc.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
    const refused = JSON.parse(plan.out);
    expect(refused).toMatchObject({ scenario: 'demo', ok: false, stage: 'assembly' });
    expect(errors(refused)).toEqual(errors(JSON.parse(pkgOut)));
    expect(errors(refused).join('\n')).toContain('frobnicator');
    const human = await cli('plan', 'demo', '--root', ws, '--target', 'compose');
    expect(human.code).toBe(1);
    expect(human.out).toContain('as package would refuse it');
  });
});
