/**
 * Typed HTTP clients for the live services: analyzer, secrets manager, desktop packager, issue tracker.
 *
 * @packageDocumentation
 * @module @deployment-manager/clients
 */
export { backoffDelay, type BackoffOptions } from './backoff.ts';
export { resolveBaseUrl } from './base-url.ts';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientLogEvent,
  type ClientOptions,
} from './client-options.ts';
export { buildUrl, createHttpClient, type HttpClient, type RequestOptions, type SearchParams } from './http.ts';
export { redactText, redactUrl, REDACTED } from './redact.ts';
export { SERVICES, type ServiceInfo, type ServiceName } from './services.ts';
