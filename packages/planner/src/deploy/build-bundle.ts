/*
 * From a desktop manifest and the scenario's sources to a bundle directory
 * this machine (or a server of the same platform) runs: the desktop
 * packager's files, each service built with the commands of its build plan
 * (real tools: go, npm, cargo...; a missing one is refused by name), then
 * the staging plan carried out with the runtime program in place.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { SdkError, runPackagers } from '@deployment-manager/core';
import { createDesktopPackager, planDesktop, stageBundle } from '@deployment-manager/packager-desktop';
import { hostPlatformKey } from '@deployment-manager/runtime';
import type { PlanCommand } from '../command-line.ts';
import { runCommand } from './deploy-host.ts';
import { writeRuntimeProgram } from './runtime-program.ts';
import { withSourceLock } from './source-lock.ts';

/** Options of {@link buildBundle}. */
export interface BuildBundleOptions {
  /** The scenario's source directory (build.sh's `SOURCE_ROOT`). */
  readonly sourceRoot: string;
  /** Scratch directory: the packager's files in `packager/`, the bundle in `bundle/`. */
  readonly workDir: string;
  /** Platform key to build and stage (default this machine's, e.g. `linux-x64`). */
  readonly platform?: string;
  /** Receives every line the build commands print. */
  readonly onLine?: (line: string) => void;
}

/** One build command: where it runs (relative to the source root) and what it runs. */
export interface BuildCommand extends PlanCommand {
  /** Service built. */
  readonly service: string;
  /** Working directory relative to the source root. */
  readonly cwd: string;
}

/** The build commands of a manifest for one platform, in order. Pure. */
export function buildCommandsFor(manifest: DesktopManifest, platform: string = hostPlatformKey()): BuildCommand[] {
  const plan = planDesktop(manifest);
  return (plan.build.platforms.find((p) => p.platform === platform)?.builds ?? []).flatMap((b) => b.steps.map((s) => ({ service: b.service, cwd: s.cwd, argv: s.argv, env: s.env })));
}

/** True when `program` is on the PATH. */
export function hasProgram(program: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds the services of `manifest` and stages the bundle; returns the
 * bundle directory. Throws `TOOL_MISSING` naming a build tool that is not
 * installed (before running anything), `DEPLOY_FAILED` when a build command
 * fails (with its last lines), and staging's `FILE_UNREADABLE` or
 * `ASSET_INVALID`.
 *
 * @example
 * ```ts
 * const bundle = await buildBundle(manifest, { sourceRoot: 'examples/end-to-end/workspace/scenarios/recipe-hub', workDir: 'work' });
 * ```
 */
export async function buildBundle(manifest: DesktopManifest, options: BuildBundleOptions): Promise<string> {
  const platform = options.platform ?? hostPlatformKey();
  const plan = planDesktop(manifest);
  const commands = buildCommandsFor(manifest, platform);
  for (const program of new Set(commands.map((c) => c.argv[0] as string))) {
    if (!hasProgram(program)) {
      const services = commands.filter((c) => c.argv[0] === program).map((c) => c.service);
      throw new SdkError('TOOL_MISSING', `${program} is not installed, and the build of ${[...new Set(services)].join(', ')} needs it`, { hint: `install ${program}, or deploy a bundle built elsewhere with --bundle <dir>`, details: { tool: program } });
    }
  }
  const packagerOut = join(options.workDir, 'packager');
  const [run] = await runPackagers([createDesktopPackager()], manifest, { outDir: packagerOut });
  if (run?.status !== 'packed') throw new SdkError('PACKAGER_CHECK_FAILED', `the desktop packager refused the manifest: ${run?.issues.map((i) => i.code).join(', ') ?? 'no result'}`, { hint: 'run `deployment-manager package <scenario> --target desktop` to see its findings' });
  const runtime = join(options.workDir, 'runtime.mjs');
  await writeRuntimeProgram(runtime);
  const dest = join(options.workDir, 'bundle');
  // Builds write into the sources and staging reads them back: one build of a source tree at a time.
  await withSourceLock(options.sourceRoot, async () => {
    for (const c of commands) {
      const r = await runCommand(c, { cwd: join(options.sourceRoot, c.cwd), ...(options.onLine === undefined ? {} : { onLine: options.onLine }) });
      if (r.code !== 0) {
        const tail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-5).join('\n');
        throw new SdkError('DEPLOY_FAILED', `the build of service "${c.service}" failed: \`${c.argv.join(' ')}\` in ${c.cwd} exited with ${String(r.code)}\n${tail}`, { hint: 'fix the build, or deploy a bundle built elsewhere with --bundle <dir>', details: { stage: 'build', service: c.service } });
      }
    }
    stageBundle(plan.staging, { platform, sourceRoot: options.sourceRoot, packagerOut: join(packagerOut, 'desktop'), dest, resolve: (e) => (e.kind === 'runtime' ? runtime : undefined) });
  });
  return dest;
}
