import type { CloudResources } from '@deployment-manager/bundle';
import type { RolloutStrategy } from './targets-data.ts';

/** Values-style overrides of one service (or of every app service). */
export interface ServiceOverride {
  /** Replica count. */
  readonly replicas?: number;
  /** Compute requests, merged field by field over the manifest's. */
  readonly resources?: CloudResources;
  /** Environment variables, merged key by key (configuration only, never secret values). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Where an environment's secret values live. The planner only ever sees their names. */
export interface SecretSource {
  /** `env-file` on the host, a `kubernetes-secret`, or an `external-secrets` store. */
  readonly kind: 'env-file' | 'kubernetes-secret' | 'external-secrets';
  /** The file path, Secret name or store name. */
  readonly ref: string;
}

/** Resource quotas a plan must stay within. */
export interface Quotas {
  /** Largest total vCPU requested (cores). */
  readonly maxVcpu?: number;
  /** Largest total memory requested (MiB). */
  readonly maxMemoryMiB?: number;
  /** Largest total persistent storage (GiB). */
  readonly maxVolumeGiB?: number;
  /** Most GPUs. */
  readonly maxGpus?: number;
  /** Most replicas of any one service. */
  readonly maxReplicas?: number;
}

/** Limits against cost explosion. */
export interface Guardrails {
  /** A hard ceiling: a plan estimated above it is blocked, confirmed or not (USD per month). */
  readonly maxMonthlyCost?: number;
  /** Above this estimate (USD per month) a plan is blocked unless `confirmCost` is set. */
  readonly confirmAbove?: number;
  /** Resource quotas. */
  readonly quotas?: Quotas;
}

/** How new versions replace old ones. */
export interface RolloutSpec {
  /** Strategy. */
  readonly strategy: RolloutStrategy;
  /** Extra replicas during a rolling update (default 1). */
  readonly maxSurge?: number;
  /** Replicas that may be down during a rolling update (default 0). */
  readonly maxUnavailable?: number;
  /** Share of traffic (1..99) the canary gets (default 10). */
  readonly canaryPercent?: number;
}

/**
 * A deployment environment: an overlay on a profile's manifest. Overrides
 * are values-style: `apps` applies to every app service, `services` to one
 * service by id (and wins over `apps`).
 */
export interface EnvironmentOverlay {
  /** Name (`development`, `staging`, `production`, or a custom one: lower-case, digits, dashes). */
  readonly name: string;
  /** Free text. */
  readonly description?: string;
  /** Overrides of every `app` service. */
  readonly apps?: ServiceOverride;
  /** Overrides by service id. */
  readonly services?: Readonly<Record<string, ServiceOverride>>;
  /** Where secret values come from (default per target: an env file, or a Kubernetes Secret). */
  readonly secrets?: SecretSource;
  /** Public host name and TLS. */
  readonly ingress?: {
    /** Public host name. */
    readonly host?: string;
    /** Terminate TLS. */
    readonly tls?: boolean;
  };
  /** Rollout strategy. */
  readonly rollout?: RolloutSpec;
  /** Cost and quota guardrails. */
  readonly guardrails?: Guardrails;
}
