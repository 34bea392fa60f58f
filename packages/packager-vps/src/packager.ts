import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import { createArtifactWriter, definePackager, throwIfAborted, type Diagnostic, type PackContext, type PackagerArtifact, type Packager } from '@deployment-manager/core';
import { hostDiagnostic } from './diagnostic-codes.ts';
import type { HostEnvironment } from './host-environment.ts';
import { renderComposeHost, type ComposeHostOptions, type HostFile } from './render-host.ts';

/** Options of {@link createVpsPackager}. */
export type VpsPackagerOptions = Omit<ComposeHostOptions, 'hostCommand'>;

/**
 * The checks every host packager makes: the bundle's `validateManifest`
 * (schema and meaning, including the names and values every generated file
 * embeds), and that it is a cloud manifest (`MANIFEST_NOT_CLOUD`). Pure.
 *
 * @example
 * ```ts
 * checkHostManifest(manifest, 'vps').filter((d) => d.severity === 'error')
 * ```
 */
export function checkHostManifest(bundle: unknown, target: string): Diagnostic[] {
  const validation = validateManifest(bundle);
  const out: Diagnostic[] = validation.ok ? [...validation.warnings] : [...validation.issues, ...validation.warnings];
  if (validation.ok && validation.value.target !== 'cloud') {
    out.push(hostDiagnostic('MANIFEST_NOT_CLOUD', `a ${validation.value.target} manifest cannot be deployed to ${target}`, { path: '/target', hint: 'assemble the scenario for the saas or enterprise tier' }));
  }
  return out;
}

/**
 * The findings about the environment a host is rendered for: its name names
 * files, the compose project and the host directory, so it must be a
 * lower-case name (`HOST_ENVIRONMENT_INVALID`). Pure.
 *
 * @example
 * ```ts
 * checkHostEnvironment({ name: 'production' }) // []
 * ```
 */
export function checkHostEnvironment(environment: HostEnvironment | undefined): Diagnostic[] {
  const name = environment?.name ?? 'production';
  if (/^[a-z][a-z0-9-]{0,30}$/.test(name)) return [];
  return [hostDiagnostic('HOST_ENVIRONMENT_INVALID', `environment name ${JSON.stringify(name)} is not a lower-case name`, { hint: 'use lower-case letters, digits and dashes, starting with a letter (at most 31 characters)' })];
}

/**
 * Writes rendered host files under `ctx.outDir` (executables with mode
 * 0755) and returns their artifact records.
 *
 * @example
 * ```ts
 * const artifacts = writeHostFiles(ctx, 'vps', renderComposeHost(manifest).files);
 * ```
 */
export function writeHostFiles(ctx: PackContext, packager: string, files: readonly HostFile[]): readonly PackagerArtifact[] {
  const out = createArtifactWriter(ctx, packager);
  for (const file of files) {
    throwIfAborted(ctx.signal, packager);
    out.write(file.path, file.content, file.mediaType, { executable: file.executable === true });
    ctx.log({ level: 'debug', packager, message: `wrote ${file.path}` });
  }
  return out.artifacts;
}

/**
 * A packager for an existing server or VPS: the environment's complete
 * Compose file with a Caddy reverse proxy, the Caddyfile, a systemd unit, and
 * the deploy and smoke scripts. It renders the manifest as given: the
 * planner overlays the environment (replicas, resources, env, ingress host)
 * before calling it. Runs on the core packager contract.
 *
 * @example
 * ```ts
 * await runPackagers([createCloudPackager(), createVpsPackager({ environment: { name: 'production' } })], manifest, { outDir: 'out' });
 * ```
 */
export function createVpsPackager(options: VpsPackagerOptions = {}): Packager<CloudManifest> {
  return definePackager<CloudManifest>({
    name: 'vps',
    target: 'systemd+caddy+docker-compose',
    check: (bundle) => [...checkHostManifest(bundle, 'a vps'), ...checkHostEnvironment(options.environment)],
    pack: async (bundle, ctx) => {
      const render = renderComposeHost(bundle, options);
      return { artifacts: writeHostFiles(ctx, 'vps', render.files), notes: render.notes };
    },
  });
}
