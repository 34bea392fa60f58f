/*
 * The control API on 127.0.0.1 (node:http): `/healthz` answers anyone;
 * everything else needs `Authorization: Bearer <token>` (401 otherwise).
 * Answers are JSON and pass through the redactor, so no secret value leaves.
 *
 *   GET  /healthz                        { ok: true }
 *   GET  /readyz                         { ready, state }          (503 while not ready)
 *   GET  /ports                          { ports: { service: { name: port } } }
 *   GET  /status                         the BundleStatus
 *   GET  /logs/tail?service=&lines=      { service, lines }        (404 for an unknown service)
 *   POST /shutdown                       { stopping: true }        (202; the bundle stops)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAuthorized } from './control-auth.ts';
import type { BundleStatus } from './types.ts';

/** What the control API serves. */
export interface ControlApiSource {
  /** The bearer token. */
  readonly token: string;
  /** Current status. */
  readonly status: () => BundleStatus;
  /** Allocated ports. */
  readonly ports: () => Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Last lines of a service's log, or undefined for an unknown service. */
  readonly tail: (service: string, lines: number) => string[] | undefined;
  /** Starts a graceful stop. */
  readonly shutdown: () => void;
  /** Secret redaction. */
  readonly redact: (text: string) => string;
}

/** Largest `lines` a tail request may ask for. */
export const MAX_TAIL_LINES: number = 1000;

function send(res: ServerResponse, status: number, body: unknown, redact: (t: string) => string): void {
  const text = redact(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Handles one request. */
function handleControlRequest(req: IncomingMessage, res: ServerResponse, source: ControlApiSource): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const r = (status: number, body: unknown): void => send(res, status, body, source.redact);
  if (url.pathname === '/healthz') return r(200, { ok: true });
  if (!isAuthorized(req.headers.authorization, source.token)) {
    res.setHeader('www-authenticate', 'Bearer');
    return r(401, { error: 'unauthorized', hint: 'send Authorization: Bearer <token from the token file>' });
  }
  if (method === 'GET' && url.pathname === '/readyz') {
    const state = source.status().state;
    return r(state === 'ready' ? 200 : 503, { ready: state === 'ready', state });
  }
  if (method === 'GET' && url.pathname === '/ports') return r(200, { ports: source.ports() });
  if (method === 'GET' && url.pathname === '/status') return r(200, source.status());
  if (method === 'GET' && url.pathname === '/logs/tail') {
    const service = url.searchParams.get('service') ?? '';
    const asked = Number(url.searchParams.get('lines') ?? '100');
    const lines = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_TAIL_LINES) : 100;
    const out = source.tail(service, lines);
    if (out === undefined) return r(404, { error: `service ${JSON.stringify(service)} is not in this bundle` });
    return r(200, { service, lines: out });
  }
  if (method === 'POST' && url.pathname === '/shutdown') {
    r(202, { stopping: true });
    source.shutdown();
    return;
  }
  return r(404, { error: `${method} ${url.pathname} is not an endpoint`, endpoints: ['/healthz', '/readyz', '/ports', '/status', '/logs/tail', '/shutdown'] });
}

/** Starts the control API on 127.0.0.1:`port` (0 = any); resolves with the server and its port. */
export function listenControlApi(source: ControlApiSource, port: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      req.resume();
      try {
        handleControlRequest(req, res, source);
      } catch {
        if (!res.headersSent) send(res, 500, { error: 'internal error' }, source.redact);
      }
    });
    server.keepAliveTimeout = 1000;
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : port });
    });
  });
}
