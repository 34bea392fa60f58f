import type { CloudManifest, CloudService, ManifestSecret } from '@deployment-manager/bundle';
import type { NodeId } from '@deployment-manager/core';
import { renderKubernetesSecrets, type GeneratorSpec, type KubernetesSecretsRender, type RenderableSecret } from '@deployment-manager/secrets';
import type { KubernetesSecretWiring } from './kubernetes.ts';
import { secretKey } from './names.ts';
import type { ResolvedCloudOptions } from './options.ts';

/** The key under which a service's env wiring is filed in a {@link KubernetesSecretsRender}. */
export const consumerKey = (service: CloudService): NodeId => `resource:${service.id}`;

/** The remote store key of a `remote_fetch` secret: its `logical_id`, else `<app>/<id>`. */
export function remoteKey(manifest: CloudManifest, secret: ManifestSecret): { key: string; property?: string } {
  return { key: secret.logical_id ?? `${manifest.app.name}/${secret.id}`, ...(secret.field === undefined ? {} : { property: secret.field }) };
}

/**
 * The env file (beside compose.yaml) a service reads an env-target secret
 * from: `secrets/<key>.env` holding `NAME=value`, or, for a service that reads
 * it under a name of its own (`service_env`), `secrets/<key>.<ALIAS>.env`.
 */
export function envFileOf(secret: ManifestSecret, serviceId: string): { readonly file: string; readonly name: string } {
  const alias = secret.service_env?.[serviceId];
  return alias === undefined ? { file: `secrets/${secretKey(secret.id)}.env`, name: secret.target.name } : { file: `secrets/${secretKey(secret.id)}.${alias}.env`, name: alias };
}

/**
 * A manifest secret as the secrets package's renderer takes it: its class,
 * recipe, target and the services that read it (as consumer keys), each
 * under the env name the manifest gives it (`service_env`). Nothing is
 * re-planned: this is what the manifest says.
 */
function renderable(manifest: CloudManifest, secret: ManifestSecret, services: readonly CloudService[]): RenderableSecret {
  const readers = services.filter((svc) => (svc.secrets ?? []).includes(secret.id));
  const aliases = readers.flatMap((svc) => {
    const env = secret.service_env?.[svc.id];
    return env === undefined ? [] : [{ consumer: consumerKey(svc), env }];
  });
  return {
    id: secret.id,
    class: secret.class,
    required: secret.required ?? true,
    // The bundle checks a generator is present; its shape is checked by `checkGenerator` before anything renders.
    ...(secret.generator === undefined ? {} : { generator: secret.generator as unknown as GeneratorSpec }),
    ...(secret.prompt === undefined ? {} : { prompt: { label: secret.prompt.label ?? secret.id, ...(secret.prompt.description === undefined ? {} : { description: secret.prompt.description }), ...(secret.format === undefined ? {} : { format: secret.format }) } }),
    ...(secret.class === 'remote_fetch' ? { remote: remoteKey(manifest, secret) } : {}),
    targets: [secret.target],
    consumers: readers.map(consumerKey).sort(),
    ...(aliases.length === 0 ? {} : { aliases }),
  };
}

/** The manifest's secrets to render; `only` restricts them to what one service consumes (for its file volumes). */
function renderableSecrets(manifest: CloudManifest, only?: CloudService): RenderableSecret[] {
  const services = only === undefined ? manifest.services : [only];
  return (manifest.secrets ?? []).map((s) => renderable(manifest, s, services)).filter((s) => only === undefined || s.consumers.length > 0);
}

/**
 * Renders the manifest's secrets with the secrets package's
 * `renderKubernetesSecrets`: all of them (Secret skeleton, ExternalSecret,
 * env wiring per consumer) and, per service, only what it consumes (its file volumes).
 */
export function renderSecrets(manifest: CloudManifest, options: ResolvedCloudOptions): KubernetesSecretWiring {
  const base = { appName: manifest.app.name, secretStore: options.secretStore, externalSecretsApiVersion: options.externalSecretsApiVersion };
  const all = renderKubernetesSecrets({ secrets: renderableSecrets(manifest) }, base);
  const perService = new Map(manifest.services.map((s) => [s.id, renderKubernetesSecrets({ secrets: renderableSecrets(manifest, s) }, base)] as const));
  return { all, perService };
}

/**
 * Where each service mounts its file-target secrets (service id -> secret id
 * -> absolute path in the container), from the wiring {@link renderSecrets}
 * made: the paths `compose.yaml` and the Kubernetes manifests agree on.
 */
export function composeSecretPaths(manifest: CloudManifest, wiring: KubernetesSecretWiring): Map<string, Map<string, string>> {
  return new Map(manifest.services.map((s) => [s.id, secretFilePaths(manifest, wiring.perService.get(s.id) ?? wiring.all)] as const));
}

/** Where each file-target secret of a service is mounted: secret id -> absolute path in the container. */
function secretFilePaths(manifest: CloudManifest, render: KubernetesSecretsRender): Map<string, string> {
  const byKey = new Map((manifest.secrets ?? []).map((s) => [secretKey(s.id), s.id] as const));
  const out = new Map<string, string>();
  for (const v of render.volumes) {
    for (const item of v.volume.secret.items) {
      const id = byKey.get(item.key);
      if (id !== undefined) out.set(id, `${v.mount.mountPath}/${item.path}`);
    }
  }
  return out;
}
