import { inspect } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { z } from 'zod';
import { createHttpClient, redactUrl, type ClientLogEvent } from '../src/index.ts';
import { refusedUrl, sendJson, startLoopback, type Loopback } from './loopback-server.ts';

// A server whose failures echo the Authorization header back, as careless services do.
let server: Loopback;
let refused: string;
beforeAll(async () => {
  server = await startLoopback((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/status') return sendJson(res, 401, { error: `bad credentials ${auth}` });
    if (path === '/malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(`not json ${auth}`);
    }
    if (path === '/shape') return sendJson(res, 200, { name: auth, count: auth });
    return sendJson(res, 500, { error: auth });
  });
  refused = await refusedUrl();
});
afterAll(() => server.close());

const token = fc.stringMatching(/^[A-Za-z0-9._~+/-]{12,64}$/);
const Shape = z.object({ name: z.number(), count: z.number() });

/** Everything an error or a log could expose, as text. */
function exposed(error: unknown, events: readonly ClientLogEvent[]): string {
  const parts = [inspect(error, { depth: 8, showHidden: true }), JSON.stringify(events)];
  if (isSdkError(error)) parts.push(error.message, error.hint ?? '', JSON.stringify(error.toJSON()), JSON.stringify(error.details), inspect(error.cause, { depth: 8 }));
  return parts.join('\n');
}

describe('no token in errors or logs', () => {
  test.prop([token], { numRuns: 60 })('over every failure mode', async (secret) => {
    const events: ClientLogEvent[] = [];
    // The timeout is far beyond a loopback answer: with 500 ms a loaded machine turned an answer into
    // HTTP_TIMEOUT now and then, and the failure codes below no longer matched (seed -117102950).
    const common = { token: secret, timeoutMs: 60_000, retries: 1, backoff: { baseMs: 1, maxMs: 1, random: () => 0 }, log: (e: ClientLogEvent) => events.push(e) };
    const http = createHttpClient('secrets-manager', { ...common, baseUrl: server.url });
    const before = server.requests.length;
    const failures = await Promise.all([
      http.getJson('/status', Shape).catch((e: unknown) => e),
      http.getJson('/malformed', Shape).catch((e: unknown) => e),
      http.getJson('/shape', Shape).catch((e: unknown) => e),
      http.postJson('/boom', { note: 'x' }, Shape).catch((e: unknown) => e),
      createHttpClient('analyzer', { ...common, baseUrl: refused }).getJson('/x', Shape).catch((e: unknown) => e),
    ]);
    // The token did travel (so the check below can fail).
    expect(server.requests.slice(before).every((r) => r.headers.authorization === `Bearer ${secret}`)).toBe(true);
    expect(failures.map((f) => (isSdkError(f) ? f.code : 'not-sdk'))).toEqual(['HTTP_STATUS', 'HTTP_MALFORMED_JSON', 'HTTP_UNEXPECTED_SHAPE', 'HTTP_STATUS', 'HTTP_CONNECTION_FAILED']);
    for (const f of failures) expect(exposed(f, events)).not.toContain(secret);
  });

  test.prop([fc.constantFrom('token', 'api_key', 'access_token', 'X-Signature', 'password', 'client_secret', 'auth'), fc.stringMatching(/^[A-Za-z0-9]{12,40}$/)], { numRuns: 150 })(
    'redactUrl removes credential query values and user info',
    (name, value) => {
      const url = `http://user:${value}@127.0.0.1:8080/api/v1/x?tier=desktop&${encodeURIComponent(name)}=${value}`;
      const shown = redactUrl(url);
      expect(shown).not.toContain(value);
      expect(shown).toContain('tier=desktop');
    },
  );
});
