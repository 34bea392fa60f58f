import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { exampleCloudApp, unformattedHcl } from '@deployment-manager/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { planDeployment, type DeploymentInput } from '../src/plan.ts';
import { TARGET_IDS } from '../src/targets-data.ts';
import { writePlanFiles } from '../src/write-plan-files.ts';
import { DOCUMENTED_FLAGS, flagsOf, shellWords } from './documented-flags.ts';

/*
 * `plan --out`: every file the plan names is written where its commands look,
 * every command names files that exist and flags its tool documents, and the
 * tools accept the files (terraform fmt -check, docker-compose config -q).
 */

const example = exampleCloudApp();
const dir = mkdtempSync(join(tmpdir(), 'dm-plan-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inCi = process.env['CI'] === 'true';
const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 }).status === 0;
const hasTerraform = has('terraform', ['version']);
const composeVersion = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8', timeout: 30_000 });
const hasCompose = composeVersion.status === 0;
// `!reset` (the host targets' override drops published ports with it) needs Compose 2.24.4+; Debian 12 ships 1.29.
const [major = 0, minor = 0, patch = 0] = composeVersion.stdout?.trim().replace(/^v/, '').split('.').map(Number) ?? [];
const composeReadsReset = major * 1e6 + minor * 1e3 + patch >= 2_024_004;

const input = (target: string): DeploymentInput => ({
  scenario: 'recipe-hub',
  version: '3.2.0',
  tier: 'saas',
  environment: 'production',
  target,
  manifest: example.manifest,
  graph: example.swapped,
  secretPlan: example.secretPlan,
  providedSecrets: ['OPENAI_API_KEY'],
  // A folder of its own per call: a test that adds files (the compose check writes secrets) never
  // shows up in another test's file list, whatever order they run in.
  outDir: mkdtempSync(join(dir, `${target}-`)),
});

async function written(target: string): Promise<{ plan: ReturnType<typeof planDeployment>; files: readonly string[] }> {
  const i = input(target);
  const plan = planDeployment(i);
  expect(plan.outcome.status).toBe('success');
  const { files } = await writePlanFiles(i, plan);
  return { plan, files };
}

const files = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(root, f)).isFile());

describe.each(TARGET_IDS)('plan --out for %s', (target) => {
  it('writes every artifact the plan names, and every command names files that exist and flags its tool documents', async () => {
    const { plan, files: list } = await written(target);
    const out = plan.layout.outDir;
    for (const a of plan.artifacts) expect(existsSync(join(plan.layout.targetDir, a)), a).toBe(true);
    expect(files(out).sort()).toEqual([...list].sort());
    expect(list).toContain('bundle.json');
    expect(list).toContain('cloud/compose/compose.yaml');
    expect(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(plan)));
    const commands = plan.stages.flatMap((s) => s.invocations);
    expect(plan.outcome.status === 'success' ? plan.outcome.next_steps : []).toEqual(plan.stages.flatMap((s) => s.commands));
    for (const [i, line] of plan.stages.flatMap((s) => s.commands).entries()) {
      const cmd = commands[i];
      // Printed as it runs: the line splits back into the environment assignments and the argv.
      expect(shellWords(line)).toEqual([...Object.entries(cmd?.env ?? {}).map(([k, v]) => `${k}=${v}`), ...(cmd?.argv ?? [])]);
      const argv = cmd?.argv ?? [];
      for (const word of argv) {
        const path = word.replace(/^-chdir=/, '');
        if (path.startsWith(out)) expect(existsSync(path), `${line}: ${path}`).toBe(true);
      }
      const { tool, sub, global, flags } = flagsOf(argv);
      const spec = DOCUMENTED_FLAGS[tool];
      if (spec === undefined) {
        expect(['sh', 'bash'], line).toContain(tool);
        continue;
      }
      expect(sub === '' ? [] : spec[sub], `${line}: subcommand "${sub}"`).toBeDefined();
      expect(global.filter((f) => !(spec[''] ?? []).includes(f)), line).toEqual([]);
      expect(flags.filter((f) => !(spec[sub] ?? []).includes(f) && !(spec[''] ?? []).includes(f)), line).toEqual([]);
    }
  });
});

describe('the tools accept the files', () => {
  // terraform fmt -check where terraform exists; its formatter (hclwrite, as WebAssembly) always.
  it.each(['do', 'aws'])('%s: the Terraform module is formatted as terraform fmt -check wants, and parses as HCL', async (target) => {
    const { plan } = await written(target);
    const tf = join(plan.layout.targetDir, 'terraform');
    const texts = Object.fromEntries(readdirSync(tf).filter((f) => f.endsWith('.tf')).map((f) => [f, readFileSync(join(tf, f), 'utf8')]));
    expect(Object.keys(texts).length).toBeGreaterThan(0);
    expect(await unformattedHcl(texts)).toEqual([]);
    for (const [f, text] of Object.entries(texts)) expect(Object.keys(await parseHcl(f, text)).length, f).toBeGreaterThan(0);
    if (hasTerraform) {
      const r = spawnSync('terraform', ['fmt', '-check', '-recursive', '-no-color', tf], { encoding: 'utf8', timeout: 120_000 });
      expect({ status: r.status, out: r.stdout.trim() }).toEqual({ status: 0, out: '' });
    } else console.log(`[plan --out] terraform is not on PATH: ${target}'s module was checked with hclwrite's formatter (@cdktf/hcl-tools) only`);
  });

  it.for(TARGET_IDS)('%s: docker-compose config -q accepts every compose file plan --out writes', async (target, ctx) => {
    if (!hasCompose) {
      if (inCi) throw new Error('docker-compose is not installed; .ci/run installs it');
      console.log('[plan --out] docker-compose is not installed: config -q is skipped');
      ctx.skip();
    }
    const { plan, files: list } = await written(target);
    const out = plan.layout.outDir;
    const composeFiles = list.filter((f) => /(^|\/)compose(\.[\w-]+)?\.ya?ml$/.test(f)).map((f) => join(out, f));
    expect(composeFiles.length).toBeGreaterThan(0);
    const compose = join(plan.layout.cloudDir, 'compose');
    // What the plan's configure command does, then the one secret create-secrets.sh leaves to the operator's store.
    const r = spawnSync('sh', [join(compose, 'create-secrets.sh')], { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: 'sk-test' }, timeout: 60_000 });
    expect(r.status === 0 || r.stderr.includes('openai.api_key'), r.stderr).toBe(true);
    writeFileSync(join(compose, 'secrets', 'openai.api_key.env'), 'OPENAI_API_KEY=sk-test\n', { mode: 0o600 });
    // Build contexts are relative to compose/ (the cloud packager's layout): the sources would be copied there.
    for (const s of example.manifest.services) if (s.build !== undefined) mkdirSync(join(compose, s.build.context), { recursive: true });
    // The base file first, each override after it: as the plan's commands pass them.
    const base = join(compose, 'compose.yaml');
    const checked = [base, ...composeFiles.filter((f) => f !== base)].map((f) => {
      const text = readFileSync(f, 'utf8');
      if (composeReadsReset || !text.includes('!reset')) return f;
      // An older docker-compose checks the rest; the `!reset` lines are held to their one shape here.
      console.log(`[plan --out] docker-compose ${composeVersion.stdout.trim()} predates \`!reset\` (Compose 2.24.4): ${f} is checked without its \`ports: !reset []\` lines`);
      const without = text.replace(/^ +ports: !reset \[\]\n/gm, '');
      expect(without).not.toContain('!reset');
      const copy = f.replace(/\.yaml$/, '.without-reset.yaml');
      writeFileSync(copy, without);
      return copy;
    });
    const args = checked.flatMap((f) => ['-f', f]);
    const c = spawnSync('docker-compose', [...args, 'config', '-q'], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: c.status, stderr: c.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
