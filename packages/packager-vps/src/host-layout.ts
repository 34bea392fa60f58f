import type { CloudManifest } from '@deployment-manager/bundle';
import { secretKey } from '@deployment-manager/packager-cloud';

/** Where and under which names a compose-on-a-host deployment lives. */
export interface HostLayout {
  /** Compose project name (`<app>-<env>`), also the systemd unit's base name. */
  readonly project: string;
  /** Directory on the host. */
  readonly dir: string;
  /** systemd unit file name. */
  readonly unit: string;
  /**
   * The environment's complete Compose file (`compose.<env>.yaml`), the only
   * one the host runs: rendered from the environment-applied manifest, it
   * needs no other file merged over or under it.
   */
  readonly composeFile: string;
  /** Name of the reverse proxy service the Compose file adds (never a manifest service id). */
  readonly proxyService: string;
  /** Directory of per-secret env files, relative to `dir` (the cloud packager's layout: `secrets/<key>.env`). */
  readonly secretsDir: string;
}

/** Lower-case DNS-safe form of a name (`[a-z0-9-]`, at most 52 characters): every name of the layout is one, so no input reaches a file name or a command as it was given. */
export function dnsName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 52) || 'app';
}

/**
 * The host layout of a manifest in an environment.
 *
 * @example
 * ```ts
 * hostLayout(manifest, 'production').dir // '/opt/recipe-hub-production'
 * ```
 */
export function hostLayout(manifest: CloudManifest, environment: string): HostLayout {
  const project = dnsName(`${manifest.app.name}-${environment}`);
  const ids = new Set(manifest.services.map((s) => s.id));
  let proxyService = 'edge-proxy';
  while (ids.has(proxyService)) proxyService = `${proxyService}-x`;
  return {
    project,
    dir: `/opt/${project}`,
    unit: `${project}.service`,
    composeFile: `compose.${dnsName(environment)}.yaml`,
    proxyService,
    secretsDir: 'secrets',
  };
}

/**
 * The key of a secret id in file names: the cloud packager's `secretKey` itself, so the files
 * deploy.sh writes are the ones the Compose file reads.
 */
export function secretFileKey(id: string): string {
  return secretKey(id);
}

/**
 * The global `docker compose` arguments that run the host's project: its
 * name, and the project directory and Compose file as absolute paths, so
 * relative paths in the file (`secrets/`, `./Caddyfile`) resolve in the
 * host directory wherever the command runs from.
 *
 * @example
 * ```ts
 * composeArgs(hostLayout(manifest, 'production'))
 * // ['-p', 'recipe-hub-production', '--project-directory', '/opt/recipe-hub-production', '-f', '/opt/recipe-hub-production/compose.production.yaml']
 * ```
 */
export function composeArgs(layout: HostLayout): string[] {
  return ['-p', layout.project, '--project-directory', layout.dir, '-f', `${layout.dir}/${layout.composeFile}`];
}
