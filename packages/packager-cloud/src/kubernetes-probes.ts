import type { CloudService, HealthCheck } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import { note } from './notes.ts';
import { probeSeconds } from './quantities.ts';

type Probe = Record<string, unknown>;

const portOf = (service: CloudService, name: string | undefined): number => (service.ports ?? []).find((p) => p.name === name)?.container_port ?? 0;

function handler(service: CloudService, h: HealthCheck): Probe | undefined {
  if (h.type === 'http') return { httpGet: { path: h.path ?? '/', port: portOf(service, h.port_name) } };
  if (h.type === 'tcp') return { tcpSocket: { port: portOf(service, h.port_name) } };
  if (h.type === 'command') return { exec: { command: [...(h.command ?? [])] } };
  return undefined;
}

function timing(h: HealthCheck, at: readonly (string | number)[], id: string, notes: PackagerNote[]): Probe {
  const odd = [h.interval_ms, h.timeout_ms].some((ms) => ms !== undefined && ms % 1000 !== 0);
  if (odd) notes.push(note('emulated', 'kubernetes.probes', `probe timing of "${id}" is rounded up to whole seconds`, at));
  return {
    ...(h.interval_ms === undefined ? {} : { periodSeconds: probeSeconds(h.interval_ms) }),
    ...(h.timeout_ms === undefined ? {} : { timeoutSeconds: probeSeconds(h.timeout_ms) }),
    ...(h.retries === undefined ? {} : { failureThreshold: Math.max(1, h.retries) }),
  };
}

/** The probes of a service's container: liveness from `health`, readiness from `readiness`, startup from the readiness timeout. */
export interface ServiceProbes {
  /** Liveness probe. */
  readonly livenessProbe?: Probe;
  /** Readiness probe. */
  readonly readinessProbe?: Probe;
  /** Startup probe. */
  readonly startupProbe?: Probe;
}

const STARTUP_PERIOD_SECONDS = 5;

/**
 * Maps health and readiness onto Kubernetes probes: http/tcp/command health
 * is the liveness probe; `health_success` readiness reuses it, `port_open`
 * is a tcpSocket probe; a readiness `timeout_ms` becomes a startup probe
 * that allows that long before liveness counts. Log matching has no probe
 * (a `lost` note); `dependencies_ready` is the init containers' job.
 */
export function serviceProbes(service: CloudService, i: number, notes: PackagerNote[]): ServiceProbes {
  const at = ['services', i];
  const h = service.health;
  const live = h === undefined ? undefined : handler(service, h);
  if (h !== undefined && live === undefined) notes.push(note('lost', 'kubernetes.probes', `Kubernetes cannot probe by matching log lines; "${service.id}" has no liveness probe`, [...at, 'health']));
  const liveness = live === undefined || h === undefined ? undefined : { ...live, ...timing(h, [...at, 'health'], service.id, notes) };
  const r = service.readiness;
  let readiness: Probe | undefined;
  if (r?.type === 'health_success') {
    readiness = liveness;
    if (readiness === undefined) notes.push(note('lost', 'kubernetes.readiness', `"${service.id}" is ready when its health check succeeds, but it has no health check Kubernetes can run; it counts as ready once started`, [...at, 'readiness']));
  } else if (r?.type === 'port_open') {
    readiness = { tcpSocket: { port: portOf(service, r.port_name) } };
  } else if (r?.type === 'log_match') {
    notes.push(note('lost', 'kubernetes.readiness', `Kubernetes cannot wait for a log line; "${service.id}" counts as ready once started`, [...at, 'readiness']));
  }
  let startup: Probe | undefined;
  if (r?.timeout_ms !== undefined) {
    const probe = readiness ?? liveness;
    if (probe === undefined) {
      notes.push(note('lost', 'kubernetes.readiness', `the readiness timeout of "${service.id}" needs a probe to time; it has none`, [...at, 'readiness', 'timeout_ms']));
    } else {
      const { periodSeconds: _p, timeoutSeconds: _t, failureThreshold: _f, ...rest } = probe;
      startup = { ...rest, periodSeconds: STARTUP_PERIOD_SECONDS, failureThreshold: Math.max(1, Math.ceil(r.timeout_ms / (STARTUP_PERIOD_SECONDS * 1000))) };
      notes.push(note('emulated', 'kubernetes.readiness', `the readiness timeout of "${service.id}" is a startup probe allowing ${Math.max(1, Math.ceil(r.timeout_ms / 5000)) * 5} s`, [...at, 'readiness', 'timeout_ms']));
    }
  }
  return {
    ...(liveness === undefined ? {} : { livenessProbe: liveness }),
    ...(readiness === undefined ? {} : { readinessProbe: readiness }),
    ...(startup === undefined ? {} : { startupProbe: startup }),
  };
}
