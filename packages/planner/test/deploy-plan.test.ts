import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSdkError } from '@deployment-manager/core';
import { exampleCloudApp } from '@deployment-manager/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLine } from '../src/command-line.ts';
import { deployPlan } from '../src/deploy/deploy-plan.ts';
import { planDeployment, type DeploymentInput } from '../src/plan.ts';
import { flagsOf, shellWords } from './documented-flags.ts';

/*
 * `deploy` for the plan targets: a dry run writes the plan's files and lists
 * exactly the plan's commands (whose flags plan-files.test.ts checks against
 * each tool's documentation) with the flags that make the deploy safe; a
 * real run on a machine without the tools refuses, naming them, before
 * anything runs or is recorded.
 */
const example = exampleCloudApp();
const dir = mkdtempSync(join(tmpdir(), 'dm-deploy-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (target: string): DeploymentInput => ({ scenario: 'recipe-hub', version: '3.2.0', tier: 'saas', environment: 'production', target, manifest: example.manifest, graph: example.swapped, secretPlan: example.secretPlan, providedSecrets: ['OPENAI_API_KEY'], outDir: join(dir, target) });
const identity = (target: string) => ({ scenario: 'recipe-hub', environment: 'production', target });

describe.each(['compose', 'k8s', 'do', 'aws'])('deploy --dry-run --target %s', (target) => {
  it("lists the plan's own commands, after writing the files they name", async () => {
    const plan = planDeployment(input(target));
    const result = await deployPlan({ input: input(target), plan, history: join(dir, `${target}.jsonl`), identity: identity(target), dryRun: true });
    expect(result.outcome).toBe('dry-run');
    expect(result.commands).toEqual(plan.stages.flatMap((s) => s.invocations).map(commandLine));
    expect(existsSync(join(dir, target, 'plan.json'))).toBe(true);
    expect(existsSync(join(dir, `${target}.jsonl`))).toBe(false);
    const argvs = result.commands.map(shellWords);
    const has = (tool: string, sub: string, flags: readonly string[]): boolean => argvs.some((a) => {
      const f = flagsOf(a);
      return f.tool === tool && f.sub === sub && flags.every((x) => f.flags.includes(x) || a.includes(x));
    });
    if (target === 'compose') expect(has('docker compose', 'up', ['--wait'])).toBe(true);
    if (target === 'k8s') expect(has('helm', 'upgrade', ['--install', '--atomic', '--wait'])).toBe(true);
    if (target === 'do' || target === 'aws') {
      const subs = argvs.filter((a) => a[0] === 'terraform').map((a) => flagsOf(a).sub);
      expect(subs).toEqual(['init', 'plan', 'show', 'apply']);
    }
  });
});

describe('deploy on a machine without the tools', () => {
  it.each([
    ['k8s', 'helm'],
    ['do', 'terraform'],
    ['compose', 'docker compose (v2)'],
  ])('%s: refuses with TOOL_MISSING naming %s, runs and records nothing', async (target, tool) => {
    const path = process.env['PATH'];
    // A PATH with none of the deploy tools on it.
    process.env['PATH'] = join(dir, 'no-tools');
    try {
      const error = await deployPlan({ input: input(target), plan: planDeployment(input(target)), history: join(dir, `refused-${target}.jsonl`), identity: identity(target) }).catch((e: unknown) => e);
      expect(isSdkError(error, 'TOOL_MISSING'), String(error)).toBe(true);
      expect((error as Error).message).toContain(tool);
      expect(existsSync(join(dir, `refused-${target}.jsonl`))).toBe(false);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
