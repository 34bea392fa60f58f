import type { DependencyEdge, DependencyGraph, NodeId } from '@deployment-manager/core/pure';
import type { NodeRole } from './types.ts';

/** Rank of a role: required 2, optional 1, disabled 0; -1 means not reached. */
export type RoleRank = -1 | 0 | 1 | 2;

/** The roles by rank. */
export const ROLE_BY_RANK: readonly NodeRole[] = ['disabled', 'optional', 'required'];

/** Rank of an edge: required edges 2 (even when disabled: they are active), enabled 1, disabled 0. */
export function edgeRank(edge: Pick<DependencyEdge, 'required' | 'enabled'>): RoleRank {
  return edge.required ? 2 : edge.enabled ? 1 : 0;
}

/**
 * The role of every node reached from the root: the best path wins, and a
 * path is as weak as its weakest edge (a required dependency of an optional
 * dependency is optional). Nodes in `excluded` (what-if toggles) and
 * everything reached only through them are left out. Works on cyclic graphs.
 *
 * @example
 * ```ts
 * computeRanks(graph).get('resource:postgres'); // 2 (required)
 * ```
 */
export function computeRanks(graph: DependencyGraph, excluded: ReadonlySet<NodeId> = new Set()): Map<NodeId, RoleRank> {
  const out = new Map<NodeId, { to: NodeId; rank: RoleRank }[]>();
  for (const e of graph.edges) {
    let list = out.get(e.from);
    if (list === undefined) out.set(e.from, (list = []));
    list.push({ to: e.to, rank: edgeRank(e) });
  }
  const rank = new Map<NodeId, RoleRank>();
  if (excluded.has(graph.root)) return rank;
  rank.set(graph.root, 2);
  // Ranks only rise and are bounded by 2, so each node is re-queued at most three times.
  const work: NodeId[] = [graph.root];
  while (work.length > 0) {
    const u = work.pop() as NodeId;
    const ru = rank.get(u) as RoleRank;
    for (const { to, rank: er } of out.get(u) ?? []) {
      if (excluded.has(to)) continue;
      const candidate = Math.min(ru, er) as RoleRank;
      if (candidate > (rank.get(to) ?? -1)) {
        rank.set(to, candidate);
        work.push(to);
      }
    }
  }
  return rank;
}
