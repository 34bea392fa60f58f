import { TIER_NUMBERS, type DependencyGraph, type Tier } from '@deployment-manager/core';
import { planSecrets, type PlanSecretsOptions } from '@deployment-manager/secrets';
import { scenarioSegment, signalOf } from './analyzer-client.ts';
import type { CallOptions, ClientOptions } from './client-options.ts';
import { createHttpClient } from './http.ts';
import { reconcileSecretPlan, type SecretReconciliation } from './secrets-reconcile.ts';
import { remoteSecretsManifestSchema, type RemoteSecretsManifest } from './secrets-manifest.ts';

/** Per-call options of {@link SecretsManagerClient.deploymentSecrets}. */
export interface DeploymentSecretsOptions extends CallOptions {
  /** The tier to ask about. */
  readonly tier: Tier;
  /** Include optional secrets (default true). */
  readonly includeOptional?: boolean;
}

/** Typed client of the predecessor's secrets manager (metadata only: this client never asks for values). */
export interface SecretsManagerClient {
  /** The resolved base URL. */
  readonly baseUrl: string;
  /** `GET /api/v1/deployment/secrets/{s}?tier=...&include_optional=true`: the manager's view of a scenario's secrets on a tier. */
  deploymentSecrets(scenario: string, options: DeploymentSecretsOptions): Promise<RemoteSecretsManifest>;
}

/** The predecessor's spelling of a tier (`tier-2-desktop`). */
export function predecessorTier(tier: Tier): string {
  return `tier-${TIER_NUMBERS[tier]}-${tier}`;
}

/**
 * Creates the secrets-manager client. Base URL from `baseUrl` or `SECRETS_MANAGER_URL`.
 *
 * @example
 * ```ts
 * const sm = createSecretsManagerClient({ token: process.env.SECRETS_MANAGER_TOKEN });
 * const remote = await sm.deploymentSecrets('picker-wheel', { tier: 'desktop' });
 * ```
 */
export function createSecretsManagerClient(options: ClientOptions = {}): SecretsManagerClient {
  const http = createHttpClient('secrets-manager', options);
  return {
    baseUrl: http.baseUrl,
    deploymentSecrets: async (scenario, call) => {
      const path = `/api/v1/deployment/secrets/${scenarioSegment(scenario)}`;
      const tier = predecessorTier(call.tier);
      const schema = remoteSecretsManifestSchema.refine((m) => m.scenario === scenario, { path: ['scenario'], message: `the answer is about another scenario, not "${scenario}"` });
      return http.getJson(path, schema, { ...signalOf(call), searchParams: { tier, include_optional: call.includeOptional ?? true } });
    },
  };
}

/** Options of {@link planSecretsWithManager}. */
export interface PlanWithManagerOptions extends PlanSecretsOptions, ClientOptions, CallOptions {
  /** Include optional secrets in the request (default true). */
  readonly includeOptional?: boolean;
}

/** Our reconciled plan plus the manager's answer it was reconciled with. */
export interface ManagedSecretPlan extends SecretReconciliation {
  /** What the secrets manager answered. */
  readonly remote: RemoteSecretsManifest;
}

/**
 * Plans a graph's secrets with our rules ({@link planSecrets}), asks the
 * secrets manager what it knows for the same scenario and tier, and
 * reconciles the two fail-closed ({@link reconcileSecretPlan}).
 *
 * @example
 * ```ts
 * const { plan, diagnostics } = await planSecretsWithManager(graph, { tier: 'desktop', baseUrl: 'http://127.0.0.1:8090' });
 * ```
 */
export async function planSecretsWithManager(graph: DependencyGraph, options: PlanWithManagerOptions): Promise<ManagedSecretPlan> {
  const plan = planSecrets(graph, options);
  const scenario = graph.root.slice(graph.root.indexOf(':') + 1);
  const remote = await createSecretsManagerClient(options).deploymentSecrets(scenario, {
    tier: options.tier,
    ...(options.includeOptional === undefined ? {} : { includeOptional: options.includeOptional }),
    ...signalOf(options),
  });
  return { ...reconcileSecretPlan(plan, remote, options.catalog), remote };
}
