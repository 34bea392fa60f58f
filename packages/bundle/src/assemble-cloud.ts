import type { Diagnostic } from '@deployment-manager/core/pure';
import { DEFAULT_CONTAINER_PORTS } from './assembly-data.ts';
import { appVersion, envName, manifestSecret, resourceHealth, secretsByService, settingString } from './assembly-common.ts';
import type { AssemblyPlan } from './assembly-plan.ts';
import { finding } from './findings.ts';
import type { ManifestSecret } from './manifest-common.ts';
import type { CloudManifest, CloudRoute, CloudService, CloudVolume } from './manifest-cloud.ts';

/**
 * Builds the cloud manifest of an assembly plan: process resources as
 * containers as their catalog records say (image, command, environment,
 * ports, health check, a persistent volume at the image's data directory),
 * the scenario's services built from their source dirs,
 * hosted dependencies left to their secrets, and an ingress routing `/` to
 * the UI and `/api` to the first API. Pure.
 */
export function buildCloudManifest(plan: AssemblyPlan): { manifest: CloudManifest; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const shipped: ManifestSecret[] = [];
  for (const linked of plan.secrets) {
    const s = manifestSecret(linked, (x) => x.targets[0], out);
    if (s !== undefined) shipped.push(s);
  }
  const readers = secretsByService(plan, new Set(shipped.map((s) => s.id)));
  const withSecrets = (id: string): Pick<CloudService, 'secrets'> => {
    const ids = readers.get(id);
    return ids === undefined ? {} : { secrets: ids };
  };
  const processes = plan.resources.filter((r) => r.mode === 'process');
  const services: CloudService[] = processes.map((r, i) => {
    const ports = r.entry?.ports ?? [];
    const container = r.entry?.container;
    let image = container === undefined ? undefined : `${container.image}:${container.tag}`;
    if (image === undefined) {
      image = `${r.name}:latest`;
      out.push(finding('ASSEMBLY_IMAGE_GUESSED', ['services', i, 'image'], `no known container image for "${r.name}"; wrote ${image}`, 'add a container image to its catalog record, or pin the image in the manifest'));
    }
    let volumes: CloudVolume[] = [];
    if (r.entry?.persistence === 'durable') {
      if (container?.dataDir === undefined) out.push(finding('ASSEMBLY_DATA_DIR_UNKNOWN', ['services', i, 'volumes'], `"${r.name}" keeps durable data, but where its image keeps it is unknown, so no volume keeps it`, 'add container.dataDir to its catalog record'));
      else volumes = [{ name: 'data', mount_path: container.dataDir, persistent: true }];
    }
    const health = resourceHealth(r.entry, { container: true });
    const first = ports[0];
    return {
      id: r.name,
      kind: 'resource',
      ...(r.entry === undefined ? {} : { description: r.entry.description }),
      image,
      ...(container?.command === undefined ? {} : { command: [...container.command] }),
      ...(container?.args === undefined ? {} : { args: [...container.args] }),
      ...(container?.env === undefined ? {} : { env: { ...container.env } }),
      ...withSecrets(r.name),
      ...(ports.length === 0 ? {} : { ports: ports.map((p) => ({ name: p.name, container_port: p.port, ...(p.protocol === 'udp' ? { protocol: 'udp' as const } : {}) })) }),
      ...(health === undefined ? {} : { health }),
      ...(first === undefined ? (health === undefined ? {} : { readiness: { type: 'health_success' as const } }) : { readiness: { type: 'port_open' as const, port_name: first.name } }),
      ...(r.dependsOn.length === 0 ? {} : { dependencies: [...r.dependsOn] }),
      ...(volumes.length === 0 ? {} : { volumes }),
      replicas: 1,
      critical: true,
    };
  });
  const apis = plan.app.filter((s) => s.role === 'api');
  const resourceEnv = Object.fromEntries(
    processes.flatMap((r) => {
      const p = r.entry?.ports[0];
      return p === undefined ? [] : [[`${envName(r.name)}_HOST`, r.name], [`${envName(r.name)}_PORT`, `\${${r.name}.${p.name}}`]];
    }),
  );
  for (const s of [...apis, ...plan.app.filter((x) => x.role === 'ui')]) {
    const port = s.port ?? DEFAULT_CONTAINER_PORTS[s.role];
    const env = {
      ...(s.envVar === undefined ? {} : { [s.envVar]: `\${${s.id}.http}` }),
      ...(s.role === 'api' ? resourceEnv : Object.fromEntries(apis.map((a) => [`${envName(a.id)}_URL`, `http://${a.id}:\${${a.id}.http}`]))),
    };
    services.push({
      id: s.id,
      kind: 'app',
      build: { context: s.build?.sourceDir ?? s.id },
      ...(Object.keys(env).length === 0 ? {} : { env }),
      ...withSecrets(s.id),
      ports: [{ name: 'http', container_port: port }],
      health: { type: 'http', path: s.healthPath, port_name: 'http' },
      readiness: { type: 'health_success' },
      ...(s.role === 'api' ? (processes.length === 0 ? {} : { dependencies: processes.map((r) => r.name) }) : apis.length === 0 ? {} : { dependencies: apis.map((a) => a.id) }),
      replicas: 1,
      critical: s.critical,
    });
  }
  const ui = plan.app.find((s) => s.role === 'ui');
  const routes: CloudRoute[] = [
    ...(ui === undefined ? [] : [{ path: '/', service: ui.id, port_name: 'http' }]),
    ...(apis[0] === undefined ? [] : [{ path: ui === undefined ? '/' : '/api', service: apis[0].id, port_name: 'http' }]),
  ];
  const host = settingString(plan.settings, 'host');
  const description = settingString(plan.settings, 'description') ?? plan.spec.description;
  const manifest: CloudManifest = {
    schema_version: 'v0.1',
    target: 'cloud',
    tier: plan.tier === 'enterprise' ? 'enterprise' : 'saas',
    app: { name: plan.scenario, version: appVersion(plan), ...(description === undefined ? {} : { description }), scenario: plan.scenario },
    ...(plan.swaps.length === 0 ? {} : { swaps: [...plan.swaps] }),
    ...(shipped.length === 0 ? {} : { secrets: shipped }),
    services,
    ...(routes.length === 0 ? {} : { ingress: { ...(host === undefined ? {} : { host }), tls: true, routes } }),
  };
  return { manifest, diagnostics: out };
}
