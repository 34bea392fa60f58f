/* The dependency graph of a scenario from the analyzer's tree (a deployment report or DAG export), beside the report's loader. */
import type { Diagnostic } from './diagnostics.ts';
import { createGraph, isIncluded, type EdgeInput } from './graph.ts';
import { graphDiagnostic } from './graph-diagnostics.ts';
import { nodeId, type DependencyGraph, type InclusionPolicy, type NodeId } from './model.ts';
import type { ReportDependencyNode } from './parse-deployment-report-types.ts';

/** Options of {@link graphFromAnalyzerTree}. */
export interface GraphFromTreeOptions {
  /** `all` edges (default) or only `active` ones (enabled or required). */
  readonly policy?: InclusionPolicy;
  /** The `required` flag of the root's own edges by node id (e.g. from the analyzer's scan); default true. */
  readonly rootRequired?: ReadonlyMap<NodeId, boolean>;
  /** Label used as `file` in source refs and diagnostics (e.g. the redacted URL). Default `analyzer`. */
  readonly source?: string;
}

/**
 * Builds the same {@link DependencyGraph} as core's `buildGraph` from the
 * analyzer's dependency tree (deployment report or DAG export): the scenario,
 * every dependency once (the tree's repeats merged), edges parent -> child.
 * Phantom nodes (`required`, `optional`, already diagnosed by core's parser)
 * are left out, and so are nodes of unknown type (with a diagnostic). The analyzer does not report `enabled`, so every edge
 * is enabled; `required` comes from `rootRequired` for the root's own edges and
 * defaults to true elsewhere.
 *
 * @example
 * ```ts
 * const graph = graphFromAnalyzerTree('picker-wheel', report.dependencies, { source: 'analyzer' });
 * ```
 */
export function graphFromAnalyzerTree(scenario: string, tree: readonly ReportDependencyNode[], options: GraphFromTreeOptions = {}): DependencyGraph {
  const policy = options.policy ?? 'all';
  const file = options.source ?? 'analyzer';
  const root = nodeId('scenario', scenario);
  const required = options.rootRequired ?? new Map<NodeId, boolean>();
  const edges: EdgeInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = (parent: NodeId, deps: readonly ReportDependencyNode[]): void => {
    for (const dep of deps) {
      // core's parser flagged (and diagnosed) the group keys the predecessor read as dependencies.
      if (dep.phantom) continue;
      const kind = dep.kind;
      if (kind === undefined) {
        diagnostics.push(
          graphDiagnostic('ANALYZER_NODE_TYPE_UNKNOWN', `dependency "${dep.name}" has type "${dep.type}", neither resource nor scenario`, {
            path: dep.pointer,
            file,
            hint: 'the node and its children are left out of the graph',
          }),
        );
        continue;
      }
      const to = nodeId(kind, dep.name);
      const isRequired = parent === root ? (required.get(to) ?? true) : true;
      const edge = { required: isRequired, enabled: true };
      if (!isIncluded(edge, policy)) continue;
      edges.push({ from: parent, to, ...edge, source: { file, path: dep.pointer }, attributes: {} });
      if (dep.children.length > 0) visit(to, dep.children);
    }
  };
  visit(root, tree);
  return createGraph({ root, policy, edges, diagnostics });
}
