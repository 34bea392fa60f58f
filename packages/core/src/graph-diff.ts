/* Where two graphs of one scenario from different sources disagree (files vs the analyzer), as diagnostics. */
import type { Diagnostic } from './diagnostics.ts';
import { graphDiagnostic } from './graph-diagnostics.ts';
import { parseNodeId, type DependencyEdge, type DependencyGraph, type NodeId } from './model.ts';

/** Options of {@link diffGraphs}. */
export interface GraphDiffOptions {
  /** Compare `required` and `enabled` of common edges (only when the second source states them). Default false. */
  readonly compareFlags?: boolean;
  /** Name of the first graph's source in messages (default `files`). */
  readonly expectedLabel?: string;
  /** Name of the second graph's source in messages (default `analyzer`). */
  readonly actualLabel?: string;
}

/**
 * Where two graphs of one scenario from different sources (files vs the
 * analyzer) disagree, as diagnostics: nodes and edges present in only one,
 * and (optionally) differing edge flags. Differences the analyzer's format
 * cannot express are `info`: resource -> resource edges (runtime.json) and
 * what only they reach, or dependencies of a scenario the files do not
 * define. Everything else is a `warning`. Equal graphs give no diagnostic.
 *
 * @example
 * ```ts
 * const diffs = diffGraphs(buildGraph(workspace, 'picker-wheel'), analyzerGraph);
 * ```
 */
export function diffGraphs(expected: DependencyGraph, actual: DependencyGraph, options: GraphDiffOptions = {}): Diagnostic[] {
  const left = options.expectedLabel ?? 'files';
  const right = options.actualLabel ?? 'analyzer';
  const out: Diagnostic[] = [];
  if (expected.root !== actual.root) {
    out.push(graphDiagnostic('SOURCES_ROOT_DIFFERS', `${left} describe ${expected.root} but ${right} describes ${actual.root}`, { hint: 'compare graphs of the same scenario' }));
    return out;
  }
  const expectedNodes = new Set(expected.nodes.map((n) => n.id));
  const actualNodes = new Set(actual.nodes.map((n) => n.id));
  const undefinedInExpected = new Set(expected.nodes.filter((n) => !n.defined).map((n) => n.id));
  const edgeKey = (e: DependencyEdge): string => `${e.from}\u0000${e.to}`;
  const expectedEdges = new Map(expected.edges.map((e) => [edgeKey(e), e]));
  const actualEdges = new Map(actual.edges.map((e) => [edgeKey(e), e]));
  const inbound = (graph: DependencyGraph, id: NodeId): DependencyEdge[] => graph.edges.filter((e) => e.to === id);
  // The analyzer never reports runtime.json (resource -> resource) edges.
  const inexpressible = (e: DependencyEdge): boolean => parseNodeId(e.from).kind === 'resource';
  // The files cannot know the dependencies of a scenario they do not define.
  const unknowable = (e: DependencyEdge): boolean => undefinedInExpected.has(e.from) || !expectedNodes.has(e.from);

  for (const [key, e] of expectedEdges) {
    if (actualEdges.has(key)) continue;
    out.push(
      graphDiagnostic('SOURCE_EDGE_MISSING', `${left} declare ${e.from} -> ${e.to}; ${right} does not`, {
        path: e.source.path,
        file: e.source.file,
        hint: inexpressible(e) ? `${right} does not report resource -> resource dependencies` : `re-run the ${right} (refresh) or check the declaration`,
        severity: inexpressible(e) ? 'info' : 'warning',
      }),
    );
  }
  for (const [key, e] of actualEdges) {
    if (expectedEdges.has(key)) {
      const prior = expectedEdges.get(key) as DependencyEdge;
      if (options.compareFlags === true && (prior.required !== e.required || prior.enabled !== e.enabled)) {
        out.push(
          graphDiagnostic('SOURCE_EDGE_FLAGS_DIFFER', `${e.from} -> ${e.to} is required=${prior.required} enabled=${prior.enabled} in ${left} but required=${e.required} enabled=${e.enabled} in ${right}`, {
            path: e.source.path,
            file: e.source.file,
            hint: `the ${left} win; refresh the ${right} if they changed recently`,
          }),
        );
      }
      continue;
    }
    out.push(
      graphDiagnostic('SOURCE_EDGE_EXTRA', `${right} reports ${e.from} -> ${e.to}; ${left} do not declare it`, {
        path: e.source.path,
        file: e.source.file,
        hint: unknowable(e) ? `${e.from} is not defined in the ${left}; add it to analyse it locally` : `the declaration may have changed since the ${right} ran; refresh it`,
        severity: unknowable(e) ? 'info' : 'warning',
      }),
    );
  }
  for (const id of expectedNodes) {
    if (actualNodes.has(id)) continue;
    const quiet = inbound(expected, id).every(inexpressible);
    out.push(graphDiagnostic('SOURCE_NODE_MISSING', `${id} is in the graph from ${left} but not in the one from ${right}`, { hint: quiet ? `only resource -> resource edges reach it, which ${right} does not report` : `refresh the ${right}`, severity: quiet ? 'info' : 'warning' }));
  }
  for (const id of actualNodes) {
    if (expectedNodes.has(id)) continue;
    const quiet = inbound(actual, id).every(unknowable);
    out.push(graphDiagnostic('SOURCE_NODE_EXTRA', `${id} is in the graph from ${right} but not in the one from ${left}`, { hint: quiet ? `only scenarios the ${left} do not define reach it` : `check the declarations in the ${left}`, severity: quiet ? 'info' : 'warning' }));
  }
  return out;
}
