import { createGraph, didYouMean, findCycles, parseNodeId, type Diagnostic, type NodeId } from '@deployment-manager/core/pure';
import { finding } from './findings.ts';
import type { ServiceView } from './manifest-view.ts';

const node = (id: string): NodeId => `resource:${id}`;

/**
 * Ids unique, dependencies that exist, no dependency cycle (each cycle
 * reported once with its ordered path), port names unique per service and
 * every health/readiness `port_name` declared.
 */
export function checkReferences(views: readonly ServiceView[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (v.id === undefined) continue;
    if (seen.has(v.id)) out.push(finding('SERVICE_ID_DUPLICATE', [...v.path, 'id'], `service id "${v.id}" is used twice`, 'give every service a unique id'));
    seen.add(v.id);
  }
  const ids = [...seen].sort();
  const edges: { from: NodeId; to: NodeId }[] = [];
  for (const v of views) {
    for (const dep of v.dependencies) {
      if (!seen.has(dep.value)) {
        out.push(
          finding('DEPENDENCY_UNKNOWN', dep.path, `service "${v.id ?? '?'}" depends on "${dep.value}", which is not a service of the manifest`, didYouMean(dep.value, ids) ?? `declared services: ${ids.join(', ')}`),
        );
      } else if (v.id !== undefined) {
        edges.push({ from: node(v.id), to: node(dep.value) });
      }
    }
    const names = new Set<string>();
    for (const p of v.ports) {
      if (names.has(p.value)) out.push(finding('PORT_NAME_DUPLICATE', p.path, `service "${v.id ?? '?'}" declares port "${p.value}" twice`, 'port names must be unique within a service'));
      names.add(p.value);
    }
    for (const ref of v.portRefs) {
      if (!names.has(ref.value)) {
        out.push(
          finding('PORT_NAME_UNKNOWN', ref.path, `port_name "${ref.value}" is not a port of service "${v.id ?? '?'}"`, names.size === 0 ? 'declare the port under the service\'s ports' : `declared ports: ${[...names].join(', ')}`),
        );
      }
    }
  }
  if (edges.length > 0 && ids.length > 0) {
    const graph = createGraph({ root: node(ids[0] as string), nodes: ids.map((id) => ({ id: node(id) })), edges });
    for (const cycle of findCycles(graph)) {
      const names = cycle.map((n) => parseNodeId(n).name);
      const first = views.find((v) => v.id === names[0]);
      out.push(
        finding('DEPENDENCY_CYCLE', first === undefined ? [] : [...first.path, 'dependencies'], `services depend on each other in a cycle: ${names.join(' -> ')}`, 'remove one dependency of the cycle so the services can start in order'),
      );
    }
  }
  return out;
}
