/*
 * The runtime program a release ships (`runtime/runtime.mjs`, what the
 * host's Node runs): the runtime package's self-contained build - or, in a
 * clone of this repository where nothing is built, the same build made now
 * from its source with esbuild (as the package's own tsup build does).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SdkError } from '@deployment-manager/core';

/** The banner of the runtime's own build: a shebang and `require` for the CommonJS it inlines. */
const BANNER = "#!/usr/bin/env node\nimport { createRequire as __dmRequire } from 'node:module'; const require = __dmRequire(import.meta.url);";

/** True when this module runs from TypeScript source (a clone run with tsx), not from a build. */
const fromSource = (): boolean => fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * Writes the runtime program to `dest`: the runtime package's
 * `dist/runtime.mjs`, or in a clone its source bundled with esbuild. Throws
 * `TOOL_MISSING` when neither is possible.
 *
 * @example
 * ```ts
 * await writeRuntimeProgram('work/release/runtime/runtime.mjs');
 * ```
 */
export async function writeRuntimeProgram(dest: string): Promise<void> {
  const pkg = dirname(createRequire(import.meta.url).resolve('@deployment-manager/runtime/package.json'));
  mkdirSync(dirname(dest), { recursive: true });
  const source = join(pkg, 'src', 'bin.ts');
  const dist = join(pkg, 'dist', 'runtime.mjs');
  if (!fromSource() && existsSync(dist)) {
    copyFileSync(dist, dest);
    return;
  }
  if (existsSync(source)) {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch (cause) {
      throw new SdkError('TOOL_MISSING', 'esbuild is needed to build the runtime program from source in this clone, and it is not installed', { hint: 'run pnpm install in the repository (or pnpm build)', cause });
    }
    await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: dest, banner: { js: BANNER }, tsconfig: join(pkg, '..', '..', 'tsconfig.json'), logLevel: 'silent' });
    return;
  }
  if (existsSync(dist)) {
    copyFileSync(dist, dest);
    return;
  }
  throw new SdkError('TOOL_MISSING', `the runtime program is missing: neither ${dist} nor its source exists`, { hint: 'reinstall @deployment-manager/runtime' });
}
