// The shape of one catalog record: every fact any stage needs about a
// dependency or a replacement. Facts only - scores, classes and placement are
// decided by fitness, secrets and bundle from these facts.
import type { Tier } from '@deployment-manager/core/pure';

/**
 * A capability a dependency provides and a dependent may need, e.g. `sql`,
 * `jsonb`, `vector-search`, `llm-inference`. Open-ended: users may add their own.
 */
export type Capability = string;

/** Operating systems a dependency can run on (or, for hosted services, be reached from). */
export type Os = 'linux' | 'macos' | 'windows' | 'ios' | 'android';

/** CPU architectures. */
export type Arch = 'x64' | 'arm64';

/** Every {@link Os}, in a stable order. */
export const OSES: readonly Os[] = ['linux', 'macos', 'windows', 'ios', 'android'];

/** Every {@link Arch}, in a stable order. */
export const ARCHES: readonly Arch[] = ['x64', 'arm64'];

/**
 * Licence classes, from least to most restrictive for redistribution:
 * `hosted-terms` means the code is not shipped at all (a hosted API under terms of service).
 */
export type LicenseClass =
  | 'permissive'
  | 'weak-copyleft'
  | 'strong-copyleft'
  | 'network-copyleft'
  | 'source-available'
  | 'proprietary'
  | 'hosted-terms';

/** Every {@link LicenseClass}, least restrictive first. */
export const LICENSE_CLASSES: readonly LicenseClass[] = ['permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'source-available', 'proprietary', 'hosted-terms'];

/** Whether a dependency needs a GPU. */
export type GpuNeed = 'none' | 'optional' | 'required';

/** What a dependency needs from the network: nothing, the local machine/LAN, or the internet. */
export type NetworkNeed = 'none' | 'local' | 'internet';

/** What a dependency keeps: nothing, a cache that may be lost, or durable data. */
export type Persistence = 'none' | 'cache' | 'durable';

/**
 * Where a dependency runs, as secret classification sees it: a `server-daemon` that cannot ship
 * inside a client bundle (postgres), a `bundled-service` that can run beside the app (n8n,
 * qdrant), a `hosted-api` reached over the network (OpenAI, a managed database), an
 * `embedded-library` linked into the app (sqlite), or the `application` itself (its own keys).
 */
export type Hosting = 'server-daemon' | 'bundled-service' | 'hosted-api' | 'embedded-library' | 'application';

/** What a secret is, independent of where it runs; classification rules match on it. */
export const SECRET_KINDS = [
  'database-user',
  'database-password',
  'service-password',
  'access-key-id',
  'secret-access-key',
  'api-key',
  'connection-string',
  'webhook-secret',
  'token',
  'signing-key',
  'encryption-key',
  'private-key',
  'unknown',
] as const;

/** What a secret is (`database-password`, `api-key`, `connection-string`...); `unknown` never matches a default rule. */
export type SecretKind = (typeof SECRET_KINDS)[number];

/** A named alphabet for the `random` generator. */
export type CharsetName = 'alnum' | 'alpha' | 'lower' | 'upper' | 'numeric' | 'hex' | 'base64url';

/**
 * How a `per_install_generated` value is made (compatible with the predecessor's
 * `{type: 'random', length, charset}`). The secrets package checks each spec's entropy.
 */
export type GeneratorSpec =
  | {
      /** Uniform random characters. */
      readonly type: 'random';
      /** Number of characters. */
      readonly length: number;
      /** A named alphabet, or a custom one (2..256 distinct characters). */
      readonly charset: CharsetName | { readonly alphabet: string };
    }
  | {
      /** Letters, digits and URL-safe symbols, with at least one of each group. */
      readonly type: 'password';
      /** Number of characters (at least 4). */
      readonly length: number;
    }
  | {
      /** A random (version 4) UUID. */
      readonly type: 'uuid';
    }
  | {
      /** Random bytes, hex encoded. */
      readonly type: 'hex';
      /** Number of random bytes. */
      readonly bytes: number;
    }
  | {
      /** Random bytes, base64 encoded. */
      readonly type: 'base64';
      /** Number of random bytes. */
      readonly bytes: number;
      /** Use the URL-safe alphabet without padding. */
      readonly url?: boolean;
    }
  | {
      /** A key pair; the value is the PKCS#8 PEM private key. */
      readonly type: 'keypair';
      /** Key algorithm. */
      readonly algorithm: 'ed25519' | 'rsa-3072';
    };

/** How a `user_prompt` secret is asked for on first run. */
export interface PromptSpec {
  /** Short label shown next to the input. */
  readonly label: string;
  /** One or two sentences on what the value is and where to get it. */
  readonly description?: string;
  /** A regular expression (JavaScript syntax) the answer must match; must compile. */
  readonly format?: string;
  /** Extra help, e.g. an example shape (never a real value). */
  readonly hint?: string;
}

/** Who reads a secret: the dependency's own process, its dependents, or both. */
export type SecretReader = 'both' | 'service' | 'dependents';

/** A secret a dependency needs: names and recipes only, never a value. */
export interface SecretFact {
  /** Short key, unique within the dependency (`password`). The secret id becomes `<dependency>.<key>` unless {@link id} says otherwise. */
  readonly key: string;
  /** Shares one secret between dependencies (e.g. `claude-code` reuses `anthropic.api_key`). */
  readonly id?: string;
  /** Environment variable the dependency's dependents (the app) read it from. */
  readonly env: string;
  /**
   * Environment variable the dependency's own process reads it from, when that differs from
   * {@link env} (minio reads `MINIO_ROOT_USER`, apps read `MINIO_ACCESS_KEY`). Default: {@link env}.
   */
  readonly serviceEnv?: string;
  /**
   * Who reads it: `both` (default) the dependency's process and its dependents; `service` only the
   * dependency's process (n8n's encryption key); `dependents` only the dependents (an api key
   * created inside the dependency, a hosted api's key).
   */
  readonly readBy?: SecretReader;
  /** What it is. */
  readonly kind: SecretKind;
  /** What it is for (lower-case). */
  readonly description: string;
  /** Default true. */
  readonly required?: boolean;
  /** True for the secret that says how to reach a managed service (its URL or key): without it the app cannot connect. */
  readonly connection?: boolean;
  /** How to generate it; default: the secrets catalog's generator for its kind. */
  readonly generator?: GeneratorSpec;
  /** How to ask for it; default: a prompt built from the description. */
  readonly prompt?: PromptSpec;
}

/** A port a dependency listens on. */
export interface PortFact {
  /** Port name, e.g. `sql`, `http`. */
  readonly name: string;
  /** Default port number. */
  readonly port: number;
  /** Protocol spoken. */
  readonly protocol: 'tcp' | 'http' | 'grpc' | 'udp';
}

/** How to tell that a dependency's process is healthy. */
export interface HealthFact {
  /** `http` GET of a path, `tcp` connect, or a `command` run inside its container. */
  readonly type: 'http' | 'tcp' | 'command';
  /** Port name (from {@link CatalogEntry.ports}); default the first port. */
  readonly port?: string;
  /** HTTP path, for `http`. */
  readonly path?: string;
  /** argv, for `command` (no shell; the image must have the program). */
  readonly command?: readonly string[];
}

/** How a self-hosted dependency runs as a container (cloud installs), as its official image expects. */
export interface ContainerFacts {
  /** Image repository (`postgres`, `qdrant/qdrant`, `ghcr.io/browserless/chromium`). */
  readonly image: string;
  /** Pinned tag. */
  readonly tag: string;
  /** Where the image keeps its data: a persistent volume mounts here. */
  readonly dataDir?: string;
  /** Arguments (the image's `CMD`) when the image needs some (`server /data` for minio). */
  readonly args?: readonly string[];
  /** Entrypoint override, only where the image's own cannot read a setting (rare). */
  readonly command?: readonly string[];
  /** Non-secret environment the image needs (`PGDATA`), never a secret value. */
  readonly env?: Readonly<Record<string, string>>;
}

/** How much work a swap is for the team adopting it. */
export type SwapEffort = 'low' | 'medium' | 'high';

/** A swap a dependency offers: it can be replaced by `to` on some tiers. */
export interface SwapOffer {
  /** Catalog name of the replacement. */
  readonly to: string;
  /** Tiers the replacement is meant for. */
  readonly tiers: readonly Tier[];
  /** Work needed (code changes, data migration). */
  readonly effort: SwapEffort;
  /** Lower-case sentence: what changes for the app. */
  readonly note: string;
}

/**
 * Everything the SDK knows about one dependency or replacement. fitness scores its facts
 * against tier constraints; secrets classifies its secrets; bundle runs it (container,
 * ports, health, data directory) and applies its swaps. Nothing else holds dependency facts.
 */
export interface CatalogEntry {
  /** Canonical name (the resource name in a Vrooli workspace). */
  readonly name: string;
  /** Other spellings that resolve to this entry (`postgresql`, `pg`...). */
  readonly aliases: readonly string[];
  /** One line: what it is. */
  readonly description: string;
  /** Coarse family (`database`, `cache`, `vector-store`, `llm`, `workflow`...). */
  readonly category: string;
  /** Runs as a separate long-lived server process the app must start and supervise. */
  readonly daemon: boolean;
  /** Network it needs to work. */
  readonly network: NetworkNeed;
  /** Works with no internet connection. */
  readonly offline: boolean;
  /** GPU need. */
  readonly gpu: GpuNeed;
  /** Typical resident memory in MiB. */
  readonly ramMb: number;
  /** Typical disk footprint in MiB (binaries, images, default models). */
  readonly diskMb: number;
  /** Licence: SPDX id (or a short name) and its class. */
  readonly license: { readonly spdx: string; readonly class: LicenseClass };
  /** Where it runs natively (for hosted services: where its clients run). */
  readonly platforms: { readonly os: readonly Os[]; readonly arch: readonly Arch[] };
  /** What it keeps. */
  readonly persistence: Persistence;
  /** Capabilities it provides. */
  readonly provides: readonly Capability[];
  /** Capabilities a dependent is assumed to rely on when it does not declare its needs. Default {@link provides}. */
  readonly assumedNeeds: readonly Capability[];
  /** Catalog names it needs in turn (added transitively when it is swapped in). */
  readonly requires: readonly string[];
  /** Where it runs, for secret classification. */
  readonly hosting: Hosting;
  /** Its secrets; `null` when nobody has stated them (secrets are then reported unknown), `[]` when it needs none. */
  readonly secrets: readonly SecretFact[] | null;
  /** Ports it listens on. */
  readonly ports: readonly PortFact[];
  /** How to run it as a container, when it is self-hosted and has a known image. */
  readonly container?: ContainerFacts;
  /** How to check its health; default a tcp check of its first port. */
  readonly health?: HealthFact;
  /** The version it provides (of itself, or of the product it is compatible with), semver-coercible (`16.6`). */
  readonly version?: string;
  /** Catalog names it is a drop-in for (managed-postgres: postgres): version ranges declared against those apply to it. */
  readonly compatibleWith: readonly string[];
  /** Swaps it offers. */
  readonly swaps: readonly SwapOffer[];
}

/**
 * A record as users (and the built-in data) write it; {@link createCatalog} fills the defaults
 * (a self-hosted daemon on linux/macos/windows). `hosted: true` switches the defaults to a
 * hosted API: no daemon, internet needed, reachable from every OS, `hosted-terms` licence,
 * `hosted-api` hosting, a few MiB of client.
 */
export type CatalogEntryInput = Partial<Omit<CatalogEntry, 'name'>> & {
  /** Canonical name. */
  readonly name: string;
  /** A hosted API or managed service (switches the defaults). */
  readonly hosted?: boolean;
};

/** A swap as a flat rule: `from` can become `to` on `tiers`, at some effort (what {@link swapRules} lists). */
export interface SwapRule extends SwapOffer {
  /** Catalog name being replaced. */
  readonly from: string;
}
