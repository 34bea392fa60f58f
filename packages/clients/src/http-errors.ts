import { jsonPointer, SdkError, type SdkErrorCode } from '@deployment-manager/core';
import { redactText } from './redact.ts';
import { SERVICES, type ServiceName } from './services.ts';

/** What an HTTP failure is about: already-redacted facts only. */
export interface HttpFailureContext {
  /** Which service. */
  readonly service: ServiceName;
  /** HTTP method. */
  readonly method: string;
  /** URL with credentials redacted. */
  readonly url: string;
  /** Strings that must never appear in the error (the token). */
  readonly secrets: readonly (string | undefined)[];
}

/** A shape problem found by zod, as a JSON pointer and a message (never the received value). */
export interface ShapeIssue {
  /** RFC 6901 pointer into the response body. */
  readonly path: string;
  /** What was expected there. */
  readonly message: string;
}

function hintFor(code: SdkErrorCode, ctx: HttpFailureContext, extra: { status?: number; timeoutMs?: number; maxBytes?: number }): string {
  const { env, predecessor } = SERVICES[ctx.service];
  switch (code) {
    case 'HTTP_CONNECTION_FAILED':
      return `check that ${predecessor} is running and that ${env} (or baseUrl) points at it`;
    case 'HTTP_TIMEOUT':
      return `no complete answer within ${extra.timeoutMs ?? '?'} ms; raise timeoutMs or check the load of ${predecessor}`;
    case 'HTTP_STATUS':
      if (extra.status === 401 || extra.status === 403) return 'the service refused the credentials; check the token option';
      if (extra.status === 404) return 'check the scenario name and the path prefix of the base url';
      if (extra.status !== undefined && extra.status >= 500) return `${predecessor} failed; see its logs (idempotent requests were retried)`;
      return `${predecessor} rejected the request; see its logs`;
    case 'HTTP_MALFORMED_JSON':
      return `the answer is not JSON; check that the base url points at the API of ${predecessor}, not its UI`;
    case 'HTTP_UNEXPECTED_SHAPE':
      return `the JSON does not have the shape this SDK relies on (see the clients README); check the version of ${predecessor}`;
    case 'HTTP_BODY_TOO_LARGE':
      return `the answer exceeds ${extra.maxBytes ?? '?'} bytes; raise maxBodyBytes if it is legitimately that large`;
    case 'HTTP_REDIRECT_REFUSED':
      return `${predecessor} sent the request to another origin; point ${env} (or baseUrl) at the final address, or set followCrossOriginRedirects`;
    case 'HTTP_REDIRECT_LOOP':
      return `${predecessor} redirects in a circle (or too often); check its proxy and base path configuration`;
    case 'HTTP_ABORTED':
      return 'the caller aborted the request; nothing was changed on this side';
    default:
      return 'see details';
  }
}

/**
 * Builds the {@link SdkError} of an HTTP failure: message and details carry
 * the redacted URL, never a header, a body or a token. `cause` is a plain
 * summary (`{ name, code }`), never the original error object, because those
 * hold the request and its `Authorization` header.
 */
export function httpError(
  code: SdkErrorCode,
  what: string,
  ctx: HttpFailureContext,
  extra: { status?: number; timeoutMs?: number; maxBytes?: number; reason?: string; issues?: readonly ShapeIssue[] } = {},
): SdkError {
  const clean = (s: string): string => redactText(s, ctx.secrets);
  const details: Record<string, unknown> = { service: ctx.service, method: ctx.method, url: clean(ctx.url) };
  if (extra.status !== undefined) details['status'] = extra.status;
  if (extra.timeoutMs !== undefined) details['timeoutMs'] = extra.timeoutMs;
  if (extra.maxBytes !== undefined) details['maxBytes'] = extra.maxBytes;
  if (extra.reason !== undefined) details['reason'] = clean(extra.reason);
  if (extra.issues !== undefined) details['issues'] = extra.issues.map((i) => ({ path: i.path, message: clean(i.message) }));
  return new SdkError(code, clean(`${ctx.method} ${ctx.url}: ${what}`), {
    hint: clean(hintFor(code, ctx, extra)),
    details,
    ...(extra.reason === undefined ? {} : { cause: { name: 'HttpFailure', code: clean(extra.reason) } }),
  });
}

/** Converts zod issues into {@link ShapeIssue}s (first `limit`), dropping received values. */
export function shapeIssues(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[], limit = 10): ShapeIssue[] {
  return issues.slice(0, limit).map((issue) => ({
    path: jsonPointer(issue.path.map((p) => (typeof p === 'number' ? p : String(p)))),
    message: issue.message,
  }));
}
