// In-memory test data mirroring the real picker-wheel scenario (no ../shared needed).
import { createGraph, nodeId, type DeclaredSecret, type DependencyGraph, type EdgeInput, type NodeId, type ScenarioSpec } from '@deployment-manager/core';

const FILE = 'scenarios/picker-wheel/.vrooli/service.json';

/** A ScenarioSpec with only what the secrets planner reads. */
export function scenarioSpec(name: string, secrets: readonly { name: string; required?: boolean; description?: string }[] = [], envNames: readonly string[] = []): ScenarioSpec {
  const file = `scenarios/${name}/.vrooli/service.json`;
  return {
    name,
    dependencies: [],
    ports: [],
    health: [],
    secrets: secrets.map(
      (s, i): DeclaredSecret => ({ name: s.name, required: s.required ?? true, ...(s.description === undefined ? {} : { description: s.description }), source: { file, path: `/secrets/${i}` } }),
    ),
    envNames,
    file,
    raw: {},
  };
}

/** picker-wheel's spec: no declared secrets, its port variables as env names. */
export const PICKER_WHEEL: ScenarioSpec = { ...scenarioSpec('picker-wheel', [], ['API_PORT', 'UI_PORT']), file: FILE };

/** scenario:picker-wheel -> n8n, ollama (optional), postgres, qdrant, as in its service.json. */
export function pickerWheelGraph(): DependencyGraph {
  const root = nodeId('scenario', 'picker-wheel');
  const dep = (name: string, required = true): EdgeInput => ({ from: root, to: nodeId('resource', name), required, enabled: true, source: { file: FILE, path: `/dependencies/resources/${name}` } });
  return createGraph({ root, policy: 'active', edges: [dep('n8n'), dep('ollama', false), dep('postgres'), dep('qdrant')] });
}

/** A graph where `root` depends on each named resource (required unless listed in `optional`). */
export function graphOf(root: string, resources: readonly string[], optional: readonly string[] = []): DependencyGraph {
  const r = nodeId('scenario', root);
  return createGraph({ root: r, edges: resources.map((name) => ({ from: r, to: nodeId('resource', name), required: !optional.includes(name) })) });
}

/** Replaces one resource by another (edges move, the old node goes): a stand-in for fitness's applySwaps. */
export function swapResource(graph: DependencyGraph, from: string, to: string): DependencyGraph {
  const a: NodeId = nodeId('resource', from);
  const b: NodeId = nodeId('resource', to);
  const move = (id: NodeId): NodeId => (id === a ? b : id);
  return createGraph({
    root: graph.root,
    policy: graph.policy,
    nodes: graph.nodes.filter((n) => n.id !== a).map((n) => ({ id: n.id, defined: n.defined })),
    edges: graph.edges.map((e) => ({ ...e, from: move(e.from), to: move(e.to) })),
  });
}
