import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import { createArtifactWriter, createDiagnostic, definePackager, throwIfAborted, type Diagnostic, type Packager } from '@deployment-manager/core';
import { findEnvironment } from './apply-environment.ts';
import { findingToDiagnostic } from './diagnostics-bridge.ts';
import type { EnvironmentOverlay } from './environment.ts';
import { renderTarget, type RenderTargetOptions } from './render-target.ts';
import type { TargetId } from './targets-data.ts';

/** Options of the provider packagers. */
export interface ProviderPackagerOptions extends RenderTargetOptions {
  /** The environment (an overlay, or the name of a built-in one). Default `production`. */
  readonly environment?: EnvironmentOverlay | string;
}

function resolveEnvironment(env: EnvironmentOverlay | string | undefined): EnvironmentOverlay | Diagnostic {
  if (typeof env === 'object') return env;
  const name = env ?? 'production';
  return (
    findEnvironment(name) ??
    createDiagnostic({ code: 'ENVIRONMENT_UNKNOWN', severity: 'error', path: '', message: `environment "${name}" is not a built-in environment`, hint: 'pass an EnvironmentOverlay object, or one of development, staging, production' })
  );
}

function checkTarget(target: TargetId, bundle: CloudManifest, options: ProviderPackagerOptions): Diagnostic[] {
  const validation = validateManifest(bundle);
  const out: Diagnostic[] = validation.ok ? [...validation.warnings] : [...validation.issues, ...validation.warnings];
  if (validation.ok && validation.value.target !== 'cloud') {
    out.push(createDiagnostic({ code: 'MANIFEST_NOT_CLOUD', severity: 'error', path: '/target', message: `a ${validation.value.target} manifest cannot be deployed to ${target}`, hint: 'assemble the scenario for the saas or enterprise tier' }));
  }
  if (!validation.ok || validation.value.target !== 'cloud') return out;
  const env = resolveEnvironment(options.environment);
  if ('severity' in env) return [...out, env];
  return [...out, ...renderTarget(bundle, target, env, options).findings.map(findingToDiagnostic)];
}

function createProviderPackager(name: string, targetLabel: string, target: TargetId, options: ProviderPackagerOptions): Packager<CloudManifest> {
  return definePackager<CloudManifest>({
    name,
    target: targetLabel,
    check: (bundle) => checkTarget(target, bundle, options),
    pack: async (bundle, ctx) => {
      const env = resolveEnvironment(options.environment) as EnvironmentOverlay;
      const render = renderTarget(bundle, target, env, options);
      const out = createArtifactWriter(ctx, name);
      for (const file of render.files) {
        throwIfAborted(ctx.signal, name);
        out.write(file.path, file.content, file.mediaType);
        if (file.executable === true) chmodSync(join(ctx.outDir, file.path), 0o755);
        ctx.log({ level: 'debug', packager: name, message: `wrote ${file.path}` });
      }
      return { artifacts: out.artifacts, notes: render.notes };
    },
  });
}

/**
 * A packager for DigitalOcean: a Terraform module (droplet sized by the cost
 * estimate, data volume, firewall; token only as `var.do_token`), cloud-init,
 * and the compose host files (override with a Caddy proxy, Caddyfile,
 * systemd unit, deploy.sh, smoke.sh). Runs on the core packager contract.
 *
 * @example
 * ```ts
 * await runPackagers([createCloudPackager(), createDigitalOceanPackager({ environment: 'production' })], manifest, { outDir: 'out' });
 * ```
 */
export function createDigitalOceanPackager(options: ProviderPackagerOptions = {}): Packager<CloudManifest> {
  return createProviderPackager('terraform-digitalocean', 'terraform+digitalocean-droplet+docker-compose', 'do', options);
}

/**
 * A packager for AWS: a Terraform module (EC2 instance sized by the cost
 * estimate, gp3 data volume, security group, Elastic IP; credentials from
 * the provider chain only), cloud-init, and the compose host files.
 *
 * @example
 * ```ts
 * const p = createAwsPackager({ environment: 'staging', region: 'eu-west-1' });
 * ```
 */
export function createAwsPackager(options: ProviderPackagerOptions = {}): Packager<CloudManifest> {
  return createProviderPackager('terraform-aws', 'terraform+aws-ec2+docker-compose', 'aws', options);
}

/**
 * A packager for an existing server or VPS: a systemd unit, a Caddy reverse
 * proxy config, the environment's Compose override, and a shell deploy
 * script with smoke checks.
 *
 * @example
 * ```ts
 * const p = createVpsPackager({ environment: 'production' });
 * ```
 */
export function createVpsPackager(options: ProviderPackagerOptions = {}): Packager<CloudManifest> {
  return createProviderPackager('vps', 'systemd+caddy+docker-compose', 'vps', options);
}
