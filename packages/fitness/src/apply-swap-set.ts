// A set of swaps applied to a scoring state inside a trial, with the meaning
// planSwaps gives it on the graph, so a what-if score of a swap set is the
// score of the swapped graph without building it.
import type { NodeId } from '@deployment-manager/core/pure';
import { requirementEdges } from './apply-swaps.ts';
import type { Catalog } from '@deployment-manager/catalog';
import { resolveEntry, type ScoringState } from './scoring-state.ts';

/** One swap as the scoring state applies it: node ids, `to` always `resource:<catalog name>`. */
export interface NodeSwap {
  /** The node replaced. */
  readonly from: NodeId;
  /** The node replacing it. */
  readonly to: NodeId;
}

/**
 * Applies a set of swaps at once to a scoring state, inside one of its
 * trials, the way `planSwaps` applies them to the graph: every replaced node
 * drops out (with what only it reached), its dependents depend on its
 * replacement instead, and the replacements' catalog requirements come in
 * (themselves replaced when the set swaps them out). `present` holds the
 * graph's reached nodes. The set must be valid for `resolveSwaps`: one
 * replacement per node, no replacement that is itself replaced.
 */
export function applySwapSet(state: ScoringState, catalog: Catalog, present: ReadonlySet<NodeId>, swaps: readonly NodeSwap[]): void {
  const addResource = (id: NodeId): void => {
    const name = id.slice('resource:'.length);
    if (!state.has(id)) state.addNode({ id, kind: 'resource', name, defined: false }, resolveEntry(catalog, { kind: 'resource', name }));
  };
  for (const s of swaps) addResource(s.to);
  // Every drop before any move: ranks can be lowered soundly only before edges are added.
  for (const s of swaps) state.setExcluded(s.from, true);
  for (const s of swaps) state.moveDependents(s.from, s.to);
  const replace = new Map(swaps.map((s) => [s.from, s.to]));
  for (const r of requirementEdges(catalog, swaps.map((s) => s.to), replace, present)) {
    addResource(r.to);
    state.addEdge(r.from, r.to, 2);
  }
}
