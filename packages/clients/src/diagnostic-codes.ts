/* Every diagnostic code the clients package reports, with its severity and meaning (rules as data). */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A code the clients package reports (see {@link CLIENT_DIAGNOSTIC_CODES}). */
export type ClientDiagnosticCode =
  | 'ANALYZER_DATA_STALE'
  | 'ANALYZER_NODE_TYPE_UNKNOWN'
  | 'SOURCES_ROOT_DIFFERS'
  | 'SOURCE_EDGE_MISSING'
  | 'SOURCE_EDGE_FLAGS_DIFFER'
  | 'SOURCE_EDGE_EXTRA'
  | 'SOURCE_NODE_MISSING'
  | 'SOURCE_NODE_EXTRA'
  | 'SECRET_REMOTE_UNKNOWN'
  | 'SECRET_REMOTE_STRICTER'
  | 'SECRET_REMOTE_CLASS_DIFFERS'
  | 'SECRET_REMOTE_MISSING';

/**
 * Every code the clients package reports: analyzer data, graphs from two
 * sources compared, and a secret plan reconciled with the secrets manager.
 * Tests and hosts match on codes.
 */
export const CLIENT_DIAGNOSTIC_CODES: DiagnosticCodeTable<ClientDiagnosticCode> = defineDiagnosticCodes({
  ANALYZER_DATA_STALE: { severity: 'warning', summary: 'the analyzer data is older than the freshness limit' },
  ANALYZER_NODE_TYPE_UNKNOWN: { severity: 'warning', summary: 'an analyzer node is neither a resource nor a scenario; it and its children are left out' },
  SOURCES_ROOT_DIFFERS: { severity: 'error', summary: 'the two graphs compared describe different scenarios' },
  SOURCE_EDGE_MISSING: { severity: 'warning', summary: 'an edge of the files is missing from the other source (info where that source cannot report it)' },
  SOURCE_EDGE_FLAGS_DIFFER: { severity: 'warning', summary: 'an edge is required or enabled in one source and not the other' },
  SOURCE_EDGE_EXTRA: { severity: 'warning', summary: 'the other source reports an edge the files do not declare (info where the files cannot know it)' },
  SOURCE_NODE_MISSING: { severity: 'warning', summary: 'a node of the files is missing from the other source (info where only unreportable edges reach it)' },
  SOURCE_NODE_EXTRA: { severity: 'warning', summary: 'the other source has a node the files do not (info where only unknowable edges reach it)' },
  SECRET_REMOTE_UNKNOWN: { severity: 'error', summary: 'the secrets manager lists a secret the plan does not contain (a warning when it is optional)' },
  SECRET_REMOTE_STRICTER: { severity: 'warning', summary: 'the secrets manager keeps a secret off bundles, so it became infrastructure' },
  SECRET_REMOTE_CLASS_DIFFERS: { severity: 'info', summary: 'the secrets manager classifies a secret otherwise; our rules stand' },
  SECRET_REMOTE_MISSING: { severity: 'warning', summary: 'a remote_fetch secret is not in the secrets manager' },
});

/** Builds a clients diagnostic from {@link CLIENT_DIAGNOSTIC_CODES}. */
export const clientDiagnostic: DiagnosticBuilder<ClientDiagnosticCode> = createDiagnosticBuilder(CLIENT_DIAGNOSTIC_CODES);
