import { createServer, type Server } from 'node:net';
import { isSdkError } from '@deployment-manager/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../src/index.ts';

// A server's reason phrase is input like any other: a hostile one (an escape
// sequence, a C1 control read as latin1, a bidirectional override) must reach
// an error message as visible text, never as bytes a terminal would act on.

const REASONS = ['\u001b]0;pwned\u0007Oops', '\u009b2JGone', 'Bad\u202eegassem', 'Not\rFound'];
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
let server: Server;
let url: string;

beforeAll(async () => {
  // Raw bytes on the wire, as no well-behaved HTTP library would write them.
  server = createServer((socket) => {
    socket.once('data', (request) => {
      const index = Number(/GET \/(\d+)/.exec(request.toString('latin1'))?.[1] ?? 0);
      socket.end(Buffer.concat([Buffer.from('HTTP/1.1 502 ', 'latin1'), Buffer.from(REASONS[index] ?? '', 'utf8'), Buffer.from('\r\ncontent-length: 0\r\nconnection: close\r\n\r\n', 'latin1')]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an HTTP status line from a hostile server', () => {
  it.each(REASONS.map((reason, i) => [JSON.stringify(reason), i] as const))('reason %s: a typed error whose message holds no control character', async (_reason, i) => {
    const client = createHttpClient('analyzer', { baseUrl: url, timeoutMs: 5000, retries: 0 });
    const error = await client.getJson(`/${i}`, z.object({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSdkError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).not.toMatch(CONTROL);
  });
});
