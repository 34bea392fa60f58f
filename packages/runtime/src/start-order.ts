/*
 * Start order: the dependency generations of core (parallel within one),
 * each split further by the Vrooli `startup_order` a service's metadata
 * carries (lower first; services without one start last in their
 * generation). A wave starts only when the previous one is ready; shutdown
 * walks the waves backwards.
 */
import type { DesktopManifest, DesktopService } from '@deployment-manager/bundle';
import { createGraph, generations, parseNodeId, type NodeId } from '@deployment-manager/core';

/** Per-service policy read from the manifest, with the runtime's defaults. */
export interface ServicePolicy {
  /** Whether the bundle fails when this service gives up (absent `critical` means true). */
  readonly critical: boolean;
  /** Restarts allowed: `metadata.recovery_attempts`, else the default. */
  readonly recoveryAttempts: number;
  /** Readiness timeout: `readiness.timeout_ms`, else `metadata.startup_timeout` seconds, else the default. */
  readonly readinessTimeoutMs: number;
  /** `metadata.startup_order`, when a number. */
  readonly startupOrder: number | undefined;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** The {@link ServicePolicy} of one service. */
export function servicePolicy(service: DesktopService, defaults: { readonly recoveryAttempts: number; readonly readinessTimeoutMs: number }): ServicePolicy {
  const meta = service.metadata ?? {};
  const attempts = num(meta['recovery_attempts']);
  const startupTimeout = num(meta['startup_timeout']);
  return {
    critical: service.critical !== false,
    recoveryAttempts: attempts === undefined ? defaults.recoveryAttempts : Math.floor(attempts),
    readinessTimeoutMs: service.readiness.timeout_ms ?? (startupTimeout === undefined ? defaults.readinessTimeoutMs : startupTimeout * 1000),
    startupOrder: num(meta['startup_order']),
  };
}

const node = (id: string): NodeId => `resource:${id}`;

/**
 * The waves services start in: dependency generations (from core's
 * `generations`), each split by ascending `startup_order`.
 *
 * @example
 * ```ts
 * startWaves(manifest) // [['sqlite'], ['api'], ['ui']]
 * ```
 */
export function startWaves(manifest: DesktopManifest): string[][] {
  const ids = manifest.services.map((s) => s.id);
  const known = new Set(ids);
  const edges = manifest.services.flatMap((s) => (s.dependencies ?? []).filter((d) => known.has(d)).map((d) => ({ from: node(s.id), to: node(d) })));
  const graph = createGraph({ root: node(ids[0] as string), nodes: ids.map((id) => ({ id: node(id) })), edges });
  const order = new Map(manifest.services.map((s) => [s.id, num(s.metadata?.['startup_order']) ?? Number.POSITIVE_INFINITY]));
  const waves: string[][] = [];
  for (const generation of generations(graph)) {
    const byOrder = new Map<number, string[]>();
    for (const id of generation.map((n) => parseNodeId(n).name)) {
      const o = order.get(id) as number;
      byOrder.set(o, [...(byOrder.get(o) ?? []), id]);
    }
    for (const o of [...byOrder.keys()].sort((a, b) => a - b)) waves.push(byOrder.get(o) as string[]);
  }
  return waves;
}
