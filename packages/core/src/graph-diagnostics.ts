/* The codes the graph builders report (`buildGraph`, `graphFromAnalyzerTree`) and `diffGraphs`' differences, as data. */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from './diagnostic-codes.ts';

/** A diagnostic code of the graph builders and `diffGraphs` (see {@link GRAPH_DIAGNOSTIC_CODES}). */
export type GraphDiagnosticCode =
  | 'SCENARIO_MISSING'
  | 'DEPENDENCY_NAME_NORMALIZED'
  | 'ANALYZER_NODE_TYPE_UNKNOWN'
  | 'SOURCES_ROOT_DIFFERS'
  | 'SOURCE_EDGE_MISSING'
  | 'SOURCE_EDGE_FLAGS_DIFFER'
  | 'SOURCE_EDGE_EXTRA'
  | 'SOURCE_NODE_MISSING'
  | 'SOURCE_NODE_EXTRA';

/** Every code of the graph builders and `diffGraphs`, with its severity and meaning. */
export const GRAPH_DIAGNOSTIC_CODES: DiagnosticCodeTable<GraphDiagnosticCode> = defineDiagnosticCodes({
  SCENARIO_MISSING: { severity: 'warning', summary: 'a scenario dependency is not in the workspace; the edge is kept' },
  DEPENDENCY_NAME_NORMALIZED: { severity: 'info', summary: 'a dependency spelt with `_`/`-` swapped was read as the folder of that name' },
  ANALYZER_NODE_TYPE_UNKNOWN: { severity: 'warning', summary: 'an analyzer node is neither a resource nor a scenario; it and its children are left out' },
  SOURCES_ROOT_DIFFERS: { severity: 'error', summary: 'the two graphs compared describe different scenarios' },
  SOURCE_EDGE_MISSING: { severity: 'warning', summary: 'an edge of the files is missing from the other source (info where that source cannot report it)' },
  SOURCE_EDGE_FLAGS_DIFFER: { severity: 'warning', summary: 'an edge is required or enabled in one source and not the other' },
  SOURCE_EDGE_EXTRA: { severity: 'warning', summary: 'the other source reports an edge the files do not declare (info where the files cannot know it)' },
  SOURCE_NODE_MISSING: { severity: 'warning', summary: 'a node of the files is missing from the other source (info where only unreportable edges reach it)' },
  SOURCE_NODE_EXTRA: { severity: 'warning', summary: 'the other source has a node the files do not (info where only unknowable edges reach it)' },
});

/** Builds a graph diagnostic from {@link GRAPH_DIAGNOSTIC_CODES}. */
export const graphDiagnostic: DiagnosticBuilder<GraphDiagnosticCode> = createDiagnosticBuilder(GRAPH_DIAGNOSTIC_CODES);
