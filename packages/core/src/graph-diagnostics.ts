/* The codes `buildGraph` reports about edges it keeps or renames, as data. */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from './diagnostic-codes.ts';

/** A diagnostic code `buildGraph` reports (see {@link GRAPH_DIAGNOSTIC_CODES}). */
export type GraphDiagnosticCode = 'SCENARIO_MISSING' | 'DEPENDENCY_NAME_NORMALIZED';

/** Every code `buildGraph` reports, with its severity and meaning. */
export const GRAPH_DIAGNOSTIC_CODES: DiagnosticCodeTable<GraphDiagnosticCode> = defineDiagnosticCodes({
  SCENARIO_MISSING: { severity: 'warning', summary: 'a scenario dependency is not in the workspace; the edge is kept' },
  DEPENDENCY_NAME_NORMALIZED: { severity: 'info', summary: 'a dependency spelt with `_`/`-` swapped was read as the folder of that name' },
});

/** Builds a graph diagnostic from {@link GRAPH_DIAGNOSTIC_CODES}. */
export const graphDiagnostic: DiagnosticBuilder<GraphDiagnosticCode> = createDiagnosticBuilder(GRAPH_DIAGNOSTIC_CODES);
