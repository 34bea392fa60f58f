import type { DependencyGraph, DeploymentReport, NodeId } from '@deployment-manager/core/pure';
import { VROOLI_BLOCKER_THRESHOLD, VROOLI_CLASSES, VROOLI_RULES, VROOLI_TIERS, type VrooliTier } from './vrooli-classes.ts';

/** One tier's support of a dependency, as the predecessor reports it. */
export interface VrooliTierSupport {
  /** Supported flag, when stated. */
  readonly supported?: boolean;
  /** Fitness 0..1, when stated. */
  readonly fitnessScore?: number;
  /** Why not. */
  readonly reason?: string;
  /** Advice. */
  readonly notes?: string;
  /** Suggested replacements. */
  readonly alternatives?: readonly string[];
}

/** A node of the predecessor's dependency tree (a scenario appears once per occurrence). */
export interface VrooliTreeNode {
  /** Dependency name as declared. */
  readonly name: string;
  /** `resource` or `scenario`. */
  readonly type: string;
  /** Per-tier support; absent when the predecessor had none (scenarios without deployment metadata). */
  readonly tierSupport?: Readonly<Record<string, VrooliTierSupport>>;
  /** Nested dependencies of a scenario node. */
  readonly children: readonly VrooliTreeNode[];
}

/**
 * Anything shaped like a tree node: a {@link VrooliTreeNode}, or core's
 * `ReportDependencyNode` from a parsed deployment report.
 */
export interface VrooliTreeLike {
  /** Dependency name. */
  readonly name: string;
  /** `resource` or `scenario`. */
  readonly type?: string;
  /** Per-tier support, keyed by tier id. */
  readonly tierSupport?: Readonly<Partial<Record<string, VrooliTierSupport>>>;
  /** Nested dependencies. */
  readonly children: readonly VrooliTreeLike[];
}

/** The predecessor's per-tier aggregate. */
export interface VrooliAggregate {
  /** Mean fitness over tree occurrences that state the tier, 0..1. */
  readonly fitnessScore: number;
  /** Number of such occurrences. */
  readonly dependencyCount: number;
  /** Names of occurrences below the threshold or unsupported, sorted, distinct. */
  readonly blockers: readonly string[];
}

/**
 * The predecessor's tier support for a resource name: class by exact name,
 * then the first matching row of the per-tier decision table.
 *
 * @example
 * ```ts
 * vrooliTierSupport('postgres').desktop; // { supported: true, fitnessScore: 0.6 }
 * ```
 */
export function vrooliTierSupport(name: string): Record<VrooliTier, VrooliTierSupport> {
  const normalized = name.trim().toLowerCase();
  const cls = VROOLI_CLASSES[normalized] ?? { class: 'service', heavy: false };
  const out = {} as Record<VrooliTier, VrooliTierSupport>;
  for (const tier of VROOLI_TIERS) {
    const rule = VROOLI_RULES[tier].find((r) => (r.classes === undefined || r.classes.includes(cls.class)) && (r.heavy === undefined || r.heavy === cls.heavy));
    if (rule === undefined) continue;
    out[tier] = {
      supported: rule.supported,
      fitnessScore: rule.score,
      ...(rule.reason === undefined ? {} : { reason: rule.reason }),
      ...(rule.notes === undefined ? {} : { notes: rule.notes }),
      ...(rule.alternatives === undefined ? {} : { alternatives: rule.alternatives.map((a) => a.replace('{name}', normalized)) }),
    };
  }
  return out;
}

/** Options of {@link vrooliTreeFromGraph}. */
export interface VrooliTreeOptions {
  /**
   * The subtree of a scenario the workspace does not define (for instance,
   * taken from the predecessor report, which saw the full workspace); without
   * it such a scenario is a leaf.
   */
  readonly external?: (scenario: string) => readonly VrooliTreeLike[] | undefined;
}

/**
 * Expands a graph into the predecessor's tree: from the root, each scenario's
 * resources (sorted) then its scenarios (sorted), recursively, a scenario
 * already on the current path becoming a leaf (its cycle guard). Resource to
 * resource edges are not followed (the predecessor never read runtime.json),
 * so build the graph with the `all` policy for parity. Resources get the
 * predecessor's inferred tier support; scenarios get none.
 *
 * @example
 * ```ts
 * vrooliTreeFromGraph(buildGraph(ws, 'picker-wheel', { policy: 'all' })).map((n) => n.name); // ['n8n', 'ollama', 'postgres', 'qdrant']
 * ```
 */
export function vrooliTreeFromGraph(graph: DependencyGraph, options: VrooliTreeOptions = {}): VrooliTreeNode[] {
  const out = new Map<NodeId, NodeId[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'scenario-resource' && e.kind !== 'scenario-scenario') continue;
    let list = out.get(e.from);
    if (list === undefined) out.set(e.from, (list = []));
    list.push(e.to);
  }
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const expand = (id: NodeId, path: Set<NodeId>): VrooliTreeNode[] =>
    (out.get(id) ?? []).map((to) => {
      const node = nodes.get(to) as { name: string; defined: boolean };
      const name = node.name;
      if (to.startsWith('resource:')) return { name, type: 'resource', tierSupport: vrooliTierSupport(name), children: [] };
      if (path.has(to)) return { name, type: 'scenario', children: [] };
      const external = node.defined ? undefined : options.external?.(name);
      if (external !== undefined) return { name, type: 'scenario', children: external.map(copyTree) };
      return { name, type: 'scenario', children: expand(to, new Set([...path, to])) };
    });
  return expand(graph.root, new Set([graph.root]));
}

function copyTree(n: VrooliTreeLike): VrooliTreeNode {
  const tierSupport = n.tierSupport === undefined ? undefined : (Object.fromEntries(Object.entries(n.tierSupport).filter(([, v]) => v !== undefined)) as Record<string, VrooliTierSupport>);
  return { name: n.name, type: n.type ?? 'resource', ...(tierSupport === undefined || Object.keys(tierSupport).length === 0 ? {} : { tierSupport }), children: n.children.map(copyTree) };
}

/**
 * The predecessor's aggregates: for each tier, the mean fitness over every
 * tree occurrence that states the tier (a scenario reached twice counts its
 * dependencies twice), the count, and the blockers (unsupported or below
 * {@link VROOLI_BLOCKER_THRESHOLD}). Sums run in tree order, as the predecessor's did.
 *
 * @example
 * ```ts
 * vrooliAggregates(vrooliTreeFromGraph(graph)).desktop?.fitnessScore; // 0.675 for picker-wheel
 * ```
 */
export function vrooliAggregates(tree: readonly VrooliTreeLike[]): Record<string, VrooliAggregate> {
  const acc = new Map<string, { count: number; sum: number; blockers: Set<string> }>();
  const walk = (nodes: readonly VrooliTreeLike[]): void => {
    for (const n of nodes) {
      for (const [tier, s] of Object.entries(n.tierSupport ?? {})) {
        if (s === undefined) continue;
        let a = acc.get(tier);
        if (a === undefined) acc.set(tier, (a = { count: 0, sum: 0, blockers: new Set() }));
        a.count++;
        if (s.fitnessScore !== undefined) a.sum += s.fitnessScore;
        if (s.supported === false || (s.fitnessScore !== undefined && s.fitnessScore < VROOLI_BLOCKER_THRESHOLD)) a.blockers.add(n.name);
      }
      walk(n.children);
    }
  };
  walk(tree);
  return Object.fromEntries(
    [...acc].sort(([a], [b]) => (a < b ? -1 : 1)).map(([tier, a]) => [tier, { fitnessScore: a.sum / a.count, dependencyCount: a.count, blockers: [...a.blockers].sort() }]),
  );
}

/**
 * The `aggregates` of a predecessor report (as parsed by core's
 * `parseDeploymentReport`) as {@link VrooliAggregate}s, for comparison with
 * {@link vrooliAggregates}. Its tree is `report.dependencies`, which
 * {@link vrooliAggregates} accepts as is.
 */
export function vrooliReportAggregates(report: Pick<DeploymentReport, 'aggregates'>): Record<string, VrooliAggregate> {
  const out: Record<string, VrooliAggregate> = {};
  for (const [tier, a] of Object.entries(report.aggregates)) {
    if (a === undefined) continue;
    out[tier] = { fitnessScore: a.fitnessScore, dependencyCount: a.dependencyCount, blockers: [...new Set(a.blockingDependencies)].sort() };
  }
  return out;
}

/** Whether two aggregate maps agree: same tiers, counts and blocker sets, scores within `tolerance`. */
export function sameAggregates(a: Readonly<Record<string, VrooliAggregate>>, b: Readonly<Record<string, VrooliAggregate>>, tolerance = 1e-9): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return false;
  return ka.every((t) => {
    const x = a[t] as VrooliAggregate;
    const y = b[t] as VrooliAggregate;
    return Math.abs(x.fitnessScore - y.fitnessScore) <= tolerance && x.dependencyCount === y.dependencyCount && x.blockers.join('\u0000') === y.blockers.join('\u0000');
  });
}
