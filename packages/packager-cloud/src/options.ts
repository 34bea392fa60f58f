/** The three things the cloud packager writes. */
export const CLOUD_TARGETS = ['compose', 'kubernetes', 'helm'] as const;

/** One of {@link CLOUD_TARGETS}. */
export type CloudTarget = (typeof CLOUD_TARGETS)[number];

/** Where an External Secrets `ExternalSecret` reads remote secrets from. */
export interface SecretStoreRef {
  /** Store name. */
  readonly name: string;
  /** Namespaced `SecretStore` or cluster-wide `ClusterSecretStore`. */
  readonly kind: 'SecretStore' | 'ClusterSecretStore';
}

/** Options of `createCloudPackager`. */
export interface CloudPackagerOptions {
  /**
   * The Compose Specification JSON Schema (draft 2020-12) to validate
   * `compose.yaml` with. Default: the copy shipped in this package's
   * `schemas/compose-spec.json`. `false` skips schema validation (an `info`
   * diagnostic says so); the semantic checks still run.
   */
  readonly composeSchema?: Readonly<Record<string, unknown>> | false;
  /** Image of the init containers that wait for dependencies (needs `sh` and `nc`). Default `busybox:1.36`. */
  readonly waitImage?: string;
  /** Store of remote (`remote_fetch`) secrets. Default `ClusterSecretStore` `default`. */
  readonly secretStore?: SecretStoreRef;
  /** External Secrets API version. Default `external-secrets.io/v1`. */
  readonly externalSecretsApiVersion?: string;
  /** Registry prefix for images of services that only have a `build` (`ghcr.io/acme`). Default none. */
  readonly imageRegistry?: string;
  /** Which targets to write. Default all three. */
  readonly targets?: readonly CloudTarget[];
}

/** {@link CloudPackagerOptions} with defaults applied. */
export interface ResolvedCloudOptions {
  /** The schema given, `bundled` for the shipped copy, or `false` when validation is skipped. */
  readonly composeSchema: Readonly<Record<string, unknown>> | false | 'bundled';
  /** Init container image. */
  readonly waitImage: string;
  /** Remote secret store. */
  readonly secretStore: SecretStoreRef;
  /** External Secrets API version. */
  readonly externalSecretsApiVersion: string;
  /** Registry prefix ('' for none). */
  readonly imageRegistry: string;
  /** Targets written, in {@link CLOUD_TARGETS} order. */
  readonly targets: readonly CloudTarget[];
}

/** Default init container image. */
export const DEFAULT_WAIT_IMAGE = 'busybox:1.36';

/** Applies the defaults of {@link CloudPackagerOptions}. */
export function resolveCloudOptions(options: CloudPackagerOptions = {}): ResolvedCloudOptions {
  const wanted = options.targets ?? CLOUD_TARGETS;
  return {
    composeSchema: options.composeSchema ?? 'bundled',
    waitImage: options.waitImage ?? DEFAULT_WAIT_IMAGE,
    secretStore: options.secretStore ?? { name: 'default', kind: 'ClusterSecretStore' },
    externalSecretsApiVersion: options.externalSecretsApiVersion ?? 'external-secrets.io/v1',
    imageRegistry: (options.imageRegistry ?? '').replace(/\/+$/, ''),
    targets: CLOUD_TARGETS.filter((t) => wanted.includes(t)),
  };
}
