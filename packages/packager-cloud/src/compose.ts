import type { CloudManifest, CloudService } from '@deployment-manager/bundle';
import { dockerCpus, dockerMemory, inlineText, shellQuote, type PackagerNote } from '@deployment-manager/core';
import { imageOf, secretKey } from './names.ts';
import { note } from './notes.ts';
import { composeSecretPaths, envFileOf, renderSecrets } from './secret-wiring.ts';
import { resolveCloudOptions, type CloudPackagerOptions, type ResolvedCloudOptions } from './options.ts';
import { escapeDollars, portTable, resolvePlaceholders } from './placeholders.ts';
import { composeDuration } from './quantities.ts';
import { toYaml } from './yaml-text.ts';

/** A Compose file as plain data. */
export type ComposeFile = Readonly<Record<string, unknown>>;

/** What {@link renderCompose} returns. */
export interface ComposeRender {
  /** The Compose file. */
  readonly compose: ComposeFile;
  /** What Compose cannot express. */
  readonly notes: readonly PackagerNote[];
}

type Healthcheck = Record<string, unknown>;

function portOf(service: CloudService, name: string | undefined): number | undefined {
  return (service.ports ?? []).find((p) => p.name === name)?.container_port;
}

function healthcheck(service: CloudService, i: number, notes: PackagerNote[]): Healthcheck | undefined {
  const at = ['services', i];
  const h = service.health;
  let test: string[] | undefined;
  if (h?.type === 'http') {
    const url = `http://127.0.0.1:${portOf(service, h.port_name) ?? 0}${h.path ?? '/'}`;
    test = ['CMD-SHELL', escapeDollars(`wget -q -O /dev/null ${shellQuote(url)} || curl -fsS -o /dev/null ${shellQuote(url)}`)];
    notes.push(note('emulated', 'compose.healthcheck', `the http health check of "${service.id}" runs wget or curl inside the container; its image must have one of them`, [...at, 'health']));
  } else if (h?.type === 'tcp') {
    test = ['CMD-SHELL', `nc -z 127.0.0.1 ${portOf(service, h.port_name) ?? 0}`];
    notes.push(note('emulated', 'compose.healthcheck', `the tcp health check of "${service.id}" runs nc inside the container; its image must have it`, [...at, 'health']));
  } else if (h?.type === 'command') {
    test = ['CMD', ...(h.command ?? []).map(escapeDollars)];
  } else if (h?.type === 'log_match') {
    notes.push(note('lost', 'compose.healthcheck', `Compose cannot check health by matching log lines; "${service.id}" has no healthcheck`, [...at, 'health']));
  }
  const timing = test === undefined ? undefined : h;
  const r = service.readiness;
  if (test === undefined && r?.type === 'port_open') {
    test = ['CMD-SHELL', `nc -z 127.0.0.1 ${portOf(service, r.port_name) ?? 0}`];
    notes.push(note('emulated', 'compose.readiness', `port_open readiness of "${service.id}" is a healthcheck running nc inside the container; its image must have it`, [...at, 'readiness']));
  }
  if (r?.type === 'log_match') {
    notes.push(note('lost', 'compose.readiness', `Compose cannot wait for a log line; services depending on "${service.id}" wait for its ${test === undefined ? 'start' : 'healthcheck'} instead`, [...at, 'readiness']));
  }
  if (test === undefined) return undefined;
  return {
    test,
    ...(timing?.interval_ms === undefined ? {} : { interval: composeDuration(timing.interval_ms) }),
    ...(timing?.timeout_ms === undefined ? {} : { timeout: composeDuration(timing.timeout_ms) }),
    ...(timing?.retries === undefined ? {} : { retries: timing.retries }),
    ...(r?.timeout_ms === undefined ? {} : { start_period: composeDuration(r.timeout_ms) }),
  };
}

function resources(service: CloudService, i: number, notes: PackagerNote[]): Record<string, unknown> | undefined {
  const r = service.resources;
  if (r === undefined) return undefined;
  const cpus = r.cpu === undefined ? undefined : dockerCpus(r.cpu);
  const memory = r.memory === undefined ? undefined : dockerMemory(r.memory);
  const reservations = {
    ...(cpus === undefined ? {} : { cpus }),
    ...(memory === undefined ? {} : { memory }),
    ...(r.gpu === undefined || r.gpu === 0 ? {} : { devices: [{ driver: 'nvidia', count: r.gpu, capabilities: ['gpu'] }] }),
  };
  if (cpus !== undefined) notes.push(note('emulated', 'compose.resources', `the cpu request of "${service.id}" is a deploy.resources reservation, which Docker does not enforce`, ['services', i, 'resources', 'cpu']));
  return Object.keys(reservations).length === 0 ? undefined : { reservations };
}

/**
 * Renders a manifest as a Compose file (Compose Specification, kept within
 * what docker-compose 1.29 also reads): one service per manifest service,
 * `${service.port}` resolved to container ports and `$` escaped, secrets
 * from files in `secrets/` (never values), `depends_on` with
 * `service_healthy` where the dependency has a healthcheck, named volumes
 * for persistent data, and the ingress routes' ports published on the host.
 *
 * @example
 * ```ts
 * const { compose, notes } = renderCompose(manifest, resolveCloudOptions(), new Map());
 * ```
 */
export function renderCompose(manifest: CloudManifest, options: ResolvedCloudOptions, secretPaths: ReadonlyMap<string, ReadonlyMap<string, string>>): ComposeRender {
  const notes: PackagerNote[] = [];
  const ports = portTable(manifest);
  const text = (s: string): string => escapeDollars(resolvePlaceholders(s, ports));
  const checks = new Map(manifest.services.map((s, i) => [s.id, healthcheck(s, i, notes)] as const));
  // Null-prototype maps: an id such as `__proto__` becomes a key like any other, never a prototype.
  const volumes = Object.create(null) as Record<string, Record<string, never>>;
  const secrets = Object.create(null) as Record<string, { file: string }>;
  const published = new Map<string, string[]>();
  const usedHostPorts = new Set<number>();
  for (const [j, route] of (manifest.ingress?.routes ?? []).entries()) {
    const svc = manifest.services.find((s) => s.id === route.service);
    const port = svc?.ports?.find((p) => p.name === route.port_name);
    if (svc === undefined || port === undefined) continue;
    const spec = `${port.container_port}${port.protocol === 'udp' ? '/udp' : ''}`;
    const list = published.get(svc.id) ?? [];
    if (list.some((p) => p.endsWith(`:${spec}`))) continue;
    let host = port.container_port;
    while (usedHostPorts.has(host)) host += 1;
    usedHostPorts.add(host);
    published.set(svc.id, [...list, `${host}:${spec}`]);
    notes.push(note('emulated', 'compose.ingress', `route ${route.path} is published as host port ${host} of "${svc.id}"; Compose has no path routing, host name or TLS (put a reverse proxy in front)`, ['ingress', 'routes', j]));
  }

  const services = Object.create(null) as Record<string, unknown>;
  for (const [i, s] of manifest.services.entries()) {
    const at = ['services', i];
    const own = (manifest.secrets ?? []).filter((x) => (s.secrets ?? []).includes(x.id));
    const envFiles = own.filter((x) => x.target.type === 'env').map((x) => envFileOf(x, s.id).file);
    const fileSecrets = own.filter((x) => x.target.type === 'file');
    for (const x of fileSecrets) secrets[secretKey(x.id)] = { file: `./secrets/${secretKey(x.id)}` };
    const mounts: Record<string, unknown>[] = [];
    for (const [j, v] of (s.volumes ?? []).entries()) {
      if (v.persistent) {
        volumes[`${s.id}-${v.name}`] = {};
        mounts.push({ type: 'volume', source: `${s.id}-${v.name}`, target: v.mount_path });
      } else {
        mounts.push({ type: 'volume', target: v.mount_path });
      }
      if (v.size !== undefined) notes.push(note('lost', 'compose.volumes', `Docker volumes have no size; volume "${v.name}" of "${s.id}" is not limited to ${v.size}`, [...at, 'volumes', j, 'size']));
    }
    const deps = Object.create(null) as Record<string, { condition: string }>;
    for (const d of [...(s.dependencies ?? [])].sort()) {
      const healthy = checks.get(d) !== undefined;
      deps[d] = { condition: healthy ? 'service_healthy' : 'service_started' };
      if (!healthy) notes.push(note('lost', 'compose.depends_on', `"${s.id}" waits only until "${d}" has started: "${d}" has no healthcheck Compose can run`, [...at, 'dependencies']));
    }
    const check = checks.get(s.id);
    const res = resources(s, i, notes);
    const replicas = s.replicas ?? 1;
    if (replicas !== 1) notes.push(note('emulated', 'compose.replicas', `${replicas} replicas of "${s.id}" are deploy.replicas, which docker-compose 1.x applies only with --compatibility`, [...at, 'replicas']));
    const env = Object.entries(s.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    services[s.id] = {
      image: imageOf(manifest, s, options.imageRegistry),
      ...(s.build === undefined
        ? {}
        : {
            build: {
              context: s.build.context,
              ...(s.build.dockerfile === undefined ? {} : { dockerfile: s.build.dockerfile }),
              ...(s.build.args === undefined ? {} : { args: Object.fromEntries(Object.entries(s.build.args).sort().map(([k, v]) => [k, escapeDollars(v)])) }),
            },
          }),
      ...(s.command === undefined ? {} : { entrypoint: s.command.map(text) }),
      ...(s.args === undefined ? {} : { command: s.args.map(text) }),
      ...(env.length === 0 ? {} : { environment: Object.fromEntries(env.map(([k, v]) => [k, text(v)])) }),
      ...(envFiles.length === 0 ? {} : { env_file: envFiles }),
      ...(fileSecrets.length === 0 ? {} : { secrets: fileSecrets.map((x) => ({ source: secretKey(x.id), target: secretPaths.get(s.id)?.get(x.id) ?? `/run/secrets/${secretKey(x.id)}` })) }),
      ...(published.has(s.id) ? { ports: published.get(s.id) } : {}),
      ...(check === undefined ? {} : { healthcheck: check }),
      ...(Object.keys(deps).length === 0 ? {} : { depends_on: deps }),
      ...(mounts.length === 0 ? {} : { volumes: mounts }),
      ...(replicas === 1 && res === undefined ? {} : { deploy: { ...(replicas === 1 ? {} : { replicas }), ...(res === undefined ? {} : { resources: res }) } }),
      restart: 'unless-stopped',
    };
  }
  return {
    compose: {
      services,
      ...(Object.keys(volumes).length === 0 ? {} : { volumes }),
      ...(Object.keys(secrets).length === 0 ? {} : { secrets }),
    },
    notes,
  };
}

/**
 * The Compose file of a manifest exactly as the cloud packager writes it
 * into `compose.yaml`: {@link renderCompose} with the packager's options
 * (defaults applied) and the secret mount paths its wiring gives each
 * service. For a caller that renders its own Compose file from the same
 * manifest (the VPS packager's complete file of an environment). Pure.
 *
 * @example
 * ```ts
 * const { compose } = renderManifestCompose(manifest);
 * Object.keys(compose['services'] as object) // ['postgres', 'api', ...]
 * ```
 */
export function renderManifestCompose(manifest: CloudManifest, packagerOptions: CloudPackagerOptions = {}): ComposeRender {
  const options = resolveCloudOptions(packagerOptions);
  return renderCompose(manifest, options, composeSecretPaths(manifest, renderSecrets(manifest, options)));
}

/**
 * A Compose file as YAML text, the way the cloud packager writes
 * `compose.yaml`: YAML 1.1 quoting (so docker-compose 1.x's PyYAML reads
 * every string as a string: `on`, `0777`, `22:22`), no folding, no block
 * scalars, no aliases. Comments are the caller's: prepend them.
 *
 * @example
 * ```ts
 * writeFileSync('compose.yaml', `# my app\n${composeYaml(renderManifestCompose(manifest).compose)}`);
 * ```
 */
export function composeYaml(compose: ComposeFile): string {
  return toYaml(compose);
}

/**
 * The text of compose.yaml: a header comment naming the app and version
 * (through `inlineText`, so input never ends the comment) and the file as
 * YAML. Pure.
 *
 * @example
 * ```ts
 * composeText(manifest, renderCompose(manifest, options, paths).compose, true)
 * ```
 */
export function composeText(manifest: CloudManifest, compose: ComposeFile, withSecretsScript: boolean): string {
  const head = `# ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)} for Docker Compose, written by deployment-manager.\n${withSecretsScript ? '# Run ./create-secrets.sh once first: it writes the secrets/ files this file reads.\n' : ''}`;
  return head + composeYaml(compose);
}
