// Who may talk to the local UI server: only a page that knows the random
// token (it prefixes every path) and that reached us by the loopback name and
// port we listen on - a DNS-rebinding page reaches us under another Host.
import { timingSafeEqual } from 'node:crypto';

/** What the guard needs of a request. */
export interface GuardedRequest {
  /** The Host header, if any. */
  readonly host: string | undefined;
  /** The request path with its query (`req.url`). */
  readonly url: string;
}

/** What the guard knows of the server. */
export interface GuardContext {
  /** The secret path prefix. */
  readonly token: string;
  /** The port the server listens on. */
  readonly port: number;
}

/** The guard's verdict: the path inside the app, a redirect to the app's root, or a refusal. */
export type GuardVerdict =
  | { readonly ok: true; readonly path: string; readonly query: string }
  | { readonly ok: false; readonly status: 403 | 421; readonly reason: string }
  | { readonly ok: 'redirect'; readonly location: string };

/** The Host headers a loopback client sends for our port. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks one request: the Host header must name the loopback address or
 * `localhost` with our port (else 421), and the path must start with
 * `/<token>/` (else 403). `/<token>` alone redirects to `/<token>/` so the
 * page's relative URLs resolve under the token.
 *
 * @example
 * ```ts
 * checkRequest({ host: '127.0.0.1:4000', url: '/t0k3n/api/session' }, { token: 't0k3n', port: 4000 })
 * // { ok: true, path: '/api/session', query: '' }
 * ```
 */
export function checkRequest(request: GuardedRequest, context: GuardContext): GuardVerdict {
  if (request.host === undefined || !allowedHosts(context.port).includes(request.host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'this server answers only to 127.0.0.1 and localhost on its own port' };
  }
  const q = request.url.indexOf('?');
  const pathname = q < 0 ? request.url : request.url.slice(0, q);
  const query = q < 0 ? '' : request.url.slice(q);
  const second = pathname.indexOf('/', 1);
  const given = pathname.slice(1, second < 0 ? undefined : second);
  if (!sameToken(given, context.token)) return { ok: false, status: 403, reason: 'open the URL printed by deployment-manager ui (it carries the token)' };
  if (second < 0) return { ok: 'redirect', location: `/${context.token}/${query}` };
  return { ok: true, path: pathname.slice(second), query };
}
