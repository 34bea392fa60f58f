import { compareIds } from './graph.ts';
import type { DependencyGraph, NodeId } from './model.ts';

// Graphs are immutable values, so their adjacency lists are built once per
// graph object and shared by every query (callers never mutate the lists).
const SUCCESSORS = new WeakMap<DependencyGraph, Map<NodeId, NodeId[]>>();
const PREDECESSORS = new WeakMap<DependencyGraph, Map<NodeId, NodeId[]>>();

/** Adjacency lists (dependent -> sorted dependencies) of a graph, cached. */
function successors(graph: DependencyGraph): Map<NodeId, NodeId[]> {
  let out = SUCCESSORS.get(graph);
  if (out === undefined) SUCCESSORS.set(graph, (out = buildSuccessors(graph)));
  return out;
}

function buildSuccessors(graph: DependencyGraph): Map<NodeId, NodeId[]> {
  const out = new Map<NodeId, NodeId[]>();
  for (const n of graph.nodes) out.set(n.id, []);
  for (const e of graph.edges) (out.get(e.from) as NodeId[]).push(e.to);
  return out; // edges are sorted by (from, to), so each list is sorted
}

/** Reverse adjacency lists (dependency -> dependents) of a graph, in edge order: reach() sorts what it returns. */
function predecessors(graph: DependencyGraph): Map<NodeId, NodeId[]> {
  let inn = PREDECESSORS.get(graph);
  if (inn !== undefined) return inn;
  inn = new Map<NodeId, NodeId[]>();
  for (const n of graph.nodes) inn.set(n.id, []);
  for (const e of graph.edges) (inn.get(e.to) as NodeId[]).push(e.from);
  PREDECESSORS.set(graph, inn);
  return inn;
}

/**
 * Strongly connected components (Tarjan, iterative), each sorted by id, in
 * reverse topological order of the condensation (dependencies first).
 */
export function stronglyConnectedComponents(graph: DependencyGraph): NodeId[][] {
  const succ = successors(graph);
  const index = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const result: NodeId[][] = [];
  let counter = 0;
  for (const start of graph.nodes) {
    if (index.has(start.id)) continue;
    const work: { v: NodeId; i: number }[] = [{ v: start.id, i: 0 }];
    index.set(start.id, counter);
    low.set(start.id, counter++);
    stack.push(start.id);
    onStack.add(start.id);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { v: NodeId; i: number };
      const next = (succ.get(frame.v) as NodeId[])[frame.i++];
      if (next !== undefined) {
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ v: next, i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.v, Math.min(low.get(frame.v) as number, index.get(next) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.v, Math.min(low.get(parent.v) as number, low.get(frame.v) as number));
      if (low.get(frame.v) === index.get(frame.v)) {
        const comp: NodeId[] = [];
        let w: NodeId;
        do {
          w = stack.pop() as NodeId;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.v);
        result.push(comp.sort(compareIds));
      }
    }
  }
  return result;
}

/** Options for {@link findCycles}. */
export interface FindCyclesOptions {
  /** Stop after this many cycles (elementary cycles can be exponential). Default 1000. */
  readonly limit?: number;
}

/**
 * Every elementary cycle as a closed ordered path of real edges
 * (`['scenario:a', 'scenario:b', 'scenario:a']`), each rotated to start at its
 * smallest id, sorted. Johnson's algorithm, run only inside non-trivial
 * strongly connected components, so acyclic graphs cost one Tarjan pass.
 *
 * @example
 * ```ts
 * findCycles(graph) // [['scenario:a', 'scenario:b', 'scenario:a']]
 * ```
 */
export function findCycles(graph: DependencyGraph, options: FindCyclesOptions = {}): NodeId[][] {
  const limit = options.limit ?? 1000;
  const succ = successors(graph);
  const cycles: NodeId[][] = [];
  // Self loops are elementary cycles of their own, whatever the component size.
  for (const n of graph.nodes) if ((succ.get(n.id) as NodeId[]).includes(n.id)) cycles.push([n.id, n.id]);
  for (const comp of stronglyConnectedComponents(graph)) {
    if (comp.length === 1) continue;
    const members = new Set(comp);
    // Johnson: for each start s (in sorted order), find cycles through s using only nodes >= s.
    for (let si = 0; si < comp.length && cycles.length < limit; si++) {
      const s = comp[si] as NodeId;
      const allowed = new Set(comp.slice(si));
      const blocked = new Set<NodeId>();
      const blockMap = new Map<NodeId, Set<NodeId>>();
      const path: NodeId[] = [s];
      const unblock = (u: NodeId): void => {
        const todo = [u];
        while (todo.length > 0) {
          const x = todo.pop() as NodeId;
          if (!blocked.delete(x)) continue;
          const bs = blockMap.get(x);
          if (bs !== undefined) {
            for (const w of bs) todo.push(w);
            bs.clear();
          }
        }
      };
      const nexts = (v: NodeId): NodeId[] => (succ.get(v) as NodeId[]).filter((w) => members.has(w) && allowed.has(w) && w !== v);
      const frames: { v: NodeId; it: NodeId[]; i: number; found: boolean }[] = [{ v: s, it: nexts(s), i: 0, found: false }];
      blocked.add(s);
      while (frames.length > 0 && cycles.length < limit) {
        const f = frames[frames.length - 1] as { v: NodeId; it: NodeId[]; i: number; found: boolean };
        if (f.i < f.it.length) {
          const w = f.it[f.i++] as NodeId;
          if (w === s) {
            cycles.push([...path, s]);
            f.found = true;
          } else if (!blocked.has(w)) {
            blocked.add(w);
            path.push(w);
            frames.push({ v: w, it: nexts(w), i: 0, found: false });
          }
          continue;
        }
        frames.pop();
        if (f.found) unblock(f.v);
        else for (const w of f.it) {
          let bs = blockMap.get(w);
          if (bs === undefined) blockMap.set(w, (bs = new Set()));
          bs.add(f.v);
        }
        path.pop();
        const parent = frames[frames.length - 1];
        if (parent !== undefined && f.found) parent.found = true;
      }
    }
  }
  return cycles.slice(0, limit).sort((a, b) => compareIds(a.join(' '), b.join(' ')));
}

/**
 * Dependency order: every dependency before its dependents; ties broken by
 * id so the result is deterministic. Members of a cycle are kept together
 * (sorted by id) at the position of their component.
 *
 * @example
 * ```ts
 * dependencyOrder(graph) // ['resource:postgres', 'resource:redis', 'scenario:app']
 * ```
 */
export function dependencyOrder(graph: DependencyGraph): NodeId[] {
  return generations(graph).flat();
}

/**
 * Parallel generations: generation 0 holds nodes with no dependencies,
 * generation k nodes whose dependencies all sit in earlier generations.
 * The generations partition the nodes; a cycle's members share one generation.
 */
export function generations(graph: DependencyGraph): NodeId[][] {
  const comps = stronglyConnectedComponents(graph);
  const compOf = new Map<NodeId, number>();
  comps.forEach((c, i) => c.forEach((id) => compOf.set(id, i)));
  // Tarjan emits components dependencies-first, so one pass computes levels.
  const level = new Array<number>(comps.length).fill(0);
  const succ = successors(graph);
  comps.forEach((comp, ci) => {
    let lv = 0;
    for (const v of comp) {
      for (const w of succ.get(v) as NodeId[]) {
        const cw = compOf.get(w) as number;
        if (cw !== ci) lv = Math.max(lv, (level[cw] as number) + 1);
      }
    }
    level[ci] = lv;
  });
  const out: NodeId[][] = [];
  comps.forEach((comp, ci) => {
    const lv = level[ci] as number;
    while (out.length <= lv) out.push([]);
    for (const item of comp) (out[lv] as NodeId[]).push(item);
  });
  return out.map((g) => g.sort(compareIds));
}

/** Options for {@link dependenciesOf} and {@link dependentsOf}. */
export interface ReachOptions {
  /** Follow edges transitively. Default false (direct only). */
  readonly transitive?: boolean;
}

function reach(adj: Map<NodeId, NodeId[]>, start: NodeId, transitive: boolean): NodeId[] {
  const direct = adj.get(start) ?? [];
  if (!transitive) return [...direct].sort(compareIds);
  const seen = new Set<NodeId>();
  const todo = [...direct];
  while (todo.length > 0) {
    const v = todo.pop() as NodeId;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const w of adj.get(v) ?? []) if (!seen.has(w)) todo.push(w);
  }
  return [...seen].sort(compareIds);
}

/** What `id` depends on (directly, or transitively), sorted by id. */
export function dependenciesOf(graph: DependencyGraph, id: NodeId, options: ReachOptions = {}): NodeId[] {
  return reach(successors(graph), id, options.transitive ?? false);
}

/** Who depends on `id` (directly, or transitively), sorted by id. */
export function dependentsOf(graph: DependencyGraph, id: NodeId, options: ReachOptions = {}): NodeId[] {
  return reach(predecessors(graph), id, options.transitive ?? false);
}

/** Reverse impact of a node: who breaks if it goes, directly and transitively. */
export interface ReverseImpact {
  /** The node asked about. */
  readonly id: NodeId;
  /** Direct dependents. */
  readonly direct: readonly NodeId[];
  /** All transitive dependents (including the direct ones). */
  readonly transitive: readonly NodeId[];
}

/**
 * Who depends on `id`, directly and transitively.
 *
 * @example
 * ```ts
 * reverseImpact(graph, 'resource:postgres').transitive // ['scenario:app', ...]
 * ```
 */
export function reverseImpact(graph: DependencyGraph, id: NodeId): ReverseImpact {
  const pred = predecessors(graph);
  return { id, direct: reach(pred, id, false), transitive: reach(pred, id, true) };
}

/**
 * Transitive closure: for every node, the set of nodes it reaches (its
 * transitive dependencies). Memoized over the condensation, so shared
 * sub-graphs are walked once.
 */
export function transitiveClosure(graph: DependencyGraph): Map<NodeId, ReadonlySet<NodeId>> {
  const comps = stronglyConnectedComponents(graph);
  const succ = successors(graph);
  const compOf = new Map<NodeId, number>();
  comps.forEach((c, i) => c.forEach((id) => compOf.set(id, i)));
  const compReach: Set<NodeId>[] = [];
  comps.forEach((comp, ci) => {
    const r = new Set<NodeId>();
    const cyclic = comp.length > 1 || (succ.get(comp[0] as NodeId) as NodeId[]).includes(comp[0] as NodeId);
    if (cyclic) for (const v of comp) r.add(v);
    for (const v of comp) {
      for (const w of succ.get(v) as NodeId[]) {
        const cw = compOf.get(w) as number;
        if (cw === ci) continue;
        r.add(w);
        for (const x of compReach[cw] as Set<NodeId>) r.add(x);
      }
    }
    compReach[ci] = r;
  });
  const out = new Map<NodeId, ReadonlySet<NodeId>>();
  for (const n of graph.nodes) out.set(n.id, compReach[compOf.get(n.id) as number] as Set<NodeId>);
  return out;
}

const ACYCLIC = new WeakMap<DependencyGraph, boolean>();

/** True when the graph has no cycle (a self loop is a cycle): Kahn's algorithm, once per graph (only the answer is kept). */
export function isAcyclic(graph: DependencyGraph): boolean {
  let acyclic = ACYCLIC.get(graph);
  if (acyclic === undefined) ACYCLIC.set(graph, (acyclic = kahn(graph)));
  return acyclic;
}

function kahn(graph: DependencyGraph): boolean {
  const succ = SUCCESSORS.get(graph) ?? buildSuccessors(graph);
  const indegree = new Map<NodeId, number>();
  for (const n of graph.nodes) indegree.set(n.id, 0);
  for (const e of graph.edges) indegree.set(e.to, (indegree.get(e.to) as number) + 1);
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  let removed = 0;
  while (ready.length > 0) {
    removed++;
    for (const w of succ.get(ready.pop() as NodeId) as NodeId[]) {
      const d = (indegree.get(w) as number) - 1;
      indegree.set(w, d);
      if (d === 0) ready.push(w);
    }
  }
  return removed === graph.nodes.length;
}
