import type { CloudManifest } from '@deployment-manager/bundle';
import { dockerCpus, dockerMemory, inlineText } from '@deployment-manager/core';
import { composeYaml } from '@deployment-manager/packager-cloud';
import type { HostEnvironment } from './host-environment.ts';
import { hostLayout } from './host-layout.ts';

const sortedEntries = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Renders `compose.<env>.yaml` for the `compose` target (Docker Compose on
 * a Docker host, beside the cloud packager's `compose.yaml`): an override
 * used as `docker compose -f compose.yaml -f compose.<env>.yaml`. It sets,
 * per service of the environment-applied manifest, `deploy.replicas`,
 * `deploy.resources.reservations` (the cloud packager's spelling: Docker
 * `cpus` and memory) and the overlay's env keys; the base file's other keys
 * stay as they are (Compose merges maps key by key, docker-compose 1.29 as
 * Compose v2). The host targets run a complete file instead
 * ({@link renderHostCompose}). Pure and deterministic.
 *
 * @example
 * ```ts
 * writeFileSync('compose.production.yaml', renderComposeOverride(manifest, { name: 'production' }));
 * ```
 */
export function renderComposeOverride(manifest: CloudManifest, overlay: HostEnvironment): string {
  // A null-prototype map: an id such as `__proto__` becomes a key like any other, never a prototype.
  const services = Object.create(null) as Record<string, unknown>;
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
  const layout = hostLayout(manifest, overlay.name);
  const head = [
    `# ${layout.composeFile}: environment ${inlineText(overlay.name)} of ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)}`,
    `# use: docker compose -p ${layout.project} -f compose.yaml -f ${layout.composeFile} up -d`,
  ];
  // The cloud packager's emitter: YAML 1.1 quoting, so docker-compose 1.x reads `on` or `0777` as text.
  return `${head.join('\n')}\n${composeYaml({ services })}`;
}

/** `$` doubled so Compose does not interpolate configuration values. */
function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}
