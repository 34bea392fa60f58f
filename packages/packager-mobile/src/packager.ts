import { createArtifactWriter, definePackager, type Diagnostic, type Packager } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import type { MobilePackagerOptions } from './options.ts';
import { planMobile } from './plan-mobile.ts';
import { validateMobileManifest } from './validate.ts';

/** The packager's registered name. */
export const MOBILE_PACKAGER_NAME = 'mobile';

/**
 * The issues of a bundle for the mobile packager: the manifest's own
 * validation (schema and semantics) and, when that passes, the mobile
 * checks (Capacitor's app id rule, the generated configuration against the
 * schema from `@capacitor/cli`, dependencies placed nowhere, secrets held by
 * a server but not fetched remotely, a missing secret store). Pure.
 */
export function checkMobileBundle(bundle: MobileManifest, options: MobilePackagerOptions = {}): Diagnostic[] {
  const validation = validateMobileManifest(bundle);
  if (!validation.ok) return [...validation.issues, ...validation.warnings];
  return [...validation.warnings, ...planMobile(validation.value, options).issues];
}

/**
 * Creates the mobile packager: from a mobile manifest it writes
 * `capacitor.config.json` (validated against the JSON Schema generated from
 * `@capacitor/cli`'s `CapacitorConfig`), `runtime-config.json`,
 * `server-side-moves.json` (dependencies that run off the device, with
 * hosted replacements from the fitness swap catalog), `secret-plan.mobile.json`
 * (names, classes and remote references; never values) and `NEXT-STEPS.md`.
 * It does not run `npx cap` (that needs the native toolchains).
 *
 * @example
 * ```ts
 * const mobile = createMobilePackager({ appName: 'Picker Wheel', android: { releaseType: 'AAB' } });
 * const issues = mobile.check(manifest);
 * const { artifacts, notes } = await mobile.pack(manifest, { outDir: 'out/mobile', log: console.log, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export function createMobilePackager(options: MobilePackagerOptions = {}): Packager<MobileManifest> {
  return definePackager<MobileManifest>({
    name: MOBILE_PACKAGER_NAME,
    target: 'capacitor',
    check: (bundle) => checkMobileBundle(bundle, options),
    pack: async (bundle, ctx) => {
      const plan = planMobile(bundle, options);
      const out = createArtifactWriter(ctx, MOBILE_PACKAGER_NAME);
      for (const [i, file] of plan.files.entries()) {
        ctx.log({ level: 'debug', packager: MOBILE_PACKAGER_NAME, message: `writing ${file.path}`, progress: i / plan.files.length });
        out.write(file.path, file.content, file.mediaType);
      }
      for (const note of plan.notes) ctx.log({ level: 'warn', packager: MOBILE_PACKAGER_NAME, message: `${note.kind} ${note.feature}: ${note.message}` });
      return { artifacts: out.artifacts, notes: plan.notes };
    },
  });
}
