// The local server behind `deployment-manager ui`: serves the built page and
// a small JSON API (the workspace, deployment plans, packaging jobs) on
// 127.0.0.1 only, to requests that carry the random token and our Host.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleScenario } from '@deployment-manager/bundle';
import { SdkError, isSdkError, loadWorkspace, type InclusionPolicy } from '@deployment-manager/core';
import { BUILTIN_ENVIRONMENTS, TARGET_IDS, planDeployment } from '@deployment-manager/planner';
import { createPackageJobs } from './package-jobs.ts';
import { allowedHosts, checkRequest } from './request-guard.ts';
import { defaultAppLocation, ensureAppBuilt } from './app-build.ts';
import { loadStaticAssets } from './static-assets.ts';
import { parsePackageRequest, parsePlanRequest, type AssemblyRequest } from './ui-requests.ts';
import type { UiSession } from './wire-types.ts';
import { workspaceToWire } from './workspace-wire.ts';

/** Options of {@link startUiServer}. */
export interface UiServerOptions {
  /** Workspace root (a Vrooli checkout, a flat folder or a compact file). */
  readonly root: string;
  /** The scenario the page opens on; the page offers a picker without it. */
  readonly scenario?: string;
  /** Graph inclusion policy (default `active`, as assembly uses). */
  readonly policy?: InclusionPolicy;
  /** Where packaging jobs write (default a new temporary directory). */
  readonly outDir?: string;
  /** The built page (default `dist/app` of this package). */
  readonly appDir?: string;
  /** Port on 127.0.0.1 (default 0: a free one). */
  readonly port?: number;
  /** Progress lines (the page's first build in a clone); default silent. */
  readonly log?: (line: string) => void;
}

/** A running UI server. */
export interface UiServer {
  /** The URL to open: `http://127.0.0.1:<port>/<token>/`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Where packaging jobs write. */
  readonly outDir: string;
  /** Stops listening and ends open event streams. */
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

// Scripts only from this server: the page's schema validators are precompiled, so nothing
// needs eval; everything else is 'self' or nothing.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function sendError(res: ServerResponse, error: unknown): void {
  if (isSdkError(error)) {
    const status = error.code === 'SCENARIO_NOT_FOUND' || error.code === 'NODE_NOT_FOUND' ? 404 : 400;
    sendJson(res, status, { error: { code: error.code, message: error.message, hint: error.hint ?? null } });
    return;
  }
  sendJson(res, 500, { error: { code: 'INTERNAL', message: 'the server failed on this request', hint: 'see the terminal running deployment-manager ui' } });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new SdkError('INVALID_ARGUMENT', 'the request body must be application/json', { hint: 'send JSON with Content-Type: application/json' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SdkError('INVALID_ARGUMENT', `the request body is over ${MAX_BODY} bytes`, { hint: 'send a smaller request' });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', 'the request body is not valid JSON', { hint: 'send a JSON object', cause });
  }
}

/**
 * Starts the UI server on 127.0.0.1 with a fresh random token. The workspace
 * is loaded once; the page computes graphs, scores, cascades, secret plans
 * and manifests itself and asks the server only for deployment plans and
 * packaging. In a source checkout without a built page it builds the page
 * first (vite, once). Throws `SCENARIO_NOT_FOUND` when `scenario` is not in the
 * workspace and `FILE_UNREADABLE` when the page is not built.
 *
 * @example
 * ```ts
 * const server = await startUiServer({ root: 'examples/end-to-end/workspace', scenario: 'recipe-hub' });
 * console.log(server.url); // http://127.0.0.1:41234/3q2...Xw/
 * ```
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  // Bad input fails before the page is built (which can take a while in a fresh clone).
  const workspace = loadWorkspace(options.root);
  const scenarios = [...workspace.scenarios.keys()].sort();
  if (options.scenario !== undefined && !workspace.scenarios.has(options.scenario)) {
    throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${options.scenario}" is not in the workspace at ${options.root}`, {
      hint: scenarios.length === 0 ? 'check --root' : `pick one of ${scenarios.slice(0, 10).join(', ')}${scenarios.length > 10 ? ', ...' : ''}`,
    });
  }
  let appDir = options.appDir;
  if (appDir === undefined) {
    const location = defaultAppLocation();
    await ensureAppBuilt(location, options.log);
    appDir = location.appDir;
  }
  const assets = loadStaticAssets(appDir);
  const policy = options.policy ?? 'active';
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'deployment-manager-ui-'));
  const token = randomBytes(24).toString('base64url');
  const session: UiSession = {
    scenario: options.scenario ?? null,
    scenarios,
    policy,
    root: workspace.root,
    planTargets: TARGET_IDS,
    environments: Object.keys(BUILTIN_ENVIRONMENTS),
  };
  const wire = JSON.stringify(workspaceToWire(workspace));
  const jobs = createPackageJobs(workspace, outDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const assemble = (request: AssemblyRequest): ReturnType<typeof assembleScenario> => {
    if (!workspace.scenarios.has(request.scenario)) throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${request.scenario}" is not in the workspace`, { hint: 'pick a scenario from the list' });
    return assembleScenario(workspace, request.scenario, { tier: request.tier, swaps: request.swaps, policy });
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
      sendJson(res, 403, { error: { code: 'INVALID_ARGUMENT', message: 'cross-origin requests are refused', hint: 'use the page the server printed' } });
      return;
    }
    if (req.method === 'GET' && path === '/api/session') return sendJson(res, 200, session);
    if (req.method === 'GET' && path === '/api/workspace') return send(res, 200, 'application/json; charset=utf-8', wire);
    if (req.method === 'POST' && path === '/api/plan') {
      const request = parsePlanRequest(await readJsonBody(req));
      const { result, swapped, secretPlan } = assemble(request);
      const version = (result.manifest as { app?: { version?: unknown } } | null)?.app?.version;
      const plan = planDeployment({
        scenario: request.scenario,
        version: typeof version === 'string' ? version : '0.0.0',
        tier: request.tier,
        environment: request.environment,
        target: request.target,
        manifest: result.manifest,
        graph: swapped,
        secretPlan,
        providedSecrets: [],
      });
      return sendJson(res, 200, plan);
    }
    if (req.method === 'POST' && path === '/api/package') {
      const request = parsePackageRequest(await readJsonBody(req));
      if (!workspace.scenarios.has(request.scenario)) throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${request.scenario}" is not in the workspace`, { hint: 'pick a scenario from the list' });
      return sendJson(res, 202, { job: jobs.start(request) });
    }
    const events = /^\/api\/package\/(\d{1,9})\/events$/.exec(path);
    if (req.method === 'GET' && events !== null) return streamJob(res, events[1] as string);
    sendJson(res, 404, { error: { code: 'INVALID_ARGUMENT', message: `no ${req.method ?? ''} ${path} here`, hint: 'the page knows the routes' } });
  };

  // Server-sent events: what happened so far, then each new event until the job ends.
  const streamJob = (res: ServerResponse, id: string): void => {
    const known = jobs.events(id, -1);
    if (known === undefined) return sendJson(res, 404, { error: { code: 'INVALID_ARGUMENT', message: `no packaging job ${id}`, hint: 'start one with POST api/package' } });
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8' });
    streams.add(res);
    const write = (e: unknown): boolean => res.write(`data: ${JSON.stringify(e)}\n\n`);
    const finish = (): void => {
      streams.delete(res);
      res.end();
    };
    known.events.forEach(write);
    if (known.finished) return finish();
    const unsubscribe = jobs.subscribe(id, (e) => {
      write(e);
      if (e.stage === 'done' || e.stage === 'failed') {
        unsubscribe();
        finish();
      }
    });
    res.on('close', unsubscribe);
  };

  const server = createServer((req, res) => {
    const verdict = checkRequest({ host: req.headers.host, url: req.url ?? '/' }, { token, port });
    if (verdict.ok === false) return send(res, verdict.status, 'text/plain; charset=utf-8', `${verdict.reason}\n`);
    if (verdict.ok === 'redirect') {
      res.writeHead(308, { ...SECURITY_HEADERS, location: verdict.location });
      res.end();
      return;
    }
    if (verdict.path.startsWith('/api/')) {
      api(req, res, verdict.path).catch((error: unknown) => sendError(res, error));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET here\n');
    const asset = assets.get(verdict.path === '/' ? '/index.html' : verdict.path);
    if (asset === undefined) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    send(res, 200, asset.type, asset.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    outDir,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
