import {
  createGraph,
  isIncluded,
  nodeId,
  type DependencyGraph,
  type Diagnostic,
  type EdgeInput,
  type InclusionPolicy,
  type NodeId,
  type ReportDependencyNode,
} from '@deployment-manager/core';
import type { AnalyzerAnalysis } from './analyzer-analysis.ts';
import { clientDiagnostic } from './diagnostic-codes.ts';

/** Options of {@link graphFromAnalyzerTree}. */
export interface GraphFromTreeOptions {
  /** `all` edges (default) or only `active` ones (enabled or required). */
  readonly policy?: InclusionPolicy;
  /** The analyzer's scan of the root scenario: gives the `required` flag of the root's edges. */
  readonly analysis?: AnalyzerAnalysis;
  /** Label used as `file` in source refs and diagnostics (e.g. the redacted URL). Default `analyzer`. */
  readonly source?: string;
}

/**
 * Builds the same {@link DependencyGraph} as core's `buildGraph` from the
 * analyzer's dependency tree (deployment report or DAG export): the scenario,
 * every dependency once (the tree's repeats merged), edges parent -> child.
 * Phantom nodes (`required`, `optional`, already diagnosed by core's parser)
 * are left out, and so are nodes of unknown type (with a diagnostic). The analyzer does not report `enabled`, so every edge
 * is enabled; `required` comes from `analysis` for the root's own edges and
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
  const required = requiredFlags(options.analysis);
  const edges: EdgeInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const visit = (parent: NodeId, deps: readonly ReportDependencyNode[]): void => {
    for (const dep of deps) {
      // core's parser flagged (and diagnosed) the group keys the predecessor read as dependencies.
      if (dep.phantom) continue;
      const kind = dep.kind;
      if (kind === undefined) {
        diagnostics.push(
          clientDiagnostic('ANALYZER_NODE_TYPE_UNKNOWN', `dependency "${dep.name}" has type "${dep.type}", neither resource nor scenario`, {
            path: dep.pointer,
            file,
            hint: 'the node and its children are left out of the graph',
          }),
        );
        continue;
      }
      const to = nodeId(kind, dep.name);
      const isRequired = parent === root ? (required.get(`${kind}:${dep.name}`) ?? true) : true;
      const edge = { required: isRequired, enabled: true };
      if (!isIncluded(edge, policy)) continue;
      edges.push({ from: parent, to, ...edge, source: { file, path: dep.pointer }, attributes: {} });
      if (dep.children.length > 0) visit(to, dep.children);
    }
  };
  visit(root, tree);
  return createGraph({ root, policy, edges, diagnostics });
}

function requiredFlags(analysis: AnalyzerAnalysis | undefined): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  if (analysis === undefined) return flags;
  for (const d of analysis.resources) flags.set(`resource:${d.name}`, d.required);
  for (const d of analysis.scenarios) flags.set(`scenario:${d.name}`, d.required);
  for (const [name, spec] of Object.entries(analysis.declaredScenarios)) flags.set(`scenario:${name}`, spec.required);
  return flags;
}
