import { SdkError } from '@deployment-manager/core/pure';
import { isBundlePath } from './targets.ts';
import type { PlannedSecret } from './types.ts';

/**
 * What {@link renderKubernetesSecrets} needs of a secret: a planned secret has it, and so does a
 * manifest's secret with the services that read it - a packager renders a manifest without making
 * a plan of it.
 */
export type RenderableSecret = Pick<PlannedSecret, 'id' | 'class' | 'required' | 'generator' | 'prompt' | 'remote' | 'targets' | 'consumers' | 'aliases'>;

/** Options of {@link renderKubernetesSecrets}. */
export interface KubernetesSecretsOptions {
  /** Application name (DNS label); objects are named `<appName>-secrets` and `<appName>-remote-secrets`. */
  readonly appName: string;
  /** Namespace put on every object, when given. */
  readonly namespace?: string;
  /** The External Secrets store remote secrets are read from. Default `{ name: 'default', kind: 'ClusterSecretStore' }`. */
  readonly secretStore?: { readonly name: string; readonly kind: 'SecretStore' | 'ClusterSecretStore' };
  /** External Secrets API version. Default `external-secrets.io/v1`. */
  readonly externalSecretsApiVersion?: string;
  /** Where file targets are mounted in containers. Default `/var/run/secrets/<appName>`. */
  readonly mountPath?: string;
  /** ExternalSecret refresh interval. Default `1h`. */
  readonly refreshInterval?: string;
}

/** A Kubernetes object as plain data (serialize with any YAML or JSON writer). */
export interface KubernetesObject {
  /** API group/version. */
  readonly apiVersion: string;
  /** Object kind. */
  readonly kind: string;
  /** Name, namespace, labels, annotations. */
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** Kind-specific fields. */
  readonly [field: string]: unknown;
}

/** A container env entry wired to a Secret key. */
export interface SecretEnvVar {
  /** Variable name. */
  readonly name: string;
  /** Where the value comes from. */
  readonly valueFrom: { readonly secretKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean } };
}

/** A pod volume that projects secret keys as files, with its mount. */
export interface SecretVolume {
  /** Pod volume. */
  readonly volume: { readonly name: string; readonly secret: { readonly secretName: string; readonly items: readonly { readonly key: string; readonly path: string }[] } };
  /** Container mount. */
  readonly mount: { readonly name: string; readonly mountPath: string; readonly readOnly: true };
}

/** The output of {@link renderKubernetesSecrets}. */
export interface KubernetesSecretsRender {
  /** The Secret skeleton (empty values) for generated and prompted secrets, if any. */
  readonly secret?: KubernetesObject;
  /** The ExternalSecret for remote secrets, if any. */
  readonly externalSecret?: KubernetesObject;
  /** Every object, in apply order. */
  readonly objects: readonly KubernetesObject[];
  /** Env wiring per consuming service (node id), in secret id order. */
  readonly env: Readonly<Record<string, readonly SecretEnvVar[]>>;
  /** Volumes for file targets (one per Secret with file targets). */
  readonly volumes: readonly SecretVolume[];
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const keyOf = (id: string): string => id.replace(/[^-._a-zA-Z0-9]/g, '_');

/**
 * Renders a plan as Kubernetes objects: a `Secret` skeleton (keys with empty
 * values, to be filled at install) for generated and prompted secrets, an
 * External Secrets `ExternalSecret` for remote ones, and the `secretKeyRef` env
 * wiring (under each consumer's own env name where it has an alias) and file volumes per service. Infrastructure and unclassified secrets are left out.
 *
 * @example
 * ```ts
 * const { objects, env } = renderKubernetesSecrets(plan, { appName: 'picker-wheel', namespace: 'apps' });
 * ```
 */
export function renderKubernetesSecrets(plan: { readonly secrets: readonly RenderableSecret[] }, options: KubernetesSecretsOptions): KubernetesSecretsRender {
  const { appName } = options;
  if (!DNS_LABEL.test(appName) || appName.length > 40) {
    throw new SdkError('INVALID_ARGUMENT', `app name "${appName}" is not a dns label of at most 40 characters`, { hint: 'use lower-case letters, digits and dashes, e.g. picker-wheel' });
  }
  if (options.namespace !== undefined && (!DNS_LABEL.test(options.namespace) || options.namespace.length > 63)) {
    throw new SdkError('INVALID_ARGUMENT', `namespace "${options.namespace}" is not a dns label`, { hint: 'use lower-case letters, digits and dashes' });
  }
  const mountPath = options.mountPath ?? `/var/run/secrets/${appName}`;
  const local = plan.secrets.filter((s) => s.class === 'per_install_generated' || s.class === 'user_prompt');
  const remote = plan.secrets.filter((s) => s.class === 'remote_fetch');
  const secretName = `${appName}-secrets`;
  const remoteName = `${appName}-remote-secrets`;
  const metadata = (name: string, annotations?: Record<string, string>): KubernetesObject['metadata'] => ({
    name,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    labels: { 'app.kubernetes.io/name': appName, 'app.kubernetes.io/managed-by': 'deployment-manager' },
    ...(annotations === undefined ? {} : { annotations }),
  });
  const describe = (s: RenderableSecret): Record<string, unknown> => ({
    key: keyOf(s.id),
    class: s.class,
    required: s.required,
    ...(s.generator === undefined ? {} : { generator: s.generator }),
    ...(s.prompt === undefined ? {} : { prompt: s.prompt }),
  });

  const secret: KubernetesObject | undefined =
    local.length === 0
      ? undefined
      : {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: metadata(secretName, { 'deployment-manager/secrets': JSON.stringify(local.map(describe)) }),
          type: 'Opaque',
          stringData: Object.fromEntries(local.map((s) => [keyOf(s.id), ''])),
        };
  const externalSecret: KubernetesObject | undefined =
    remote.length === 0
      ? undefined
      : {
          apiVersion: options.externalSecretsApiVersion ?? 'external-secrets.io/v1',
          kind: 'ExternalSecret',
          metadata: metadata(remoteName),
          spec: {
            refreshInterval: options.refreshInterval ?? '1h',
            secretStoreRef: options.secretStore ?? { name: 'default', kind: 'ClusterSecretStore' },
            target: { name: remoteName, creationPolicy: 'Owner' },
            data: remote.map((s) => ({
              secretKey: keyOf(s.id),
              remoteRef: { key: s.remote?.key ?? `${appName}/${s.id}`, ...(s.remote?.property === undefined ? {} : { property: s.remote.property }) },
            })),
          },
        };

  const env: Record<string, SecretEnvVar[]> = {};
  const items = new Map<string, { key: string; path: string }[]>();
  for (const s of plan.secrets) {
    if (s.class !== 'per_install_generated' && s.class !== 'user_prompt' && s.class !== 'remote_fetch') continue;
    const name = s.class === 'remote_fetch' ? remoteName : secretName;
    for (const t of s.targets) {
      if (t.type === 'env') {
        const ref = { name, key: keyOf(s.id), ...(s.required ? {} : { optional: true }) };
        // A consumer with an alias reads the secret under its own env name (minio: MINIO_ROOT_USER).
        for (const service of s.consumers) (env[service] ??= []).push({ name: s.aliases?.find((a) => a.consumer === service)?.env ?? t.name, valueFrom: { secretKeyRef: ref } });
      } else if (isBundlePath(t.name)) {
        items.set(name, [...(items.get(name) ?? []), { key: keyOf(s.id), path: t.name }]);
      }
    }
  }
  const volumes: SecretVolume[] = [...items.entries()].map(([name, list], i) => ({
    volume: { name: `${name}-files`, secret: { secretName: name, items: list } },
    mount: { name: `${name}-files`, mountPath: i === 0 ? mountPath : `${mountPath}-${i}`, readOnly: true },
  }));
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(externalSecret === undefined ? {} : { externalSecret }),
    objects: [secret, externalSecret].filter((o): o is KubernetesObject => o !== undefined),
    env,
    volumes,
  };
}
