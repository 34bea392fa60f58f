import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../src/index.ts';
import { sdkFailure, sendJson, serveEachTest, startLoopback } from './loopback-server.ts';

const Shape = z.object({ ok: z.boolean() });
// A timeout no loopback answer comes near, even on a loaded machine: these tests are about redirects, not timeouts.
const fast = { timeoutMs: 60_000, retries: 0 } as const;
const serve = serveEachTest();
const redirect = (res: Parameters<Parameters<typeof startLoopback>[0]>[1], to: string, status = 302): void => {
  res.writeHead(status, { location: to });
  res.end();
};

describe('redirects', () => {
  it('follows a same-origin redirect', async () => {
    const s = await serve((req, res) => (req.url === '/old' ? redirect(res, '/new') : sendJson(res, 200, { ok: true })));
    await expect(createHttpClient('analyzer', { baseUrl: s.url, ...fast }).getJson('/old', Shape)).resolves.toEqual({ ok: true });
  });

  it('refuses a redirect to another origin by default, naming it, and never sends the token there', async () => {
    const other = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const s = await serve((_req, res) => redirect(res, `${other.url.replace('127.0.0.1', 'localhost')}/steal`));
    const error = await sdkFailure(createHttpClient('analyzer', { baseUrl: s.url, token: 'tok-123', ...fast }).getJson('/x', Shape));
    expect(error.code).toBe('HTTP_REDIRECT_REFUSED');
    expect(other.requests).toEqual([]);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('tok-123');
  });

  it('follows another origin when allowed, without the Authorization header', async () => {
    const other = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const s = await serve((_req, res) => redirect(res, `${other.url.replace('127.0.0.1', 'localhost')}/x`));
    const client = createHttpClient('analyzer', { baseUrl: s.url, token: 'tok-123', followCrossOriginRedirects: true, ...fast });
    await expect(client.getJson('/x', Shape)).resolves.toEqual({ ok: true });
    expect(other.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('names a redirect loop and a redirect chain past the limit as HTTP_REDIRECT_LOOP, not a connection failure', async () => {
    const s = await serve((req, res) => (req.url === '/a' ? redirect(res, '/b') : req.url === '/b' ? redirect(res, '/a') : redirect(res, `/n${Number(req.url?.slice(2) ?? 0) + 1}`)));
    const client = createHttpClient('analyzer', { baseUrl: s.url, ...fast });
    const loop = await sdkFailure(client.getJson('/a', Shape));
    expect(loop.code).toBe('HTTP_REDIRECT_LOOP');
    expect(loop.message).toContain('loop');
    expect((await sdkFailure(client.getJson('/n0', Shape))).code).toBe('HTTP_REDIRECT_LOOP');
  });
});
