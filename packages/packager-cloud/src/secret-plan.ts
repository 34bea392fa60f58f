import type { CloudManifest, CloudService, ManifestSecret } from '@deployment-manager/bundle';
import type { NodeId } from '@deployment-manager/core';
import { renderKubernetesSecrets, type GeneratorSpec, type KubernetesSecretsRender, type PlannedSecret, type SecretPlan } from '@deployment-manager/secrets';
import type { KubernetesSecretWiring } from './kubernetes.ts';
import { secretKey } from './names.ts';
import type { ResolvedCloudOptions } from './options.ts';

/** The key under which a service's env wiring is filed in a {@link KubernetesSecretsRender}. */
export const consumerKey = (service: CloudService): NodeId => `resource:${service.id}`;

/** The remote store key of a `remote_fetch` secret: its `logical_id`, else `<app>/<id>`. */
export function remoteKey(manifest: CloudManifest, secret: ManifestSecret): { key: string; property?: string } {
  return { key: secret.logical_id ?? `${manifest.app.name}/${secret.id}`, ...(secret.field === undefined ? {} : { property: secret.field }) };
}

function planned(manifest: CloudManifest, secret: ManifestSecret, consumers: readonly CloudService[]): PlannedSecret {
  return {
    id: secret.id,
    class: secret.class,
    kind: 'unknown',
    hosting: 'application',
    origin: 'declared',
    suggested: false,
    sources: [],
    consumers: consumers.map(consumerKey).sort(),
    description: secret.description ?? secret.id,
    required: secret.required ?? true,
    // The bundle checks a generator is present; its shape is checked by `checkGenerator` before anything renders.
    ...(secret.generator === undefined ? {} : { generator: secret.generator as unknown as GeneratorSpec }),
    ...(secret.prompt === undefined ? {} : { prompt: { label: secret.prompt.label ?? secret.id, ...(secret.prompt.description === undefined ? {} : { description: secret.prompt.description }), ...(secret.format === undefined ? {} : { format: secret.format }) } }),
    ...(secret.class === 'remote_fetch' ? { remote: remoteKey(manifest, secret) } : {}),
    targets: [secret.target],
    rule: 'manifest',
    reason: 'declared in the manifest',
    removedBy: [],
  };
}

/**
 * The manifest's secrets as a `SecretPlan` of the secrets package, so its
 * Kubernetes renderer does the wiring. `only` restricts it to the secrets
 * one service consumes (for that service's file volumes).
 */
export function manifestSecretPlan(manifest: CloudManifest, only?: CloudService): SecretPlan {
  const services = only === undefined ? manifest.services : [only];
  const secrets = (manifest.secrets ?? [])
    .map((s) => planned(manifest, s, services.filter((svc) => (svc.secrets ?? []).includes(s.id))))
    .filter((s) => only === undefined || s.consumers.length > 0);
  return { tier: manifest.tier, root: `scenario:${manifest.app.name}`, secrets, usage: [], suggestions: [], blockers: [], warnings: [] };
}

/**
 * Renders the manifest's secrets with the secrets package's
 * `renderKubernetesSecrets`: the whole plan (Secret skeleton, ExternalSecret,
 * env wiring per consumer) and, per service, only what it consumes (its file volumes).
 */
export function renderSecrets(manifest: CloudManifest, options: ResolvedCloudOptions): KubernetesSecretWiring {
  const base = { appName: manifest.app.name, secretStore: options.secretStore, externalSecretsApiVersion: options.externalSecretsApiVersion };
  const all = renderKubernetesSecrets(manifestSecretPlan(manifest), base);
  const perService = new Map(manifest.services.map((s) => [s.id, renderKubernetesSecrets(manifestSecretPlan(manifest, s), base)] as const));
  return { all, perService };
}

/** Where each file-target secret of a service is mounted: secret id -> absolute path in the container. */
export function secretFilePaths(manifest: CloudManifest, render: KubernetesSecretsRender): Map<string, string> {
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
