import type { CloudManifest } from '@deployment-manager/bundle';
import { dockerCpus, dockerMemory, inlineText } from '@deployment-manager/core';
import { Document, YAMLSeq } from 'yaml';
import type { HostEnvironment } from './host-environment.ts';
import { hostLayout } from './host-layout.ts';

/** Options of {@link renderComposeOverride}. */
export interface ComposeOverrideOptions {
  /**
   * Add a Caddy reverse proxy service on ports 80/443 and stop publishing the
   * routed services' ports (`ports: !reset []`, Compose 2.24.4+), as the host
   * targets (`do`, `aws`, `vps`) do. Default false.
   */
  readonly proxy?: boolean;
  /** Caddy image. Default `caddy:2.9-alpine`. */
  readonly proxyImage?: string;
}

const sortedEntries = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Renders `compose.<env>.yaml`, the Compose override of an environment, to
 * be used as `docker compose -f compose.yaml -f compose.<env>.yaml`. It
 * sets, per service of the environment-applied manifest, `deploy.replicas`,
 * `deploy.resources.reservations` (the cloud packager's spelling: Docker
 * `cpus` and memory) and the overlay's env keys; the base file's other keys
 * stay as they are (Compose merges maps key by key). Pure and deterministic.
 *
 * @example
 * ```ts
 * writeFileSync('compose.production.yaml', renderComposeOverride(manifest, { name: 'production' }, { proxy: true }));
 * ```
 */
export function renderComposeOverride(manifest: CloudManifest, overlay: HostEnvironment, options: ComposeOverrideOptions = {}): string {
  const layout = hostLayout(manifest, overlay.name);
  const routed = new Set((manifest.ingress?.routes ?? []).map((r) => r.service));
  const doc = new Document({});
  const services: Record<string, unknown> = {};
  for (const s of manifest.services) {
    const envKeys = { ...(s.kind === 'app' ? overlay.apps?.env : {}), ...(Object.hasOwn(overlay.services ?? {}, s.id) ? overlay.services?.[s.id]?.env : {}) };
    const reservations = {
      ...(s.resources?.cpu === undefined ? {} : { cpus: dockerCpus(s.resources.cpu) ?? s.resources.cpu }),
      ...(s.resources?.memory === undefined ? {} : { memory: dockerMemory(s.resources.memory) ?? s.resources.memory }),
    };
    services[s.id] = {
      ...(Object.keys(envKeys).length === 0 ? {} : { environment: Object.fromEntries(sortedEntries(envKeys).map(([k]) => [k, escapeDollars(s.env?.[k] ?? '')])) }),
      deploy: { replicas: s.replicas ?? 1, ...(Object.keys(reservations).length === 0 ? {} : { resources: { reservations } }) },
    };
  }
  if (options.proxy === true) {
    services[layout.proxyService] = {
      image: options.proxyImage ?? 'caddy:2.9-alpine',
      ports: ['80:80', '443:443'],
      volumes: ['./Caddyfile:/etc/caddy/Caddyfile:ro', `${layout.proxyService}-data:/data`],
      depends_on: [...routed].sort(),
      restart: 'unless-stopped',
    };
  }
  doc.contents = doc.createNode({ services, ...(options.proxy === true ? { volumes: { [`${layout.proxyService}-data`]: {} } } : {}) });
  // `!reset []` drops the base file's published ports: only the proxy faces the network.
  if (options.proxy === true) {
    for (const id of [...routed].sort()) {
      if (!Object.hasOwn(services, id)) continue;
      const empty = new YAMLSeq();
      empty.tag = '!reset';
      empty.flow = true;
      doc.setIn(['services', id, 'ports'], empty);
    }
  }
  doc.commentBefore = ` ${layout.overrideFile}: environment ${inlineText(overlay.name)} of ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)}\n use: docker compose -p ${layout.project} -f ${layout.composeFile} -f ${layout.overrideFile} up -d`;
  // No block scalars: a value with leading spaces and line breaks must read back exactly.
  return doc.toString({ lineWidth: 0, blockQuote: false });
}

/** `$` doubled so Compose does not interpolate configuration values. */
function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}
