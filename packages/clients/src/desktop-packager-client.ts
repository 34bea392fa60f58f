import { SdkError } from '@deployment-manager/core';
import { signalOf } from './analyzer-client.ts';
import type { CallOptions, ClientOptions } from './client-options.ts';
import { desktopBuildStartedSchema, desktopBuildStatusSchema, type DesktopBuildStarted, type DesktopBuildStatus } from './desktop-wire.ts';
import { createHttpClient } from './http.ts';
import { redactUrl } from './redact.ts';

/** What to generate: the scenario, its validated bundle manifest, and the platforms. */
export interface DesktopGenerateRequest {
  /** Scenario name. */
  readonly scenario: string;
  /** Path of the bundle manifest (`bundle.json`) as the packager sees it. */
  readonly manifestPath: string;
  /** Platforms to build (`win`, `mac`, `linux`). */
  readonly platforms: readonly string[];
  /** `bundled` (default) or `external-server`. */
  readonly deploymentMode?: string;
  /** Template (default: the packager's). */
  readonly templateType?: string;
}

/** Where a build stands, emitted after each poll. */
export interface DesktopBuildProgress {
  /** Build id. */
  readonly buildId: string;
  /** `running`, `succeeded` or `failed`. */
  readonly phase: 'running' | 'succeeded' | 'failed';
  /** Raw status. */
  readonly status: string;
  /** Status per platform. */
  readonly platforms: Readonly<Record<string, string>>;
  /** Platforms finished (success or failure). */
  readonly done: number;
  /** Platforms requested (at least the ones reported). */
  readonly total: number;
  /** Poll number (1-based). */
  readonly poll: number;
}

/** Options of {@link DesktopPackagerClient.waitForBuild}. */
export interface WaitOptions extends CallOptions {
  /** Delay between polls in milliseconds (default 2000). */
  readonly intervalMs?: number;
  /** Give up after this many milliseconds overall (`HTTP_TIMEOUT`; default 30 minutes). */
  readonly timeoutMs?: number;
  /** Called after every poll. */
  readonly onProgress?: (progress: DesktopBuildProgress) => void;
}

/** The last status of a finished build and its outcome. */
export interface DesktopBuildResult {
  /** `succeeded` or `failed`. */
  readonly phase: 'succeeded' | 'failed';
  /** The last status reported. */
  readonly status: DesktopBuildStatus;
  /** Polls made. */
  readonly polls: number;
}

/** Typed client of the predecessor's desktop packager (scenario-to-desktop). */
export interface DesktopPackagerClient {
  /** The resolved base URL. */
  readonly baseUrl: string;
  /** `POST /api/v1/desktop/generate/quick` (never retried). */
  generate(request: DesktopGenerateRequest, options?: CallOptions): Promise<DesktopBuildStarted>;
  /** `GET /api/v1/desktop/status/{id}`. */
  status(buildId: string, options?: CallOptions): Promise<DesktopBuildStatus>;
  /** Polls the status until the build succeeds or fails, emitting progress. */
  waitForBuild(buildId: string, options?: WaitOptions): Promise<DesktopBuildResult>;
  /** {@link DesktopPackagerClient.generate} then {@link DesktopPackagerClient.waitForBuild}. */
  generateAndWait(request: DesktopGenerateRequest, options?: WaitOptions): Promise<DesktopBuildResult>;
}

const SUCCEEDED = new Set(['ready', 'completed', 'complete', 'success', 'succeeded', 'done']);
const FAILED = new Set(['failed', 'failure', 'error', 'cancelled', 'canceled']);
const PLATFORM_DONE = new Set([...SUCCEEDED, ...FAILED, 'skipped']);

/** The phase of a raw packager status. */
export function buildPhase(status: string): DesktopBuildProgress['phase'] {
  const s = status.trim().toLowerCase();
  return SUCCEEDED.has(s) ? 'succeeded' : FAILED.has(s) ? 'failed' : 'running';
}

/** The progress event of one status answer. */
export function buildProgress(status: DesktopBuildStatus, poll: number): DesktopBuildProgress {
  const platforms: Record<string, string> = {};
  for (const p of status.platforms) platforms[p] = 'pending';
  for (const [p, r] of Object.entries(status.platformResults)) platforms[p] = r.status;
  const names = Object.keys(platforms).sort();
  const sorted: Record<string, string> = {};
  for (const n of names) sorted[n] = platforms[n] as string;
  return {
    buildId: status.buildId,
    phase: buildPhase(status.status),
    status: status.status,
    platforms: sorted,
    done: names.filter((n) => PLATFORM_DONE.has((platforms[n] as string).toLowerCase())).length,
    total: names.length,
    poll,
  };
}

/**
 * Creates the desktop-packager client. Base URL from `baseUrl` or `DESKTOP_PACKAGER_URL`.
 *
 * @example
 * ```ts
 * const desktop = createDesktopPackagerClient();
 * const result = await desktop.generateAndWait(
 *   { scenario: 'picker-wheel', manifestPath: '/abs/bundle.json', platforms: ['linux', 'win'] },
 *   { onProgress: (p) => console.log(`${p.done}/${p.total} ${p.status}`) },
 * );
 * ```
 */
export function createDesktopPackagerClient(options: ClientOptions = {}): DesktopPackagerClient {
  const http = createHttpClient('desktop-packager', options);
  const generate = async (request: DesktopGenerateRequest, call: CallOptions = {}): Promise<DesktopBuildStarted> => {
    if (request.platforms.length === 0 || request.manifestPath.trim() === '') {
      throw new SdkError('INVALID_ARGUMENT', `desktop generation of "${request.scenario}" needs a manifest path and at least one platform`, { hint: 'pass manifestPath and platforms, e.g. ["linux"]' });
    }
    const body = {
      scenario_name: request.scenario,
      deployment_mode: request.deploymentMode ?? 'bundled',
      bundle_manifest_path: request.manifestPath,
      platforms: [...request.platforms],
      ...(request.templateType === undefined ? {} : { template_type: request.templateType }),
    };
    return http.postJson('/api/v1/desktop/generate/quick', body, desktopBuildStartedSchema, signalOf(call));
  };
  const status = async (buildId: string, call: CallOptions = {}): Promise<DesktopBuildStatus> => {
    if (buildId.trim() === '') throw new SdkError('INVALID_ARGUMENT', 'build id is empty', { hint: 'pass the buildId that generate returned' });
    const schema = desktopBuildStatusSchema.refine((s) => s.buildId === buildId, { path: ['build_id'], message: 'the answer is about another build' });
    return http.getJson(`/api/v1/desktop/status/${encodeURIComponent(buildId)}`, schema, signalOf(call));
  };
  const waitForBuild = async (buildId: string, wait: WaitOptions = {}): Promise<DesktopBuildResult> => {
    const intervalMs = wait.intervalMs ?? 2000;
    const timeoutMs = wait.timeoutMs ?? 30 * 60_000;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = wait.signal === undefined ? deadline.signal : AbortSignal.any([wait.signal, deadline.signal]);
    const url = redactUrl(`${http.baseUrl}/api/v1/desktop/status/${encodeURIComponent(buildId)}`);
    try {
      for (let poll = 1; ; poll++) {
        let current: DesktopBuildStatus;
        try {
          current = await status(buildId, { signal });
        } catch (error) {
          if (deadline.signal.aborted && wait.signal?.aborted !== true) throw pollTimeout(buildId, timeoutMs, poll, url);
          throw error;
        }
        const progress = buildProgress(current, poll);
        options.log?.({ level: 'debug', service: 'desktop-packager', event: 'poll', method: 'GET', url, message: `build ${buildId}: ${progress.status} (${progress.done}/${progress.total})` });
        wait.onProgress?.(progress);
        if (progress.phase !== 'running') return { phase: progress.phase, status: current, polls: poll };
        if (!(await sleep(intervalMs, signal))) {
          if (wait.signal?.aborted === true) {
            throw new SdkError('HTTP_ABORTED', `waiting for desktop build "${buildId}" was aborted`, { hint: 'the build may still be running in the packager', details: { service: 'desktop-packager', url, polls: poll } });
          }
          throw pollTimeout(buildId, timeoutMs, poll, url);
        }
      }
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    baseUrl: http.baseUrl,
    generate,
    status,
    waitForBuild,
    generateAndWait: async (request, wait = {}) => {
      const started = await generate(request, signalOf(wait));
      return waitForBuild(started.buildId, wait);
    },
  };
}

function pollTimeout(buildId: string, timeoutMs: number, polls: number, url: string): SdkError {
  return new SdkError('HTTP_TIMEOUT', `desktop build "${buildId}" did not finish within ${timeoutMs} ms`, {
    hint: 'raise the wait timeout; the build may still finish in the packager',
    details: { service: 'desktop-packager', url, timeoutMs, polls },
  });
}

/** Waits `ms`; resolves false (early) when the signal fires. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
