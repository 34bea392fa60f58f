/*
 * Port allocation on 127.0.0.1: every requested port, in dependency order,
 * takes the lowest port of its range that is not reserved, not the IPC port,
 * not already handed out and that can really be bound right now. A port that
 * something else holds is skipped (and reported), never fatal; only a range
 * with nothing left is.
 */
import { createServer } from 'node:net';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { SdkError } from '@deployment-manager/core';

/** True when a listener can bind `port` on 127.0.0.1 now. */
export function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port that was in range but taken. */
export interface SkippedPort {
  /** Service id. */
  readonly service: string;
  /** Port name. */
  readonly name: string;
  /** The port skipped. */
  readonly port: number;
}

/** Allocated ports and the ones skipped on the way. */
export interface PortAllocation {
  /** `{ service: { port_name: port } }`. */
  readonly ports: Record<string, Record<string, number>>;
  /** Taken ports that were passed over. */
  readonly skipped: readonly SkippedPort[];
}

/**
 * Allocates every requested port of `manifest` for services in `order`.
 * Throws `PORT_UNAVAILABLE` naming the request whose range is exhausted.
 *
 * @example
 * ```ts
 * const { ports } = await allocatePorts(manifest, ['sqlite', 'api', 'ui']);
 * ports.api.http // 47040, or the next free one
 * ```
 */
export async function allocatePorts(manifest: DesktopManifest, order: readonly string[], bind: (port: number) => Promise<boolean> = canBind): Promise<PortAllocation> {
  const taken = new Set<number>([...(manifest.ports?.reserved ?? []), manifest.ipc.port]);
  const ports: Record<string, Record<string, number>> = {};
  const skipped: SkippedPort[] = [];
  const byId = new Map(manifest.services.map((s) => [s.id, s]));
  for (const id of order) {
    const service = byId.get(id);
    for (const request of service?.ports?.requested ?? []) {
      let chosen: number | undefined;
      for (let p = request.range.min; p <= request.range.max && chosen === undefined; p++) {
        if (taken.has(p)) continue;
        if (await bind(p)) chosen = p;
        else skipped.push({ service: id, name: request.name, port: p });
      }
      if (chosen === undefined) {
        throw new SdkError('PORT_UNAVAILABLE', `no free port for ${id}.${request.name} in ${request.range.min}-${request.range.max}`, {
          hint: 'stop what holds those ports (another copy of the app?) or widen the range',
          details: { service: id, name: request.name, min: request.range.min, max: request.range.max },
        });
      }
      taken.add(chosen);
      (ports[id] ??= {})[request.name] = chosen;
    }
  }
  return { ports, skipped };
}

/**
 * The next port for `service.name` after another process took the one it was
 * given between the allocator's probe and the service's listen: the lowest port
 * of the same request's range that is not reserved, not the IPC port, not held
 * by another service of `ports`, not in `avoid` (ports lost before) and can be
 * bound now. Undefined when the range has none left.
 *
 * @example
 * ```ts
 * const next = await reallocatePort(manifest, ports, 'api', 'http', new Set([47010])); // 47011
 * ```
 */
export async function reallocatePort(
  manifest: DesktopManifest,
  ports: Readonly<Record<string, Readonly<Record<string, number>>>>,
  service: string,
  name: string,
  avoid: ReadonlySet<number>,
  bind: (port: number) => Promise<boolean> = canBind,
): Promise<number | undefined> {
  const request = manifest.services.find((s) => s.id === service)?.ports?.requested?.find((r) => r.name === name);
  if (request === undefined) return undefined;
  const taken = new Set<number>([...(manifest.ports?.reserved ?? []), manifest.ipc.port, ...avoid, ...Object.values(ports).flatMap((p) => Object.values(p))]);
  for (let p = request.range.min; p <= request.range.max; p++) {
    if (!taken.has(p) && (await bind(p))) return p;
  }
  return undefined;
}
