import { createGraph, dependencyOrder, parseNodeId, type Diagnostic, type NodeId } from '@deployment-manager/core/pure';
import { asArray, asInt, asObject, asString, finding, type Segments } from './findings.ts';

/** One port the plan hands to a service. */
export interface PortAssignment {
  /** Service id. */
  readonly service: string;
  /** Port name. */
  readonly name: string;
  /** The port the runtime's allocator picks first when nothing else is listening. */
  readonly port: number;
}

/** The first-choice allocation of every requested port, and what stands in its way. */
export interface PortPlan {
  /** Assignments in allocation order (dependencies first, then declaration order). */
  readonly assignments: readonly PortAssignment[];
  /** Range and allocation findings. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Request {
  readonly service: string;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly path: Segments;
}

const inRange = (p: number): boolean => p >= 1 && p <= 65535;

function readRange(value: unknown): { min: number; max: number } | undefined {
  const o = asObject(value);
  const min = asInt(o?.['min']);
  const max = asInt(o?.['max']);
  return min === undefined || max === undefined ? undefined : { min, max };
}

function rangeProblem(r: { min: number; max: number }): string | undefined {
  if (!inRange(r.min) || !inRange(r.max)) return `range ${r.min}-${r.max} is outside 1-65535`;
  if (r.min > r.max) return `range ${r.min}-${r.max} is empty (min > max)`;
  return undefined;
}

function serviceOrder(services: readonly Readonly<Record<string, unknown>>[]): string[] {
  const ids = services.map((s) => asString(s['id'])).filter((id): id is string => id !== undefined);
  if (ids.length === 0) return [];
  const known = new Set(ids);
  const node = (id: string): NodeId => `resource:${id}`;
  const edges = services.flatMap((s) => {
    const id = asString(s['id']);
    if (id === undefined) return [];
    return asArray(s['dependencies']).flatMap((d) => (typeof d === 'string' && known.has(d) ? [{ from: node(id), to: node(d) }] : []));
  });
  const graph = createGraph({ root: node(ids[0] as string), nodes: ids.map((id) => ({ id: node(id) })), edges });
  return dependencyOrder(graph).map((n) => parseNodeId(n).name);
}

/**
 * Plans the ports of a desktop manifest the way its runtime allocates them,
 * but in dependency order: each request takes the lowest port of its range
 * that is not reserved, not the IPC port and not already taken. Checks on the
 * way that every range is sane (inside 1-65535, min <= max, not privileged),
 * inside `ports.default_range`, disjoint from every other range, clear of the
 * IPC port and (warning) of reserved ports, and that every request gets a port.
 * Pure; reads untrusted JSON defensively.
 *
 * @example
 * ```ts
 * planDesktopPorts(manifest).assignments // [{ service: 'sqlite', name: 'sql', port: 47080 }, ...]
 * ```
 */
export function planDesktopPorts(manifest: unknown): PortPlan {
  const root = asObject(manifest) ?? {};
  const out: Diagnostic[] = [];
  const portsRule = asObject(root['ports']);
  let defaultRange = readRange(portsRule?.['default_range']);
  if (defaultRange !== undefined) {
    const problem = rangeProblem(defaultRange);
    if (problem !== undefined) {
      out.push(finding('PORT_RANGE_INVALID', ['ports', 'default_range'], `ports.default_range: ${problem}`, 'use 1 <= min <= max <= 65535'));
      defaultRange = undefined;
    }
  }
  const reserved = new Set<number>();
  asArray(portsRule?.['reserved']).forEach((p, i) => {
    if (typeof p !== 'number') return;
    if (!inRange(p)) out.push(finding('PORT_INVALID', ['ports', 'reserved', i], `reserved port ${p} is outside 1-65535`, 'remove it'));
    else reserved.add(p);
  });
  const ipc = asInt(asObject(root['ipc'])?.['port']);
  if (ipc !== undefined && ipc > 65535) out.push(finding('PORT_INVALID', ['ipc', 'port'], `ipc.port ${ipc} is outside 1-65535`, 'pick a loopback port below 65536'));

  const services = asArray(root['services']).flatMap((s) => {
    const o = asObject(s);
    return o === undefined ? [] : [o];
  });
  const requests: Request[] = [];
  asArray(root['services']).forEach((s, si) => {
    const svc = asObject(s);
    const service = asString(svc?.['id']);
    asArray(asObject(svc?.['ports'])?.['requested']).forEach((r, ri) => {
      const name = asString(asObject(r)?.['name']);
      const range = readRange(asObject(r)?.['range']);
      const path = ['services', si, 'ports', 'requested', ri, 'range'];
      if (service === undefined || name === undefined || range === undefined) return;
      const label = `${service}.${name}`;
      const problem = rangeProblem(range);
      if (problem !== undefined) {
        out.push(finding('PORT_RANGE_INVALID', path, `${label}: ${problem}`, 'use 1 <= min <= max <= 65535'));
        return;
      }
      if (range.min < 1024) out.push(finding('PORT_RANGE_PRIVILEGED', path, `${label}: range ${range.min}-${range.max} reaches below 1024`, 'use ports above 1023 so no privileges are needed'));
      if (defaultRange !== undefined && (range.min < defaultRange.min || range.max > defaultRange.max)) {
        out.push(finding('PORT_RANGE_OUTSIDE_DEFAULT', path, `${label}: range ${range.min}-${range.max} is not inside ports.default_range ${defaultRange.min}-${defaultRange.max}`, 'move the range inside default_range or widen default_range'));
      }
      const covered = [...reserved].filter((p) => p >= range.min && p <= range.max).sort((a, b) => a - b);
      if (covered.length > 0) out.push(finding('PORT_RANGE_COVERS_RESERVED', path, `${label}: range ${range.min}-${range.max} contains reserved port(s) ${covered.join(', ')}`, 'move the range away from reserved ports'));
      if (ipc !== undefined && !reserved.has(ipc) && ipc >= range.min && ipc <= range.max) {
        out.push(finding('PORT_RANGE_COVERS_IPC', path, `${label}: range ${range.min}-${range.max} contains the IPC port ${ipc}`, 'move the range, or list the IPC port under ports.reserved'));
      }
      requests.push({ service, name, min: range.min, max: range.max, path });
    });
  });
  for (let i = 0; i < requests.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = requests[j] as Request;
      const b = requests[i] as Request;
      if (a.min <= b.max && b.min <= a.max) {
        out.push(finding('PORT_RANGE_OVERLAP', b.path, `${b.service}.${b.name} range ${b.min}-${b.max} overlaps ${a.service}.${a.name} range ${a.min}-${a.max}`, 'give every port request its own range'));
      }
    }
  }
  const taken = new Set<number>(reserved);
  if (ipc !== undefined) taken.add(ipc);
  const assignments: PortAssignment[] = [];
  for (const id of serviceOrder(services)) {
    for (const r of requests.filter((q) => q.service === id)) {
      let port: number | undefined;
      for (let p = r.min; p <= r.max; p++) {
        if (!taken.has(p)) {
          port = p;
          break;
        }
      }
      if (port === undefined) {
        out.push(finding('PORT_UNALLOCATABLE', r.path, `${r.service}.${r.name}: no free port left in ${r.min}-${r.max} (reserved, IPC and earlier allocations take them all)`, 'widen the range or move it'));
        continue;
      }
      taken.add(port);
      assignments.push({ service: r.service, name: r.name, port });
    }
  }
  return { assignments, diagnostics: out };
}
