import { SdkError, inlineText, type SdkErrorCode } from '@deployment-manager/core';
import ky, { HTTPError, TimeoutError, type Options as KyOptions } from 'ky';
import type { z } from 'zod';
import { backoffDelay } from './backoff.ts';
import { resolveBaseUrl } from './base-url.ts';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientLogEvent,
  type ClientOptions,
} from './client-options.ts';
import { httpError, shapeIssues, type HttpFailureContext } from './http-errors.ts';
import { readBodyCapped } from './read-body.ts';
import { guardRedirects, redirectRefusalOf } from './redirects.ts';
import { redactText, redactUrl } from './redact.ts';
import type { ServiceName } from './services.ts';

/** Statuses after which an idempotent request is retried. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** Query parameters of a request. */
export type SearchParams = Readonly<Record<string, string | number | boolean>>;

/** Per-request options of {@link HttpClient}. */
export interface RequestOptions extends CallOptions {
  /** Query parameters, URL-encoded by the client. */
  readonly searchParams?: SearchParams;
}

/**
 * A validating JSON client for one service: every answer is size-capped,
 * parsed, and checked against a zod schema; every failure is an
 * {@link SdkError} with an `HTTP_*` code, the redacted URL and a hint.
 */
export interface HttpClient {
  /** Which service. */
  readonly service: ServiceName;
  /** The resolved base URL (no trailing slash). */
  readonly baseUrl: string;
  /** `GET path` (retried when idempotent failures occur), validated by `schema`. */
  getJson<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** `POST path` with a JSON body (never retried), validated by `schema`. */
  postJson<S extends z.ZodType>(path: string, body: unknown, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

/**
 * Creates the {@link HttpClient} of a service from {@link ClientOptions}
 * (base URL from the option or the service's environment variable).
 *
 * @example
 * ```ts
 * const http = createHttpClient('analyzer', { baseUrl: 'http://127.0.0.1:8080', timeoutMs: 2000 });
 * const body = await http.getJson('/health', z.object({ status: z.string() }));
 * ```
 */
export function createHttpClient(service: ServiceName, options: ClientOptions = {}): HttpClient {
  const baseUrl = resolveBaseUrl(service, options.baseUrl, options.env);
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const retries = Math.floor(nonNegative(options.retries, DEFAULT_RETRIES, 'retries'));
  const maxBodyBytes = positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes');
  const token = options.token === undefined || options.token === '' ? undefined : options.token;
  const guardedFetch = guardRedirects(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), {
    allowCrossOrigin: options.followCrossOriginRedirects === true,
    maxRedirects: Math.floor(nonNegative(options.maxRedirects, 5, 'maxRedirects')),
  });
  const secrets = [token];
  const log = (event: ClientLogEvent): void => {
    options.log?.({ ...event, url: redactText(event.url, secrets), message: redactText(event.message, secrets) });
  };

  async function request<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, req: RequestOptions): Promise<z.output<S>> {
    const url = buildUrl(baseUrl, path, req.searchParams);
    const ctx: HttpFailureContext = { service, method, url: redactUrl(url), secrets };
    const fail: Fail = (code, what, extra = {}) => {
      const error = httpError(code, what, ctx, extra);
      log({ level: 'warn', service, event: 'failure', method, url: ctx.url, code, message: error.message, ...(extra.status === undefined ? {} : { status: extra.status }) });
      return error;
    };
    const signal = req.signal;
    if (signal?.aborted === true) throw fail('HTTP_ABORTED', 'aborted before it was sent');
    log({ level: 'debug', service, event: 'request', method, url: ctx.url, message: `${method.toLowerCase()} request` });

    let response: Response;
    try {
      response = await ky(url, kyOptions(method, body, signal));
    } catch (error) {
      throw mapSendError(error, signal, timeoutMs, fail);
    }
    log({ level: 'debug', service, event: 'response', method, url: ctx.url, status: response.status, message: `answered ${response.status}` });
    const read = await readBodyCapped(response, maxBodyBytes, timeoutMs, signal);
    if (!read.ok) {
      switch (read.failure) {
        case 'too-large':
          throw fail('HTTP_BODY_TOO_LARGE', `answer is larger than ${maxBodyBytes} bytes`, { maxBytes: maxBodyBytes });
        case 'timeout':
          throw fail('HTTP_TIMEOUT', `answer body did not complete within ${timeoutMs} ms`, { timeoutMs });
        case 'aborted':
          throw fail('HTTP_ABORTED', 'aborted while reading the answer');
        case 'encoding':
          throw fail('HTTP_MALFORMED_JSON', 'answer is not valid UTF-8 text');
        default:
          throw fail('HTTP_CONNECTION_FAILED', 'connection broke while reading the answer', { reason: read.reason ?? 'read failed' });
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch {
      throw fail('HTTP_MALFORMED_JSON', `answer of ${read.bytes} bytes is not JSON`);
    }
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    try {
      parsed = schema.safeParse(json) as z.ZodSafeParseResult<z.output<S>>;
    } catch {
      // A hostile body can still break a transform (e.g. nesting deep enough to exhaust the stack).
      throw fail('HTTP_UNEXPECTED_SHAPE', 'answer could not be interpreted', { issues: [{ path: '', message: 'the answer broke the validator' }] });
    }
    if (!parsed.success) {
      const issues = shapeIssues(parsed.error.issues);
      throw fail('HTTP_UNEXPECTED_SHAPE', `answer does not match the expected shape (${issues.length} issue(s), first at "${issues[0]?.path ?? ''}")`, { issues });
    }
    return parsed.data;
  }

  function kyOptions(method: 'GET' | 'POST', body: unknown, signal: AbortSignal | undefined): KyOptions {
    const idempotent = method === 'GET';
    const backoff = options.backoff ?? {};
    const maxDelay = backoff.maxMs ?? 5000;
    return {
      method,
      timeout: timeoutMs,
      throwHttpErrors: true,
      headers: { accept: 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      ...(body === undefined ? {} : { json: body }),
      ...(signal === undefined ? {} : { signal }),
      fetch: guardedFetch,
      retry: idempotent
        ? { limit: retries, methods: ['get'], statusCodes: RETRY_STATUSES, afterStatusCodes: [429, 503], maxRetryAfter: maxDelay, backoffLimit: maxDelay, delay: (n: number) => backoffDelay(n, backoff) }
        : { limit: 0, methods: [] },
      hooks: {
        beforeRetry: [
          async ({ error, retryCount }) => {
            // Free the failed answer's connection before trying again.
            if (error instanceof HTTPError) await error.response.body?.cancel().catch(() => undefined);
            const why = error instanceof HTTPError ? `status ${error.response.status}` : 'connection failure';
            log({ level: 'warn', service, event: 'retry', method, url: redactUrl(error instanceof HTTPError ? error.request.url : baseUrl), attempt: retryCount, message: `retry ${retryCount} of ${retries} after ${why}` });
          },
        ],
      },
    };
  }

  return {
    service,
    baseUrl,
    getJson: (path, schema, req = {}) => request('GET', path, undefined, schema, req),
    postJson: (path, body, schema, req = {}) => request('POST', path, body, schema, req),
  };
}

type Fail = (code: SdkErrorCode, what: string, extra?: Parameters<typeof httpError>[3]) => SdkError;

function mapSendError(error: unknown, signal: AbortSignal | undefined, timeoutMs: number, fail: Fail): SdkError {
  if (signal?.aborted === true) return fail('HTTP_ABORTED', 'aborted by the caller');
  if (error instanceof TimeoutError) return fail('HTTP_TIMEOUT', `no answer within ${timeoutMs} ms`, { timeoutMs });
  if (error instanceof HTTPError) {
    const status = error.response.status;
    void error.response.body?.cancel().catch(() => undefined);
    const refusal = redirectRefusalOf(error.response);
    if (refusal?.kind === 'cross-origin') return fail('HTTP_REDIRECT_REFUSED', `answered ${status}, a redirect to another origin (${redactUrl(refusal.to)}), which is not followed`, { status });
    if (refusal?.kind === 'loop') return fail('HTTP_REDIRECT_LOOP', `answered ${status}, a redirect loop back to ${redactUrl(refusal.to)}`, { status });
    if (refusal?.kind === 'too-many') return fail('HTTP_REDIRECT_LOOP', `answered ${status} after too many redirects (last to ${redactUrl(refusal.to)})`, { status });
    // The reason phrase is the server's text: quoted, with every control character escaped.
    return fail('HTTP_STATUS', `answered ${status}${error.response.statusText === '' ? '' : ` ${inlineText(error.response.statusText)}`}`, { status });
  }
  return fail('HTTP_CONNECTION_FAILED', 'could not connect', { reason: networkReason(error) });
}

/** The system error code behind a fetch failure (`ECONNREFUSED`...), never the error object. */
function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/** Joins base URL, path and query parameters. */
export function buildUrl(baseUrl: string, path: string, searchParams?: SearchParams): string {
  const url = new URL(baseUrl + (path.startsWith('/') ? path : `/${path}`));
  for (const [name, value] of Object.entries(searchParams ?? {})) url.searchParams.set(name, String(value));
  return url.toString();
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  // Timers cannot wait longer than 2^31-1 ms.
  if (!Number.isFinite(value) || value <= 0 || value > 2_147_483_647) {
    throw new SdkError('INVALID_ARGUMENT', `${name} must be a positive number, got ${String(value)}`, { hint: `omit ${name} to use the default (${fallback})` });
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new SdkError('INVALID_ARGUMENT', `${name} must be zero or more, got ${String(value)}`, { hint: `omit ${name} to use the default (${fallback})` });
  }
  return value;
}
