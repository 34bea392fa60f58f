import type { SdkErrorCode } from '@deployment-manager/core';
import type { BackoffOptions } from './backoff.ts';
import type { ServiceName } from './services.ts';

/** A log line from a client: never carries headers, tokens, bodies or secret values. */
export interface ClientLogEvent {
  /** `debug` for each request and answer, `warn` for retries and failures. */
  readonly level: 'debug' | 'warn';
  /** Which service. */
  readonly service: ServiceName;
  /** What happened: `request`, `response`, `retry`, `failure` or `poll`. */
  readonly event: 'request' | 'response' | 'retry' | 'failure' | 'poll';
  /** HTTP method. */
  readonly method: string;
  /** The URL with credentials redacted. */
  readonly url: string;
  /** HTTP status, when there was an answer. */
  readonly status?: number;
  /** Retry number (1-based), for `retry`. */
  readonly attempt?: number;
  /** Error code, for `failure`. */
  readonly code?: SdkErrorCode;
  /** Lower-case sentence, already redacted. */
  readonly message: string;
}

/** Options shared by every client of this package. */
export interface ClientOptions {
  /** Base URL of the service; default: its environment variable (see {@link SERVICES}). */
  readonly baseUrl?: string;
  /** Environment to read the base URL from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Bearer token sent as `Authorization: Bearer ...`; never logged, never in errors. */
  readonly token?: string;
  /** Time allowed for each attempt, headers and body each, in milliseconds (default 10000). */
  readonly timeoutMs?: number;
  /** Retries of idempotent (GET) requests after a connection failure or a 408/429/5xx answer (default 2). POST is never retried. */
  readonly retries?: number;
  /** Delay between retries (exponential with jitter). */
  readonly backoff?: BackoffOptions;
  /** Largest response body accepted, in bytes, counted while streaming (default 16 MiB). */
  readonly maxBodyBytes?: number;
  /** Log sink (default: discard). */
  readonly log?: (event: ClientLogEvent) => void;
  /** The `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch;
  /** Follow redirects to another origin (without the Authorization header). Default false: `HTTP_REDIRECT_REFUSED`. */
  readonly followCrossOriginRedirects?: boolean;
  /** Most redirects followed for one request (default 5); a loop is `HTTP_REDIRECT_LOOP` whatever the limit. */
  readonly maxRedirects?: number;
}

/** Per-call options of every client method. */
export interface CallOptions {
  /** Aborts the call; the client then throws `HTTP_ABORTED`. */
  readonly signal?: AbortSignal;
}

/** Default time allowed per attempt, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default number of retries of idempotent requests. */
export const DEFAULT_RETRIES = 2;
/** Default largest accepted response body: 16 MiB. */
export const DEFAULT_MAX_BODY_BYTES: number = 16 * 1024 * 1024;
