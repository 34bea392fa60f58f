/*
 * Redirects under the client's control. fetch would follow any redirect,
 * to any origin, carrying the request (and, for some methods, its body)
 * there silently. This wrapper follows redirects itself: same-origin ones up
 * to a limit, another origin only when the caller allows it (and then
 * without the Authorization header), and it names a loop as a loop. A
 * refused redirect is returned as the 3xx answer itself, annotated, so the
 * client reports it with its own code instead of "could not connect".
 */

/** Why a redirect was not followed. */
export interface RedirectRefusal {
  /** `cross-origin`, `loop` (a URL seen twice) or `too-many`. */
  readonly kind: 'cross-origin' | 'loop' | 'too-many';
  /** Where it pointed. */
  readonly to: string;
}

/** How redirects are followed. */
export interface RedirectPolicy {
  /** Follow redirects to another origin (without the Authorization header). */
  readonly allowCrossOrigin: boolean;
  /** Most redirects followed for one request. */
  readonly maxRedirects: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const refusals = new WeakMap<Response, RedirectRefusal>();

/** The refusal an answer carries, when the redirect guard returned it unfollowed. */
export function redirectRefusalOf(response: Response): RedirectRefusal | undefined {
  return refusals.get(response);
}

/**
 * A `fetch` that follows redirects by {@link RedirectPolicy} on top of
 * `inner` (which sees every hop with `redirect: 'manual'`).
 *
 * @example
 * ```ts
 * const guarded = guardRedirects(fetch, { allowCrossOrigin: false, maxRedirects: 5 });
 * ```
 */
export function guardRedirects(inner: typeof fetch, policy: RedirectPolicy): typeof fetch {
  return async (input, init) => {
    let request = new Request(input, init);
    const origin = new URL(request.url).origin;
    const seen = new Set<string>([request.url]);
    for (let hops = 0; ; hops += 1) {
      const spare = request.clone();
      const response = await inner(new Request(request, { redirect: 'manual' }));
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      const to = new URL(location, request.url).toString();
      const crossOrigin = new URL(to).origin !== origin;
      const kind = crossOrigin && !policy.allowCrossOrigin ? 'cross-origin' : seen.has(to) ? 'loop' : hops >= policy.maxRedirects ? 'too-many' : undefined;
      if (kind !== undefined) {
        refusals.set(response, { kind, to });
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      seen.add(to);
      // 303, and 301/302 after a POST, turn into a GET without a body (as fetch does).
      const asGet = response.status === 303 || ((response.status === 301 || response.status === 302) && spare.method === 'POST');
      const headers = new Headers(spare.headers);
      if (crossOrigin) headers.delete('authorization');
      if (asGet) headers.delete('content-type');
      request = new Request(to, {
        method: asGet ? 'GET' : spare.method,
        headers,
        signal: spare.signal,
        ...(asGet || spare.body === null ? {} : { body: spare.body, duplex: 'half' }),
      } as RequestInit);
    }
  };
}
