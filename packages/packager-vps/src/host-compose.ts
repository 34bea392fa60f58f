/*
 * The complete Compose file of a compose host (`compose.<env>.yaml`): the
 * cloud packager's Compose rendering of the environment-applied manifest,
 * changed only where one host behind a reverse proxy differs - no service
 * publishes a port but the Caddy proxy (80/443), and no service is built on
 * the host (the plan builds and pushes the images; the host pulls them). No
 * override tags, no merge with another file: docker-compose 1.29 and Compose
 * v2 read it alike.
 */
import type { CloudManifest } from '@deployment-manager/bundle';
import { inlineText } from '@deployment-manager/core';
import { composeYaml, renderManifestCompose, type ComposeFile } from '@deployment-manager/packager-cloud';
import { composeArgs, hostLayout } from './host-layout.ts';

/** Options of {@link hostCompose}. */
export interface HostComposeOptions {
  /** Caddy image of the reverse proxy. Default `caddy:2.9-alpine`. */
  readonly proxyImage?: string;
}

type ServiceEntry = Readonly<Record<string, unknown>>;

/** A service of the cloud packager's file as the host runs it: the same, without published ports or a build. */
function onHost(service: ServiceEntry): ServiceEntry {
  return Object.fromEntries(Object.entries(service).filter(([key]) => key !== 'ports' && key !== 'build'));
}

/**
 * The Compose file a host runs for a manifest already overlaid with its
 * environment, as data: every service of the cloud packager's rendering
 * (image, command, env, env files, secrets, healthcheck, depends_on,
 * volumes, replicas and reservations unchanged) without `ports` and
 * `build`, plus the Caddy proxy service publishing 80 and 443 with the
 * `Caddyfile` mounted and a volume for its certificates. Pure. Throws
 * `INVALID_ARGUMENT` for an app name that is not a DNS label, which
 * `validateManifest` reports first (`CLOUD_APP_NAME_INVALID`).
 *
 * @example
 * ```ts
 * Object.keys(hostCompose(manifest, 'production')['services'] as object) // ['postgres', ..., 'edge-proxy']
 * ```
 */
export function hostCompose(manifest: CloudManifest, environment: string, options: HostComposeOptions = {}): ComposeFile {
  const layout = hostLayout(manifest, environment);
  const base = renderManifestCompose(manifest).compose;
  const services = Object.fromEntries(Object.entries((base['services'] ?? {}) as Record<string, ServiceEntry>).map(([id, s]) => [id, onHost(s)] as const));
  const volumes = { ...((base['volumes'] ?? {}) as Record<string, unknown>) };
  // The proxy's volume gets a name no service volume (`<service>-<volume>`) already has.
  let proxyVolume = `${layout.proxyService}-data`;
  while (Object.hasOwn(volumes, proxyVolume)) proxyVolume = `${proxyVolume}-x`;
  volumes[proxyVolume] = {};
  const routed = [...new Set((manifest.ingress?.routes ?? []).map((r) => r.service))].filter((id) => Object.hasOwn(services, id)).sort();
  services[layout.proxyService] = {
    image: options.proxyImage ?? 'caddy:2.9-alpine',
    ports: ['80:80', '443:443'],
    volumes: ['./Caddyfile:/etc/caddy/Caddyfile:ro', `${proxyVolume}:/data`],
    ...(routed.length === 0 ? {} : { depends_on: routed }),
    restart: 'unless-stopped',
  };
  return { ...base, services, volumes };
}

/**
 * Renders `compose.<env>.yaml` of a compose host: {@link hostCompose} as
 * YAML (the cloud packager's emitter) under a comment naming the
 * environment, app and version (input shown with `inlineText`, so it never
 * ends the comment) and the command that runs it. Pure and deterministic.
 *
 * @example
 * ```ts
 * writeFileSync('compose.production.yaml', renderHostCompose(manifest, 'production'));
 * ```
 */
export function renderHostCompose(manifest: CloudManifest, environment: string, options: HostComposeOptions = {}): string {
  const layout = hostLayout(manifest, environment);
  const head = [
    `# ${layout.composeFile}: environment ${inlineText(environment)} of ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)}, complete (no other file is merged with it).`,
    '# deploy.sh copies it to the host and writes the secrets/ files it reads; the images are pulled, never built there.',
    `# use: docker compose ${composeArgs(layout).join(' ')} up -d`,
  ];
  return `${head.join('\n')}\n${composeYaml(hostCompose(manifest, environment, options))}`;
}
