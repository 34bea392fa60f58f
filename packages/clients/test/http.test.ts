import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, type ClientLogEvent } from '../src/index.ts';
import { drained, refusedUrl, sdkFailure, sendJson, serveEachTest } from './loopback-server.ts';

const Shape = z.object({ name: z.string(), count: z.number() });
// Retries back off for a millisecond; the timeout is far beyond any loopback answer, even on a loaded
// machine, so only the tests about timeouts see one - and those talk to servers that never answer.
const fast = { timeoutMs: 60_000, backoff: { baseMs: 1, maxMs: 2, random: () => 0 } } as const;
/** The timeout of the tests that expect one: their servers never finish, so it fires whatever the load. */
const expectTimeout = { ...fast, timeoutMs: 100 } as const;

const serve = serveEachTest();

describe('createHttpClient', () => {
  it('validates the answer and drops fields the schema does not name', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { name: 'x', count: 2, extra: { deep: true } }));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    expect(await http.getJson('/thing', Shape)).toEqual({ name: 'x', count: 2 });
  });

  it('sends the bearer token, query parameters and a JSON body', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { name: 'x', count: 1 }));
    const http = createHttpClient('issue-tracker', { ...fast, baseUrl: `${s.url}/prefix/`, token: 'tok-123' });
    await http.postJson('/api/v1/issues', { title: 't' }, Shape, { searchParams: { tier: 'desktop', n: 2 } });
    const seen = s.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/prefix/api/v1/issues?tier=desktop&n=2');
    expect(seen?.headers.authorization).toBe('Bearer tok-123');
    expect(JSON.parse(seen?.body ?? '')).toEqual({ title: 't' });
  });

  it('reads the base url from the environment and fails HTTP_NOT_CONFIGURED without one', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { name: 'e', count: 0 }));
    const http = createHttpClient('analyzer', { ...fast, env: { ANALYZER_BASE_URL: s.url } });
    expect(http.baseUrl).toBe(s.url);
    expect((await http.getJson('/x', Shape)).name).toBe('e');
    const err = await sdkFailure(Promise.resolve().then(() => createHttpClient('secrets-manager', { env: {} })));
    expect(err.code).toBe('HTTP_NOT_CONFIGURED');
    expect(err.hint).toContain('SECRETS_MANAGER_URL');
  });

  it('rejects base urls that are not plain http(s) urls', async () => {
    for (const baseUrl of ['ftp://127.0.0.1', 'not a url', 'http://u:p@127.0.0.1', 'http://127.0.0.1/?token=x']) {
      const err = await sdkFailure(Promise.resolve().then(() => createHttpClient('analyzer', { baseUrl })));
      expect(err.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('maps a refused connection to HTTP_CONNECTION_FAILED', async () => {
    const http = createHttpClient('analyzer', { ...fast, baseUrl: await refusedUrl() });
    const err = await sdkFailure(http.getJson('/x', Shape));
    expect(err.code).toBe('HTTP_CONNECTION_FAILED');
    expect(err.details['reason']).toBe('ECONNREFUSED');
    expect(String(err.details['url'])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/x$/);
  });

  it('retries GET after a 500 up to the limit, then fails HTTP_STATUS', async () => {
    const s = await serve((_req, res) => sendJson(res, 500, { error: 'boom' }));
    const events: ClientLogEvent[] = [];
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url, retries: 2, log: (e) => events.push(e) });
    const err = await sdkFailure(http.getJson('/x', Shape));
    expect(err.code).toBe('HTTP_STATUS');
    expect(err.details['status']).toBe(500);
    expect(s.requests).toHaveLength(3);
    expect(events.filter((e) => e.event === 'retry')).toHaveLength(2);
  });

  it('recovers when a retry succeeds', async () => {
    let n = 0;
    const s = await serve((_req, res) => (n++ === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { name: 'ok', count: 1 })));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    expect((await http.getJson('/x', Shape)).name).toBe('ok');
    expect(s.requests).toHaveLength(2);
  });

  it('never retries POST', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, {}));
    const http = createHttpClient('desktop-packager', { ...fast, baseUrl: s.url, retries: 5 });
    const err = await sdkFailure(http.postJson('/x', {}, Shape));
    expect(err.code).toBe('HTTP_STATUS');
    expect(s.requests).toHaveLength(1);
  });

  it('does not retry a 404 and hints at the scenario name', async () => {
    const s = await serve((_req, res) => sendJson(res, 404, { error: 'nope' }));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    const err = await sdkFailure(http.getJson('/x', Shape));
    expect(err.details['status']).toBe(404);
    expect(s.requests).toHaveLength(1);
  });

  it('maps an answer that never comes to HTTP_TIMEOUT', async () => {
    // The server holds the request open until the test closes it.
    const s = await serve(() => undefined);
    const http = createHttpClient('analyzer', { ...expectTimeout, baseUrl: s.url });
    expect((await sdkFailure(http.getJson('/x', Shape))).code).toBe('HTTP_TIMEOUT');
  });

  it('maps a body that stalls after the headers to HTTP_TIMEOUT', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"name":');
    });
    const http = createHttpClient('analyzer', { ...expectTimeout, baseUrl: s.url });
    expect((await sdkFailure(http.getJson('/x', Shape))).code).toBe('HTTP_TIMEOUT');
  });

  it('maps text that is not JSON to HTTP_MALFORMED_JSON', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>not json</html>');
    });
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    expect((await sdkFailure(http.getJson('/x', Shape))).code).toBe('HTTP_MALFORMED_JSON');
  });

  it('maps valid JSON of the wrong shape to HTTP_UNEXPECTED_SHAPE with pointers', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { name: 7, count: 'x' }));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    const err = await sdkFailure(http.getJson('/x', Shape));
    expect(err.code).toBe('HTTP_UNEXPECTED_SHAPE');
    const paths = (err.details['issues'] as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['/count', '/name']);
  });

  it('stops reading a streamed body past the cap: HTTP_BODY_TOO_LARGE', async () => {
      const s = await serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let open = true;
      res.on('close', () => (open = false));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('[');
      // Bounded: at most 8 MiB, stops as soon as the client goes away.
      for (let i = 0; i < 128 && open; i++) {
        if (!res.write(chunk)) await drained(res);
      }
      res.end(']');
    });
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url, maxBodyBytes: 256 * 1024 });
    const err = await sdkFailure(http.getJson('/x', Shape));
    expect(err.code).toBe('HTTP_BODY_TOO_LARGE');
    expect(err.details['maxBytes']).toBe(256 * 1024);
  });

  it('fails at once when the declared length is above the cap', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { name: 'x'.repeat(2000), count: 1 }));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url, maxBodyBytes: 1000 });
    expect((await sdkFailure(http.getJson('/x', Shape))).code).toBe('HTTP_BODY_TOO_LARGE');
  });

  it('maps a caller abort to HTTP_ABORTED, before and during the call', async () => {
    // The server never answers and the timeout is far away: only the abort can end the call.
    let arrived: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const s = await serve(() => arrived());
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    const before = new AbortController();
    before.abort();
    expect((await sdkFailure(http.getJson('/x', Shape, { signal: before.signal }))).code).toBe('HTTP_ABORTED');
    const during = new AbortController();
    const pending = http.getJson('/x', Shape, { signal: during.signal });
    // Abort once the request is on the server, so this is an abort during the call, not before it.
    await reached;
    during.abort();
    expect((await sdkFailure(pending)).code).toBe('HTTP_ABORTED');
  });

  it('rejects nonsensical numeric options', () => {
    expect(() => createHttpClient('analyzer', { baseUrl: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => createHttpClient('analyzer', { baseUrl: 'http://127.0.0.1:1', retries: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('hostile bodies', () => {
  it('maps JSON nested deep enough to break a parser to an HTTP_* code, never a raw stack', async () => {
    const depth = 200_000;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('['.repeat(depth) + ']'.repeat(depth));
    });
    const Deep: z.ZodType = z.lazy(() => z.array(Deep));
    const http = createHttpClient('analyzer', { ...fast, baseUrl: s.url });
    const err = await sdkFailure(http.getJson('/x', Deep));
    expect(['HTTP_MALFORMED_JSON', 'HTTP_UNEXPECTED_SHAPE']).toContain(err.code);
  });
});
