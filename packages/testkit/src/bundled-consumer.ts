import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Which packager a bundled consumer packs with. */
export interface BundledConsumerInput {
  /** The package, e.g. `packager-cloud`. */
  readonly packager: string;
  /** Its factory export, e.g. `createCloudPackager`. */
  readonly factory: string;
  /** A manifest the packager accepts. */
  readonly manifest: unknown;
}

/** What the bundled consumer did, run by `node` in a folder with no `node_modules`. */
export interface BundledConsumerRun {
  /** Exit code of `node consumer.mjs`. */
  readonly status: number | null;
  /** Its stderr (empty when all went well). */
  readonly stderr: string;
  /** The packager run's status. */
  readonly packStatus: string | undefined;
  /** The artifact paths it reported. */
  readonly artifacts: readonly string[];
  /** What is in the temp folder besides the consumer: no `node_modules`. */
  readonly siblings: readonly string[];
}

const consumerSource = (input: BundledConsumerInput): string => `
import { readFileSync } from 'node:fs';
import { runPackagers } from '@deployment-manager/core';
import { ${input.factory} } from '@deployment-manager/${input.packager}';
const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [run] = await runPackagers([${input.factory}()], manifest, { outDir: process.argv[3] });
console.log(JSON.stringify({ status: run.status, artifacts: run.status === 'packed' ? run.result.artifacts.map((a) => a.path) : [], issues: run.issues.map((i) => i.code) }));
`;

/**
 * Bundles a tiny consumer of a packager with esbuild (every dependency
 * inlined, the workspace packages taken from their sources), writes it and
 * the manifest to a fresh temp folder with no `node_modules` anywhere above
 * it, and runs it with `node`: it packs the manifest the way a bundled app
 * would. A packager that reads files beside its own code (schemas) fails here.
 */
export async function packInBundledConsumer(input: BundledConsumerInput): Promise<BundledConsumerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-bundled-consumer-'));
  try {
    await build({
      stdin: { contents: consumerSource(input), resolveDir: repoRoot, loader: 'ts', sourcefile: 'consumer.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The workspace's tsconfig paths map each package entry to its source.
      tsconfig: join(repoRoot, 'tsconfig.json'),
      // CommonJS dependencies call require() for Node built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      outfile: join(dir, 'consumer.mjs'),
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(input.manifest));
    const siblings = readdirSync(dir);
    const r = spawnSync(process.execPath, ['consumer.mjs', 'manifest.json', 'out'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const lastLine = r.stdout.trim().split('\n').at(-1) ?? '';
    const doc = r.status === 0 ? (JSON.parse(lastLine) as { status: string; artifacts: string[] }) : undefined;
    return { status: r.status, stderr: r.stderr, packStatus: doc?.status, artifacts: doc?.artifacts ?? [], siblings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
