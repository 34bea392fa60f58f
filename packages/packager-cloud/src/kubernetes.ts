import type { CloudManifest, CloudPort, CloudService } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import type { KubernetesSecretsRender } from '@deployment-manager/secrets';
import { releaseHole, valueHole, type Hole, type ValueSchema } from './holes.ts';
import { kubernetesValueSchemas as S } from './value-schemas.ts';
import { serviceProbes } from './kubernetes-probes.ts';
import { appLabels, imageOf, k8sPortName, selectorLabels, serviceLabels } from './names.ts';
import { note } from './notes.ts';
import type { ResolvedCloudOptions } from './options.ts';
import { escapeDollars, portTable, resolvePlaceholders } from './placeholders.ts';
import { consumerKey } from './secret-wiring.ts';

/** One file of Kubernetes objects (with Helm holes; see `fillHoles`). */
export interface KubernetesFile {
  /** File name, e.g. `api.yaml`; the same under `kubernetes/` and the chart's `templates/`. */
  readonly name: string;
  /** Objects in apply order. */
  readonly objects: readonly Readonly<Record<string, unknown>>[];
  /** A boolean value that switches the whole file on in the chart (`ingress.enabled`). */
  readonly condition?: Hole;
}

/** What {@link renderKubernetes} returns. */
export interface KubernetesRender {
  /** Files in a stable order: one per service, then ingress, then remote secrets. */
  readonly files: readonly KubernetesFile[];
  /** What Kubernetes cannot express. */
  readonly notes: readonly PackagerNote[];
}

/** Secrets as rendered by the secrets package: all objects, and per service its env and file volumes. */
export interface KubernetesSecretWiring {
  /** The whole plan's render (Secret skeleton, ExternalSecret, env per consumer). */
  readonly all: KubernetesSecretsRender;
  /** Per service id, the render of only the secrets it consumes (for its volumes). */
  readonly perService: ReadonlyMap<string, KubernetesSecretsRender>;
}

const DEFAULT_CLAIM_SIZE = '1Gi';

function portNames(service: CloudService, i: number, notes: PackagerNote[]): (p: CloudPort) => string {
  return (p) => {
    const valid = k8sPortName(p.name);
    if (valid !== undefined) return valid;
    const alt = `${p.protocol ?? 'tcp'}-${p.container_port}`;
    notes.push(note('emulated', 'kubernetes.ports', `port name "${p.name}" of "${service.id}" is not a Kubernetes port name; it is called "${alt}"`, ['services', i, 'ports']));
    return alt;
  };
}

function initContainers(manifest: CloudManifest, service: CloudService, i: number, wait: Hole, notes: PackagerNote[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const d of [...(service.dependencies ?? [])].sort()) {
    const dep = manifest.services.find((s) => s.id === d);
    const port = dep?.ports?.find((p) => p.protocol !== 'udp');
    if (port === undefined) {
      notes.push(note('lost', 'kubernetes.dependencies', `"${service.id}" cannot wait for "${d}": it has no tcp port, so they start in any order`, ['services', i, 'dependencies']));
      continue;
    }
    out.push({
      name: `wait-for-${d}`,
      image: wait,
      command: ['sh', '-c', `until nc -z -w 2 ${d} ${port.container_port}; do echo waiting for ${d}:${port.container_port}; sleep 2; done`],
    });
  }
  if (out.length > 0) {
    notes.push(note('emulated', 'kubernetes.dependencies', `"${service.id}" starts after its dependencies: an init container per dependency waits until its Service accepts connections (a Service routes only to ready pods)`, ['services', i, 'dependencies']));
  }
  return out;
}

function serviceObjects(manifest: CloudManifest, service: CloudService, i: number, options: ResolvedCloudOptions, secrets: KubernetesSecretWiring, notes: PackagerNote[]): Record<string, unknown>[] {
  const id = service.id;
  const v = (...path: string[]): string[] => ['services', id, ...path];
  const release = releaseHole(manifest.app.name);
  const labels = { ...serviceLabels(manifest, service, manifest.app.name), 'app.kubernetes.io/instance': release };
  const selector = { ...selectorLabels(service, manifest.app.name), 'app.kubernetes.io/instance': release };
  const ports = portTable(manifest);
  const text = (s: string): string => escapeDollars(resolvePlaceholders(s, ports));
  const nameOf = portNames(service, i, notes);
  const env = Object.fromEntries(Object.entries(service.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, val]) => [k, resolvePlaceholders(val, ports)]));
  const requests = {
    ...(service.resources?.cpu === undefined ? {} : { cpu: service.resources.cpu }),
    ...(service.resources?.memory === undefined ? {} : { memory: service.resources.memory }),
  };
  const gpu = service.resources?.gpu ?? 0;
  const resources = { ...(Object.keys(requests).length === 0 ? {} : { requests }), ...(gpu === 0 ? {} : { limits: { 'nvidia.com/gpu': gpu } }) };
  const persistent = (service.volumes ?? []).filter((x) => x.persistent);
  const own = secrets.perService.get(id);
  const secretEnv = secrets.all.env[consumerKey(service)] ?? [];
  const wait = valueHole(['waitImage'], options.waitImage, 'quote', S.image);
  const inits = initContainers(manifest, service, i, wait, notes);
  const container = {
    name: id,
    image: valueHole(v('image'), imageOf(manifest, service, options.imageRegistry), 'quote', S.image),
    ...(service.command === undefined ? {} : { command: service.command.map(text) }),
    ...(service.args === undefined ? {} : { args: service.args.map(text) }),
    ...(service.ports === undefined || service.ports.length === 0
      ? {}
      : { ports: service.ports.map((p) => ({ name: nameOf(p), containerPort: p.container_port, protocol: p.protocol === 'udp' ? 'UDP' : 'TCP' })) }),
    envFrom: [{ configMapRef: { name: `${id}-env` } }],
    ...(secretEnv.length === 0 ? {} : { env: secretEnv }),
    resources: valueHole(v('resources'), resources, 'block', S.resources),
    ...serviceProbes(service, i, notes),
    ...((service.volumes ?? []).length + (own?.volumes.length ?? 0) === 0
      ? {}
      : { volumeMounts: [...(service.volumes ?? []).map((x) => ({ name: x.name, mountPath: x.mount_path })), ...(own?.volumes ?? []).map((x) => x.mount)] }),
  };
  const podVolumes = [
    ...(service.volumes ?? []).filter((x) => !x.persistent).map((x) => ({ name: x.name, emptyDir: x.size === undefined ? {} : { sizeLimit: x.size } })),
    ...(own?.volumes ?? []).map((x) => x.volume),
  ];
  const pod = {
    metadata: { labels },
    spec: {
      enableServiceLinks: false,
      ...(inits.length === 0 ? {} : { initContainers: inits }),
      containers: [container],
      ...(podVolumes.length === 0 ? {} : { volumes: podVolumes }),
    },
  };
  const replicas = valueHole(v('replicas'), service.replicas ?? 1, 'plain', S.replicas);
  const metadata = (name: string): Record<string, unknown> => ({ name, labels });
  const objects: Record<string, unknown>[] = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(`${id}-env`), data: valueHole(v('env'), env, 'block', S.env) }];
  if (service.ports !== undefined && service.ports.length > 0) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(id),
      spec: { selector, ports: service.ports.map((p) => ({ name: nameOf(p), port: p.container_port, targetPort: p.container_port, protocol: p.protocol === 'udp' ? 'UDP' : 'TCP' })) },
    });
  }
  if (persistent.length === 0) {
    objects.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(id), spec: { replicas, selector: { matchLabels: selector }, template: pod } });
    return objects;
  }
  const claims = persistent.map((x) => {
    const j = (service.volumes ?? []).indexOf(x);
    if (x.size === undefined) notes.push(note('emulated', 'kubernetes.volumes', `volume "${x.name}" of "${id}" gives no size; its claim requests ${DEFAULT_CLAIM_SIZE}`, ['services', i, 'volumes', j]));
    return {
      metadata: { name: x.name },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: valueHole(v('volumes', x.name, 'size'), x.size ?? DEFAULT_CLAIM_SIZE, 'quote', S.quantity) } } },
    };
  });
  notes.push(note('emulated', 'kubernetes.volumes', `"${id}" keeps persistent data, so it is a StatefulSet with one ReadWriteOnce claim per replica and volume`, ['services', i, 'volumes']));
  objects.push({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: metadata(id), spec: { serviceName: id, replicas, selector: { matchLabels: selector }, template: pod, volumeClaimTemplates: claims } });
  return objects;
}

function ingressObject(manifest: CloudManifest): KubernetesFile | undefined {
  const ingress = manifest.ingress;
  if (ingress === undefined || ingress.routes.length === 0) return undefined;
  const release = releaseHole(manifest.app.name);
  const host = ingress.host === undefined ? undefined : valueHole(['ingress', 'host'], ingress.host, 'quote', S.host);
  const paths = ingress.routes.map((r) => {
    const port = manifest.services.find((s) => s.id === r.service)?.ports?.find((p) => p.name === r.port_name);
    return { path: r.path, pathType: 'Prefix', backend: { service: { name: r.service, port: { number: port?.container_port ?? 0 } } } };
  });
  return {
    name: 'ingress.yaml',
    condition: valueHole(['ingress', 'enabled'], true, 'plain', S.flag),
    objects: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: manifest.app.name, labels: { ...appLabels(manifest, manifest.app.name), 'app.kubernetes.io/instance': release } },
        spec: {
          ...(ingress.tls === true && host !== undefined ? { tls: [{ hosts: [host], secretName: `${manifest.app.name}-tls` }] } : {}),
          rules: [{ ...(host === undefined ? {} : { host }), http: { paths } }],
        },
      },
    ],
  };
}

/**
 * Renders a manifest as Kubernetes objects, one file per service
 * (ConfigMap with its environment, Service for its ports, Deployment - or a
 * StatefulSet when it keeps persistent data), an Ingress for the routes and
 * the secrets package's ExternalSecret for remote secrets. Values the Helm
 * chart exposes are holes (see `fillHoles`). Generated and prompted secrets
 * live in the Secret `<app>-secrets`, created at install (never a value here).
 *
 * @example
 * ```ts
 * const { files } = renderKubernetes(manifest, resolveCloudOptions(), renderSecrets(manifest, resolveCloudOptions()));
 * ```
 */
export function renderKubernetes(manifest: CloudManifest, options: ResolvedCloudOptions, secrets: KubernetesSecretWiring): KubernetesRender {
  const notes: PackagerNote[] = [];
  const files: KubernetesFile[] = manifest.services.map((s, i) => ({ name: `${s.id}.yaml`, objects: serviceObjects(manifest, s, i, options, secrets, notes) }));
  const ingress = ingressObject(manifest);
  if (ingress !== undefined) files.push(ingress);
  if (manifest.ingress?.tls === true && manifest.ingress.host === undefined) {
    notes.push(note('lost', 'kubernetes.ingress', 'TLS needs a host name; the Ingress is plain http', ['ingress', 'tls']));
  }
  const remote = secrets.all.externalSecret;
  if (remote !== undefined) {
    const spec = remote['spec'] as Record<string, unknown>;
    const storeRef = valueHole(['externalSecrets', 'secretStoreRef'], spec['secretStoreRef'], 'block', S.secretStoreRef as ValueSchema);
    files.push({ name: 'external-secret.yaml', objects: [{ ...remote, spec: { ...spec, secretStoreRef: storeRef } }] });
  }
  for (const [i, m] of manifest.services.entries()) {
    if (m.critical === true) notes.push(note('emulated', 'critical', `Compose and Kubernetes restart a failed "${m.id}" instead of failing the install; use \`docker compose up --wait\` or \`helm install --wait --atomic\` to fail on it`, ['services', i, 'critical']));
    if (m.metadata !== undefined) notes.push(note('lost', 'metadata', `the free-form metadata of "${m.id}" is written to no target`, ['services', i, 'metadata']));
  }
  return { files, notes };
}
