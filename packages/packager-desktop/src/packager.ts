import { createArtifactWriter, definePackager, type Diagnostic, type Packager } from '@deployment-manager/core';
import type { DesktopManifest } from '@deployment-manager/bundle';
import type { DesktopPackagerOptions } from './options.ts';
import { planDesktop } from './plan-desktop.ts';
import { validateDesktopManifest } from './validate.ts';

/** The packager's registered name. */
export const DESKTOP_PACKAGER_NAME = 'desktop';

/**
 * The issues of a bundle for the desktop packager: the manifest's own
 * validation (schema and semantics) and, when that passes, the desktop
 * checks (binaries per platform, safe paths, build entries, signing, the
 * generated electron-builder configurations against `scheme.json`). Pure.
 */
export function checkDesktopBundle(bundle: DesktopManifest, options: DesktopPackagerOptions = {}): Diagnostic[] {
  const validation = validateDesktopManifest(bundle);
  if (!validation.ok) return [...validation.issues, ...validation.warnings];
  return [...validation.warnings, ...planDesktop(validation.value, options).issues];
}

/**
 * Creates the desktop packager: from a desktop manifest it writes
 * electron-builder configurations (one per update channel), the runtime
 * manifest (`runtime/bundle.json`, canonical) and shell launch file, a
 * staging plan, a build plan with `build.sh`, and a minimal Electron shell.
 * It does not run electron-builder (that needs an Electron download).
 *
 * @example
 * ```ts
 * const desktop = createDesktopPackager({ appId: 'com.example.picker-wheel', platforms: ['linux-x64', 'win-x64'] });
 * const issues = desktop.check(manifest);
 * const { artifacts, notes } = await desktop.pack(manifest, { outDir: 'out/desktop', log: console.log, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export function createDesktopPackager(options: DesktopPackagerOptions = {}): Packager<DesktopManifest> {
  return definePackager<DesktopManifest>({
    name: DESKTOP_PACKAGER_NAME,
    target: 'electron-builder',
    check: (bundle) => checkDesktopBundle(bundle, options),
    pack: async (bundle, ctx) => {
      const plan = planDesktop(bundle, options);
      const out = createArtifactWriter(ctx, DESKTOP_PACKAGER_NAME);
      for (const [i, file] of plan.files.entries()) {
        ctx.log({ level: 'debug', packager: DESKTOP_PACKAGER_NAME, message: `writing ${file.path}`, progress: i / plan.files.length });
        out.write(file.path, file.content, file.mediaType);
      }
      for (const note of plan.notes) ctx.log({ level: 'warn', packager: DESKTOP_PACKAGER_NAME, message: `${note.kind} ${note.feature}: ${note.message}` });
      return { artifacts: out.artifacts, notes: plan.notes };
    },
  });
}
