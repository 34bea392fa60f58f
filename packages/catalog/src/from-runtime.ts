// The deployment facts a resource's own runtime.json states, for a resource
// the catalog has no record of: enough to run it as a service (ports, health),
// never tier facts - fitness keeps calling it unknown.
import type { ResourceSpec } from '@deployment-manager/core/pure';
import type { CatalogEntry, HealthFact, PortFact } from './types.ts';

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ports from runtime.json's `ports` map (`{ "webapp": 8002 }`); names of non-numeric values (`"from_registry"`) are skipped. */
function portsOf(extras: Readonly<Record<string, unknown>>): PortFact[] {
  const ports = extras['ports'];
  if (!isObject(ports)) return [];
  const out: PortFact[] = [];
  for (const [name, value] of Object.entries(ports)) {
    const port = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && Number.isInteger(port) && port >= 1 && port <= 65535) out.push({ name, port, protocol: 'tcp' });
  }
  return out;
}

/** An http health check from `health_check.endpoint` (a path, or a URL whose port names one of the ports), else none. */
function healthOf(extras: Readonly<Record<string, unknown>>, ports: readonly PortFact[]): HealthFact | undefined {
  const check = extras['health_check'];
  const endpoint = isObject(check) && typeof check['endpoint'] === 'string' ? check['endpoint'] : undefined;
  if (endpoint === undefined || ports.length === 0) return undefined;
  const url = /^https?:\/\/[^/:]+(?::(\d+))?(\/[^\s]*)?$/.exec(endpoint);
  const path = url === null ? (endpoint.startsWith('/') ? endpoint : undefined) : (url[2] ?? '/');
  if (path === undefined || !/^\/[\x21-\x7e]*$/.test(path)) return undefined;
  const port = url?.[1] === undefined ? ports[0] : ports.find((p) => p.port === Number(url[1]));
  return port === undefined ? undefined : { type: 'http', port: port.name, path };
}

/**
 * A record for a resource the catalog does not know, from its runtime.json:
 * a supervised service (a daemon) with the ports and http health check the
 * file states, secrets unknown (`null`), no container image. Tier facts are
 * defaults that nobody scores: fitness looks the name up in the catalog and
 * still reports it unknown.
 *
 * @example
 * ```ts
 * factsFromRuntime(workspace.resources.get('airbyte')!).ports; // [{ name: 'webapp', port: 8002, ... }, ...]
 * ```
 */
export function factsFromRuntime(spec: ResourceSpec): CatalogEntry {
  const ports = portsOf(spec.extras);
  const health = healthOf(spec.extras, ports);
  const category = spec.extras['category'];
  return {
    name: spec.name,
    aliases: [],
    description: `${spec.name} (facts from ${spec.file})`,
    category: typeof category === 'string' && category !== '' ? category : 'service',
    daemon: true,
    network: 'local',
    offline: true,
    gpu: 'none',
    ramMb: 256,
    diskMb: 500,
    license: { spdx: 'NOASSERTION', class: 'permissive' },
    platforms: { os: ['linux', 'macos', 'windows'], arch: ['x64', 'arm64'] },
    persistence: 'none',
    provides: [],
    assumedNeeds: [],
    requires: [],
    hosting: 'bundled-service',
    secrets: null,
    ports,
    ...(health === undefined ? {} : { health }),
    compatibleWith: [],
    swaps: [],
  };
}
