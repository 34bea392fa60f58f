// Real HTTP servers on 127.0.0.1 (port 0) for the integration tests; nothing here reaches beyond loopback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSdkError, type SdkError } from '@deployment-manager/core';
import { afterEach } from 'vitest';

/** A request as the server saw it. */
interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A running loopback server. */
export interface Loopback {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: SeenRequest[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** A route handler: gets the request (with its body read) and writes the answer. */
export type Handler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>;

/** Starts a server on 127.0.0.1, port 0. */
export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      Promise.resolve(handler(seen, res)).catch(() => {
        if (!res.headersSent) res.writeHead(599);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A `startLoopback` for one test file: every server it starts is closed after the test that
 * started it (call it once at the top level of the file).
 */
export function serveEachTest(): (handler: Handler) => Promise<Loopback> {
  let servers: Loopback[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  return async (handler) => {
    const s = await startLoopback(handler);
    servers.push(s);
    return s;
  };
}

/** The URL of a loopback port where nothing listens (a server is started and closed). */
export async function refusedUrl(): Promise<string> {
  const probe = await startLoopback((_req, res) => {
    res.end();
  });
  await probe.close();
  return probe.url;
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Waits until the answer can take more data, or the client went away. */
export function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The SdkError `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function sdkFailure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (error) {
    if (isSdkError(error)) return error;
    throw new Error(`expected an SdkError, got ${String(error)}`);
  }
  throw new Error('expected a failure');
}
