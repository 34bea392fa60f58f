import { fc } from '@fast-check/vitest';
import { createGraph, type DependencyGraph, type EdgeInput, type NodeId } from '@deployment-manager/core';

/** An in-memory graph that mirrors picker-wheel's declared dependencies (all four required, enabled). */
export function pickerWheel(): DependencyGraph {
  return createGraph({
    root: 'scenario:picker-wheel',
    edges: ['n8n', 'ollama', 'postgres', 'qdrant'].map((r) => ({ from: 'scenario:picker-wheel' as NodeId, to: `resource:${r}` as NodeId })),
  });
}

/** Catalog names plus a few the catalog does not know. */
export const NAMES: readonly string[] = [
  'postgres', 'redis', 'qdrant', 'ollama', 'n8n', 'minio', 'browserless', 'claude-code', 'vault', 'whisper', 'sqlite', 'openrouter',
  'comfyui', 'judge0', 'windmill', 'keycloak', 'searxng', 'mystery-db', 'homegrown-queue',
];

/** A random acyclic graph: node i may depend on node j > i; node 0 is the root scenario. */
export const dagArb: fc.Arbitrary<{ root: NodeId; nodes: NodeId[]; edges: EdgeInput[] }> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 10 })
  .chain((names) => {
    const nodes: NodeId[] = ['scenario:app', ...names.map((n, i): NodeId => (i % 5 === 4 ? `scenario:${n}` : `resource:${n}`))];
    const pairs: [number, number][] = [];
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) pairs.push([i, j]);
    return fc
      .subarray(pairs, { minLength: 0 })
      .chain((chosen) =>
        fc.tuple(...chosen.map(() => fc.record({ required: fc.boolean(), enabled: fc.boolean() })), fc.constant(0)).map((flags) => {
          const edges: EdgeInput[] = chosen.map(([i, j], k) => ({ from: nodes[i] as NodeId, to: nodes[j] as NodeId, ...(flags[k] as { required: boolean; enabled: boolean }) }));
          // As buildGraph produces them: the root reaches every node (a node nobody depends on hangs off the root, optional).
          const depended = new Set(edges.map((e) => e.to));
          for (const id of nodes.slice(1)) if (!depended.has(id)) edges.push({ from: nodes[0] as NodeId, to: id, required: false, enabled: true });
          return { root: nodes[0] as NodeId, nodes, edges };
        }),
      );
  });

/** Builds the graph of a {@link dagArb} value. */
export function graphOf(d: { root: NodeId; nodes: NodeId[]; edges: EdgeInput[] }): DependencyGraph {
  return createGraph({ root: d.root, nodes: d.nodes.map((id) => ({ id })), edges: d.edges });
}
