/**
 * Typed HTTP clients for the live services: analyzer, secrets manager, desktop packager, issue tracker.
 *
 * @packageDocumentation
 * @module @deployment-manager/clients
 */
export {
  analyzerAnalysisSchema,
  type AnalysisDependency,
  type AnalysisDrift,
  type AnalyzerAnalysis,
  type DeclaredScenario,
} from './analyzer-analysis.ts';
export {
  createAnalyzerClient,
  type AnalyzerCallOptions,
  type AnalyzerClient,
  type AnalyzerClientOptions,
} from './analyzer-client.ts';
export { dagExportSchema, deploymentReportSchema, type AnalyzerDagExport } from './analyzer-report.ts';
export { backoffDelay, type BackoffOptions } from './backoff.ts';
export { resolveBaseUrl } from './base-url.ts';
export {
  createFreshnessCache,
  createMemoryCacheStore,
  DEFAULT_MAX_AGE_MS,
  type CacheEntry,
  type CacheStore,
  type Fresh,
  type FreshnessCache,
  type FreshnessCacheOptions,
  type Loaded,
  type RefreshPolicy,
} from './cache.ts';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientLogEvent,
  type ClientOptions,
} from './client-options.ts';
export {
  buildPhase,
  buildProgress,
  createDesktopPackagerClient,
  type DesktopBuildProgress,
  type DesktopBuildResult,
  type DesktopGenerateRequest,
  type DesktopPackagerClient,
  type WaitOptions,
} from './desktop-packager-client.ts';
export {
  desktopBuildStartedSchema,
  desktopBuildStatusSchema,
  type DesktopBuildStarted,
  type DesktopBuildStatus,
  type DesktopPlatformResult,
} from './desktop-wire.ts';
export { createFileCacheStore } from './file-cache-store.ts';
export { cacheKey, fingerprint, stableJson } from './fingerprint.ts';
export type { FreshnessOptions } from './freshness.ts';
export { CLIENT_DIAGNOSTIC_CODES, type ClientDiagnosticCode } from './diagnostic-codes.ts';
export { graphFromAnalyzer, type AnalyzerGraph, type GraphFromAnalyzerOptions } from './graph-from-analyzer.ts';
export { buildUrl, createHttpClient, type HttpClient, type RequestOptions, type SearchParams } from './http.ts';
export { createdIssueSchema, createIssueTrackerClient, type CreatedIssue, type IssueInput, type IssueTrackerClient } from './issue-tracker-client.ts';
export { redactText, redactUrl, REDACTED } from './redact.ts';
export {
  createSecretsManagerClient,
  planSecretsWithManager,
  predecessorTier,
  type DeploymentSecretsOptions,
  type ManagedSecretPlan,
  type PlanWithManagerOptions,
  type SecretsManagerClient,
} from './secrets-manager-client.ts';
export {
  remoteSecretsManifestSchema,
  type RemoteBundleSecret,
  type RemoteSecret,
  type RemoteSecretsManifest,
  type RemoteSecretsSummary,
} from './secrets-manifest.ts';
export { reconcileSecretPlan, type SecretMatch, type SecretReconciliation } from './secrets-reconcile.ts';
export { SERVICES, type ServiceInfo, type ServiceName } from './services.ts';
