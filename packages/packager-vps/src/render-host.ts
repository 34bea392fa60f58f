/*
 * The file set of a compose host: the machine (a VPS, or a droplet or EC2
 * instance made by Terraform) runs the environment's complete Compose file
 * behind a Caddy reverse proxy, as a systemd unit, and is deployed by
 * deploy.sh and checked by smoke.sh. Pure: text from data.
 */
import type { CloudManifest } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import { renderCaddyfile } from './caddyfile.ts';
import { renderDeployScript } from './deploy-script.ts';
import { renderHostCompose } from './host-compose.ts';
import type { HostEnvironment } from './host-environment.ts';
import { hostLayout } from './host-layout.ts';
import { deriveSmokeChecks, renderSmokeScript } from './smoke.ts';
import { renderSystemdUnit } from './systemd-unit.ts';

/** One file a host target renders. */
export interface HostFile {
  /** POSIX path relative to the target's output directory. */
  readonly path: string;
  /** Text content. */
  readonly content: string;
  /** Media type. */
  readonly mediaType: string;
  /** Whether it should be executable. */
  readonly executable?: boolean;
}

/** Options of {@link renderComposeHost}. */
export interface ComposeHostOptions {
  /** The environment the manifest was overlaid with. Default `{ name: 'production' }`. */
  readonly environment?: HostEnvironment;
  /** Default rollout of deploy.sh (`rolling`, or `recreate`). Default `rolling`. */
  readonly strategy?: 'recreate' | 'rolling';
  /** Local env file deploy.sh reads the operator's secrets from. Default `.env.<environment>`. */
  readonly secretsFile?: string;
  /** Shell command that prints the ssh destination when DEPLOY_HOST is unset (a Terraform output); default: DEPLOY_HOST is required. */
  readonly hostCommand?: string;
}

/** What {@link renderComposeHost} produced. */
export interface ComposeHostRender {
  /** Files, sorted by path. */
  readonly files: readonly HostFile[];
  /** What a single host cannot express. */
  readonly notes: readonly PackagerNote[];
}

const SH = 'application/x-sh';

/** What every compose host loses or emulates, as notes. */
export function composeHostNotes(manifest: CloudManifest): PackagerNote[] {
  const notes: PackagerNote[] = [
    { kind: 'lost', feature: 'high-availability', message: 'every service runs on one host: replicas share its CPU and memory and do not survive the host failing' },
    { kind: 'emulated', feature: 'ingress', message: 'routes, host name and TLS are served by a Caddy reverse proxy container on ports 80/443; only it is published' },
  ];
  manifest.services.forEach((s, i) => {
    if ((s.resources?.gpu ?? 0) > 0) notes.push({ kind: 'lost', feature: 'gpu', message: `"${s.id}" asks for a GPU; the host image does not install GPU drivers or the NVIDIA container toolkit`, path: `/services/${i}/resources/gpu` });
  });
  return notes;
}

/**
 * Renders the compose host files of a manifest (already overlaid with its
 * environment): `compose.<env>.yaml`, the complete Compose file with a
 * Caddy proxy (see {@link renderHostCompose}), the `Caddyfile`, the systemd
 * unit, `deploy.sh` and `smoke.sh`. The images of services with a `build`
 * are pushed beforehand (the cloud packager's `compose.yaml`:
 * `docker compose build` and `push`); the host pulls them.
 *
 * @example
 * ```ts
 * renderComposeHost(manifest, { environment: { name: 'production' } }).files.map((f) => f.path)
 * // ['Caddyfile', 'compose.production.yaml', 'deploy.sh', 'recipe-hub-production.service', 'smoke.sh']
 * ```
 */
export function renderComposeHost(manifest: CloudManifest, options: ComposeHostOptions = {}): ComposeHostRender {
  const environment = options.environment ?? { name: 'production' };
  const layout = hostLayout(manifest, environment.name);
  const files: HostFile[] = [
    { path: layout.composeFile, content: renderHostCompose(manifest, environment.name), mediaType: 'application/yaml' },
    { path: 'Caddyfile', content: renderCaddyfile(manifest), mediaType: 'text/plain' },
    { path: layout.unit, content: renderSystemdUnit(layout, `deployment-manager project ${layout.project}`), mediaType: 'text/plain' },
    {
      path: 'deploy.sh',
      content: renderDeployScript({
        manifest,
        environment: environment.name,
        layout,
        strategy: options.strategy ?? 'rolling',
        secretsFile: options.secretsFile ?? `.env.${environment.name}`,
        ...(options.hostCommand === undefined ? {} : { hostCommand: options.hostCommand }),
      }),
      mediaType: SH,
      executable: true,
    },
    { path: 'smoke.sh', content: renderSmokeScript(manifest, deriveSmokeChecks(manifest), 'compose', environment.name), mediaType: SH, executable: true },
  ];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), notes: composeHostNotes(manifest) };
}
