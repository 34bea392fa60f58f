import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { composeArgs, hostLayout } from '@deployment-manager/packager-vps';
import { exampleCloudApp, unformattedHcl } from '@deployment-manager/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { planDeployment, type DeploymentInput } from '../src/plan.ts';
import { TARGET_IDS, TARGETS } from '../src/targets-data.ts';
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

  it.for(TARGET_IDS)('%s: docker-compose config -q accepts every compose file plan --out writes, as the plan and deploy.sh run it', async (target, ctx) => {
    if (!hasCompose) {
      if (inCi) throw new Error('docker-compose is not installed; .ci/run installs it');
      console.log('[plan --out] docker-compose is not installed: config -q is skipped');
      ctx.skip();
    }
    const { plan, files: list } = await written(target);
    const out = plan.layout.outDir;
    const composeFiles = list.filter((f) => /(^|\/)compose(\.[\w-]+)?\.ya?ml$/.test(f));
    // sources: the files of plan --out the run reads (relative to the output directory), by what they are.
    const config = (args: readonly string[], cwd: string, sources: readonly string[]): { file: string; status: number | null; stderr: string } => {
      const c = spawnSync('docker-compose', [...args, 'config', '-q'], { cwd, encoding: 'utf8', timeout: 60_000 });
      return { file: sources.join(' + '), status: c.status, stderr: c.stderr.trim() };
    };
    const checked: ReturnType<typeof config>[] = [];

    // The cloud packager's compose.yaml (the package stage builds and pushes its images; the compose target runs it):
    // in its own directory, after the plan's configure command wrote the secrets, plus the one create-secrets.sh
    // leaves to the operator's store; build contexts are relative to it (the sources would be copied there).
    const compose = join(plan.layout.cloudDir, 'compose');
    const r = spawnSync('sh', [join(compose, 'create-secrets.sh')], { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: 'sk-test' }, timeout: 60_000 });
    expect(r.status === 0 || r.stderr.includes('openai.api_key'), r.stderr).toBe(true);
    writeFileSync(join(compose, 'secrets', 'openai.api_key.env'), 'OPENAI_API_KEY=sk-test\n', { mode: 0o600 });
    for (const s of example.manifest.services) if (s.build !== undefined) mkdirSync(join(compose, s.build.context), { recursive: true });
    checked.push(config(['-f', 'compose.yaml'], compose, ['cloud/compose/compose.yaml']));

    if (target === 'compose') {
      // The environment's override over it, as the plan's deploy command passes them.
      const deploy = plan.stages.flatMap((s) => s.invocations).find((c) => c.argv[0] === 'docker' && c.argv.includes('up'));
      const files = (deploy?.argv ?? []).filter((a, i, all) => all[i - 1] === '-f');
      expect(files.map((f) => relative(out, f))).toEqual(['cloud/compose/compose.yaml', 'compose/compose.production.yaml']);
      checked.push(config(files.flatMap((f) => ['-f', resolve(f)]), compose, files.map((f) => relative(out, f))));
    } else if (TARGETS[target].runtime === 'compose-host') {
      // The host's one complete file, checked where deploy.sh puts it: the files it copies to $DIR and the
      // secret files it writes there (every secrets/ path it names), run with the host's own arguments.
      const deploy = readFileSync(join(plan.layout.targetDir, 'deploy.sh'), 'utf8');
      const layout = hostLayout(example.manifest, 'production');
      const host = mkdtempSync(join(dir, `${target}-host-`));
      for (const f of [layout.composeFile, 'Caddyfile']) copyFileSync(join(plan.layout.targetDir, f), join(host, f));
      const secretFiles = [...new Set([...deploy.matchAll(/'(secrets\/[^'\s]+)'/g)].map((m) => m[1] as string))];
      expect(secretFiles.length).toBeGreaterThan(0);
      mkdirSync(join(host, 'secrets'));
      for (const f of secretFiles) writeFileSync(join(host, f), 'X=x\n', { mode: 0o600 });
      const args = composeArgs({ ...layout, dir: host });
      expect(deploy).toContain(composeArgs(layout).map((a) => `'${a}'`).join(' '));
      // From anywhere: the arguments name the project directory and the file by absolute path.
      checked.push(config(args, tmpdir(), [`${target}/${layout.composeFile}`]));
      expect(readFileSync(join(host, layout.composeFile), 'utf8')).not.toMatch(/!reset|^\s+build:/m);
    }
    // Every compose file plan --out wrote was read by a run: none is left unchecked.
    expect([...new Set(checked.flatMap((c) => c.file.split(' + ')))].sort()).toEqual([...composeFiles].sort());
    console.log(`[plan --out] ${target}: docker-compose ${composeVersion.stdout.trim()} config -q: ${checked.map((c) => `${c.file} -> ${c.status}`).join('; ')}`);
    expect(checked.map((c) => ({ file: c.file, status: c.status, stderr: c.stderr }))).toEqual(checked.map((c) => ({ file: c.file, status: 0, stderr: '' })));
  });
});
