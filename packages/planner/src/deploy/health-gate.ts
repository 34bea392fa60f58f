/*
 * The health gate of a release: the runtime's own verdict (its control API
 * `/status` says `ready` once every service passed its readiness check),
 * then smoke checks from outside the supervisor - each service's HTTP or
 * TCP health on the port the runtime allocated, reached through the same
 * tunnel as the control API on a server.
 */
import type { DesktopManifest } from '@deployment-manager/bundle';
import { isSdkError } from '@deployment-manager/core';
import type { SmokeCheck } from '@deployment-manager/packager-vps';
import type { BundleStatus } from '@deployment-manager/runtime';
import { verify, type SmokeResult } from '../verify.ts';
import type { DeployHost } from './deploy-host.ts';
import { openHostControl, type HostControl } from './host-control.ts';

/** What a health gate saw. */
export interface GateResult {
  /** True when the runtime says ready and no critical smoke check failed. */
  readonly ok: boolean;
  /** The last status the control API gave. */
  readonly status?: BundleStatus;
  /** Why it failed (lower-case sentence). */
  readonly reason?: string;
  /** The smoke checks, when the runtime got ready. */
  readonly smoke: readonly SmokeResult[];
}

/** Options of {@link healthGate}. */
export interface GateOptions {
  /** How long the runtime may take to get ready (default 120 s). */
  readonly timeoutMs?: number;
  /** Pause between two status polls (default 500 ms). */
  readonly pollMs?: number;
}

/**
 * The smoke checks of a desktop manifest: one per HTTP or TCP health check
 * on a named port (`<service>.health`). The port is the port name's; the
 * runtime decides the number. Pure.
 */
export function bundleSmokeChecks(manifest: DesktopManifest): SmokeCheck[] {
  const out: SmokeCheck[] = [];
  for (const s of manifest.services) {
    const h = s.health;
    if ((h.type !== 'http' && h.type !== 'tcp') || h.port_name === undefined) continue;
    out.push({ name: `${s.id}.health`, service: s.id, kind: h.type, port: 0, ...(h.type === 'http' ? { path: h.path ?? '/' } : {}), timeoutMs: h.timeout_ms ?? 5000, expect: h.type === 'http' ? [200, 400] : [0, 0], critical: s.critical !== false });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Runs the smoke checks against a running bundle: each service's port from
 * the status, forwarded through the host control (a tunnel on a server).
 */
export async function smokeRunning(control: HostControl, manifest: DesktopManifest, status: BundleStatus): Promise<readonly SmokeResult[]> {
  const checks = bundleSmokeChecks(manifest);
  const portOf = (c: SmokeCheck): number | undefined => {
    const service = manifest.services.find((s) => s.id === c.service);
    const name = service?.health.port_name;
    return name === undefined ? undefined : status.services.find((s) => s.id === c.service)?.ports[name];
  };
  const ports = [...new Set(checks.map(portOf).filter((p): p is number => p !== undefined))];
  const local = await control.forward(ports);
  const urls = Object.fromEntries(checks.flatMap((c) => {
    const p = portOf(c);
    const l = p === undefined ? undefined : local.get(p);
    return l === undefined ? [] : [[c.service, `http://127.0.0.1:${l}`]];
  }));
  return (await verify(checks, { urls })).results;
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the release on `host` is ready (bounded), then smoke-checks
 * it. Never throws for an unhealthy release: `ok` is false with a reason
 * (the runtime failed, stopped answering, or did not get ready in time; a
 * critical smoke check failed).
 *
 * @example
 * ```ts
 * const gate = await healthGate(host, manifest, { timeoutMs: 60_000 });
 * if (!gate.ok) console.log(gate.reason);
 * ```
 */
export async function healthGate(host: DeployHost, manifest: DesktopManifest, options: GateOptions = {}): Promise<GateResult> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const poll = options.pollMs ?? 500;
  let control: HostControl;
  try {
    control = await openHostControl(host);
  } catch (error) {
    return { ok: false, reason: isSdkError(error) ? error.message : String(error), smoke: [] };
  }
  try {
    let silent = 0;
    let last: BundleStatus | undefined;
    for (;;) {
      try {
        const res = await control.client.request('GET', '/status');
        silent = 0;
        last = res.body as BundleStatus;
        if (last.state === 'ready') break;
        if (last.state === 'failed' || last.state === 'stopped' || last.state === 'stopping') return { ok: false, status: last, reason: `the runtime is ${last.state}${last.reason === null ? '' : `: ${last.reason}`}`, smoke: [] };
      } catch (error) {
        if (!isSdkError(error, 'RUNTIME_NOT_RUNNING')) throw error;
        // A supervisor that gave up removes its control file and exits: its api stops answering.
        if (++silent >= 6) return { ok: false, ...(last === undefined ? {} : { status: last }), reason: 'the runtime stopped answering (it exited: see the telemetry)', smoke: [] };
      }
      if (Date.now() > deadline) {
        const waiting = last?.services.filter((s) => s.state !== 'ready').map((s) => `${s.id} ${s.state}`).join(', ');
        return { ok: false, ...(last === undefined ? {} : { status: last }), reason: `health timeout: not ready within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s${waiting ? ` (${waiting})` : ''}`, smoke: [] };
      }
      await wait(poll);
    }
    const smoke = await smokeRunning(control, manifest, last);
    const failed = smoke.filter((r) => r.status === 'failed' && r.critical);
    return failed.length === 0 ? { ok: true, status: last, smoke } : { ok: false, status: last, reason: `smoke check(s) failed: ${failed.map((f) => `${f.name} (${f.detail})`).join('; ')}`, smoke };
  } finally {
    control.close();
  }
}
