import { createArtifactWriter, definePackager, hasErrors, type Diagnostic, type Packager } from '@deployment-manager/core';
import type { CloudManifest } from '@deployment-manager/bundle';
import { checkCloudNames, validateCloudManifest } from './cloud-checks.ts';
import type { CloudPackagerOptions } from './options.ts';
import { planCloud } from './plan-cloud.ts';

/** The packager's registered name. */
export const CLOUD_PACKAGER_NAME = 'cloud';

/**
 * The issues of a bundle for the cloud packager: the manifest's own
 * validation (schema and semantics), then the cloud naming and secret
 * checks, then - when those pass - the offline validation of every
 * artifact (see `planCloud`). Pure.
 */
export function checkCloudBundle(bundle: CloudManifest, options: CloudPackagerOptions = {}): Diagnostic[] {
  const validation = validateCloudManifest(bundle);
  if (!validation.ok) return [...validation.issues, ...validation.warnings];
  const names = checkCloudNames(validation.value);
  if (hasErrors(names)) return [...validation.warnings, ...names];
  return [...validation.warnings, ...names, ...planCloud(validation.value, options).issues];
}

/**
 * Creates the cloud packager: from a cloud manifest it writes a Docker
 * Compose file, plain Kubernetes manifests and a Helm chart (whose default
 * rendering is exactly those manifests), install scripts that create the
 * secrets (never a value in any file), and a README. Every artifact is
 * validated offline before anything is written.
 *
 * @example
 * ```ts
 * const cloud = createCloudPackager();
 * const issues = cloud.check(manifest);
 * const { artifacts, notes } = await cloud.pack(manifest, { outDir: 'out/cloud', log: console.log, signal: AbortSignal.timeout(60_000) });
 * ```
 */
export function createCloudPackager(options: CloudPackagerOptions = {}): Packager<CloudManifest> {
  return definePackager<CloudManifest>({
    name: CLOUD_PACKAGER_NAME,
    target: 'docker-compose+kubernetes+helm',
    check: (bundle) => checkCloudBundle(bundle, options),
    pack: async (bundle, ctx) => {
      const plan = planCloud(bundle, options);
      const out = createArtifactWriter(ctx, CLOUD_PACKAGER_NAME);
      for (const [i, file] of plan.files.entries()) {
        ctx.log({ level: 'debug', packager: CLOUD_PACKAGER_NAME, message: `writing ${file.path}`, progress: i / plan.files.length });
        out.write(file.path, file.content, file.mediaType);
      }
      for (const n of plan.notes) ctx.log({ level: 'warn', packager: CLOUD_PACKAGER_NAME, message: `${n.kind} ${n.feature}: ${n.message}` });
      return { artifacts: out.artifacts, notes: plan.notes };
    },
  });
}
