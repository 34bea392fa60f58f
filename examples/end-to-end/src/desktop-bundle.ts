// Turns the packaged desktop app into a bundle directory this machine can run: the
// example's Node services are built (esbuild bundles each server.mjs, sql.js included,
// into the one executable file the build plan expects), then the packager's staging plan
// is carried out for the host platform with stageBundle. The runtime itself runs in the
// calling process (`deployment-manager run` or startBundle), so its entry is not staged.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { planDesktop, stageBundle } from '@deployment-manager/packager-desktop';

/** Where things come from and go to. */
export interface PrepareOptions {
  /** The scenario sources (`SOURCE_ROOT` of build.sh): api/server.mjs, ui/server.mjs, ui/dist. */
  readonly sourceRoot: string;
  /** The desktop packager's output directory (bundle.json, launch.json). */
  readonly packagerOut: string;
  /** Scratch directory: build outputs go to `<workDir>/build`, the bundle to `<workDir>/bundle`. */
  readonly workDir: string;
  /** Platform key of this machine. */
  readonly platform: string;
}

/** Builds the services of `platform` and stages the bundle; returns the bundle directory. */
export async function prepareDesktopBundle(manifest: DesktopManifest, options: PrepareOptions): Promise<string> {
  // The same plan the packager wrote (default options), so the staged files match their pinned hashes.
  const plan = planDesktop(manifest);
  const buildRoot = join(options.workDir, 'build');
  for (const service of plan.build.platforms.find((p) => p.platform === options.platform)?.builds ?? []) {
    const outfile = join(buildRoot, service.output);
    await build({
      entryPoints: [join(options.sourceRoot, service.steps[0]?.cwd ?? service.service, 'server.mjs')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      banner: { js: '#!/usr/bin/env node' },
      logLevel: 'silent',
    });
    chmodSync(outfile, 0o755);
  }
  const dest = join(options.workDir, 'bundle');
  stageBundle(plan.staging, {
    platform: options.platform,
    sourceRoot: options.sourceRoot,
    packagerOut: options.packagerOut,
    dest,
    resolve: (entry) => (entry.kind === 'runtime' ? null : entry.kind === 'binary' ? join(buildRoot, entry.from) : undefined),
  });
  return dest;
}
