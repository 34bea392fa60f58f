import { z } from 'zod';
import { defined, optBool, optString, optStrings } from './wire.ts';

/** A secret as the secrets manager describes it for a deployment (metadata only: never a value). */
export interface RemoteSecret {
  /** Resource the secret belongs to. */
  readonly resource: string;
  /** Its key (usually the environment variable). */
  readonly key: string;
  /** E.g. `password`, `token`. */
  readonly secretType?: string;
  /** Whether the resource needs it. */
  readonly required: boolean;
  /** The manager's own classification (`infrastructure`, `service`...). */
  readonly classification?: string;
  /** The manager's handling on the requested tier (`prompt`, `generate`, `delegate`, `strip`, `unspecified`). */
  readonly handlingStrategy?: string;
  /** Free text. */
  readonly description?: string;
}

/** A bundle secret plan as the secrets manager derived it (its classes, which we re-check). */
export interface RemoteBundleSecret {
  /** The manager's id. */
  readonly id: string;
  /** The manager's class (`per_install_generated`, `user_prompt`, `remote_fetch`...). */
  readonly class: string;
  /** Whether required. */
  readonly required: boolean;
  /** Where it would go (`env` / `file`) and under which name. */
  readonly target?: {
    /** `env` or `file`. */
    readonly type: string;
    /** Variable name or file path. */
    readonly name: string;
  };
  /** Free text. */
  readonly description?: string;
}

/** The secrets manager's readiness summary. */
export interface RemoteSecretsSummary {
  /** Secrets considered. */
  readonly totalSecrets: number;
  /** Secrets with a strategy on the tier. */
  readonly strategizedSecrets: number;
  /** Secrets that still need a decision. */
  readonly requiresAction: number;
  /** `resource:key` of secrets without a strategy (first 10). */
  readonly blockingSecrets: readonly string[];
}

/**
 * The secrets manager's deployment manifest for a scenario and tier (`GET
 * /api/v1/deployment/secrets/{s}?tier=...&include_optional=true`), reduced
 * to the fields this SDK relies on. Values never travel in it; any field
 * named otherwise is dropped.
 */
export interface RemoteSecretsManifest {
  /** Scenario. */
  readonly scenario: string;
  /** Tier as the manager spells it (`tier-2-desktop`). */
  readonly tier: string;
  /** When the manager built it. */
  readonly generatedAt?: string;
  /** Resources considered. */
  readonly resources: readonly string[];
  /** Every secret considered. */
  readonly secrets: readonly RemoteSecret[];
  /** The manager's bundle plan (infrastructure secrets are never in it). */
  readonly bundleSecrets: readonly RemoteBundleSecret[];
  /** Readiness summary. */
  readonly summary: RemoteSecretsSummary;
}

const SecretWire = z.object({
  resource_name: z.string(),
  secret_key: z.string().min(1),
  secret_type: optString,
  required: optBool,
  classification: optString,
  handling_strategy: optString,
  description: optString,
});

const BundleSecretWire = z.object({
  id: z.string().min(1),
  class: z.string(),
  required: optBool,
  description: optString,
  target: z.object({ type: z.string(), name: z.string() }).nullish(),
});

const ManifestWire = z.object({
  scenario: z.string().min(1),
  tier: z.string(),
  generated_at: optString,
  resources: optStrings,
  secrets: z.array(SecretWire).nullish(),
  bundle_secrets: z.array(BundleSecretWire).nullish(),
  summary: z.object({
    total_secrets: z.number().int().min(0),
    strategized_secrets: z.number().int().min(0).nullish(),
    requires_action: z.number().int().min(0).nullish(),
    blocking_secrets: optStrings,
  }),
});

/** Validates a secrets-manager deployment manifest into a {@link RemoteSecretsManifest}. */
export const remoteSecretsManifestSchema: z.ZodType<RemoteSecretsManifest> = ManifestWire.transform((w) => ({
  scenario: w.scenario,
  tier: w.tier,
  ...defined({ generatedAt: w.generated_at }),
  resources: w.resources ?? [],
  secrets: (w.secrets ?? []).map((s) => ({
    resource: s.resource_name,
    key: s.secret_key,
    required: s.required ?? false,
    ...defined({ secretType: s.secret_type, classification: s.classification, handlingStrategy: s.handling_strategy, description: s.description }),
  })),
  bundleSecrets: (w.bundle_secrets ?? []).map((b) => ({
    id: b.id,
    class: b.class,
    required: b.required ?? false,
    ...defined({ description: b.description, target: b.target === null || b.target === undefined ? undefined : { type: b.target.type, name: b.target.name } }),
  })),
  summary: {
    totalSecrets: w.summary.total_secrets,
    strategizedSecrets: w.summary.strategized_secrets ?? 0,
    requiresAction: w.summary.requires_action ?? 0,
    blockingSecrets: w.summary.blocking_secrets ?? [],
  },
}));
