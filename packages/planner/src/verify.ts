import { connect } from 'node:net';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';
import type { SmokeCheck } from '@deployment-manager/packager-vps';

/** Where {@link verify} sends its probes. */
export interface VerifyTargets {
  /** Base URL per service id (`http://127.0.0.1:8080`); checks of services without one are skipped. */
  readonly urls: Readonly<Record<string, string>>;
  /** Public base URL for `ingress` checks; without it they are skipped. */
  readonly publicUrl?: string;
}

/** The outcome of one smoke check. */
export interface SmokeResult {
  /** Check name. */
  readonly name: string;
  /** `passed`, `failed`, or `skipped` (no URL for it). */
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Whether the check is critical. */
  readonly critical: boolean;
  /** HTTP status, for HTTP checks that got an answer. */
  readonly httpStatus?: number;
  /** Why it failed or was skipped (lower-case sentence). */
  readonly detail: string;
}

/** What {@link verify} found, with the seeds' success or failure shape. */
export interface VerifyReport {
  /** `success` when no critical check failed, `error` otherwise. */
  readonly status: 'success' | 'error';
  /** One result per check, in check order. */
  readonly results: readonly SmokeResult[];
  /** Names of the failed checks. */
  readonly failed: readonly string[];
  /** One `verify`-stage finding per failed check. */
  readonly findings: readonly PlanDiagnostic[];
}

async function probeHttp(url: string, check: SmokeCheck): Promise<Omit<SmokeResult, 'name' | 'critical'>> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(check.timeoutMs), redirect: 'manual' });
    await res.body?.cancel();
    const ok = res.status >= check.expect[0] && res.status < check.expect[1];
    return { status: ok ? 'passed' : 'failed', httpStatus: res.status, detail: ok ? `http ${res.status}` : `http ${res.status} from ${url} (expected ${check.expect[0]}..${check.expect[1] - 1})` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { status: 'failed', detail: timedOut ? `no answer from ${url} within ${check.timeoutMs} ms` : `cannot reach ${url}` };
  }
}

function probeTcp(base: string, check: SmokeCheck): Promise<Omit<SmokeResult, 'name' | 'critical'>> {
  let host: string;
  let port: number;
  try {
    const u = new URL(base);
    host = u.hostname.replace(/^\[|\]$/g, '');
    port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  } catch {
    return Promise.resolve({ status: 'failed', detail: `"${base}" is not a url` });
  }
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: Omit<SmokeResult, 'name' | 'critical'>): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(check.timeoutMs, () => done({ status: 'failed', detail: `tcp ${host}:${port} did not accept within ${check.timeoutMs} ms` }));
    socket.once('connect', () => done({ status: 'passed', detail: `tcp ${host}:${port} open` }));
    socket.once('error', () => done({ status: 'failed', detail: `tcp ${host}:${port} refused` }));
  });
}

const join = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;

/**
 * Runs smoke checks against live URLs (the impure edge of the planner):
 * HTTP checks GET `<service url><path>` and pass on an expected status,
 * TCP checks connect to the URL's host and port, ingress checks GET
 * `<publicUrl><path>`. Checks run one after another; none retries.
 *
 * @example
 * ```ts
 * const report = await verify(deriveSmokeChecks(manifest), { urls: { api: 'http://127.0.0.1:8080' } });
 * if (report.status === 'error') console.error(report.findings[0]?.message);
 * ```
 */
export async function verify(checks: readonly SmokeCheck[], targets: VerifyTargets): Promise<VerifyReport> {
  const results: SmokeResult[] = [];
  for (const check of checks) {
    const base = check.kind === 'ingress' ? targets.publicUrl : Object.hasOwn(targets.urls, check.service) ? targets.urls[check.service] : undefined;
    if (base === undefined) {
      results.push({ name: check.name, status: 'skipped', critical: check.critical, detail: check.kind === 'ingress' ? 'no public url given' : `no url given for service "${check.service}"` });
      continue;
    }
    const outcome = check.kind === 'tcp' ? await probeTcp(base, check) : await probeHttp(join(base, check.path ?? '/'), check);
    results.push({ name: check.name, critical: check.critical, ...outcome });
  }
  const failedResults = results.filter((r) => r.status === 'failed');
  const findings = failedResults.map((r) =>
    planDiagnostic('SMOKE_CHECK_FAILED', `smoke check ${r.name} failed: ${r.detail}`, {
      hint: `inspect the logs of the service behind ${r.name}; roll back to the previous release if it does not recover`,
      severity: r.critical ? 'error' : 'warning',
    }),
  );
  return { status: failedResults.some((r) => r.critical) ? 'error' : 'success', results, failed: failedResults.map((r) => r.name), findings };
}
