/* Every diagnostic code the clients package reports, with its severity and meaning (rules as data). */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A code the clients package reports (see {@link CLIENT_DIAGNOSTIC_CODES}). */
export type ClientDiagnosticCode =
  | 'ANALYZER_DATA_STALE'
  | 'SECRET_REMOTE_UNKNOWN'
  | 'SECRET_REMOTE_STRICTER'
  | 'SECRET_REMOTE_CLASS_DIFFERS'
  | 'SECRET_REMOTE_MISSING';

/**
 * Every code the clients package reports: stale analyzer data, and a secret
 * plan reconciled with the secrets manager.
 * Tests and hosts match on codes.
 */
export const CLIENT_DIAGNOSTIC_CODES: DiagnosticCodeTable<ClientDiagnosticCode> = defineDiagnosticCodes({
  ANALYZER_DATA_STALE: { severity: 'warning', summary: 'the analyzer data is older than the freshness limit' },
  SECRET_REMOTE_UNKNOWN: { severity: 'error', summary: 'the secrets manager lists a secret the plan does not contain (a warning when it is optional)' },
  SECRET_REMOTE_STRICTER: { severity: 'warning', summary: 'the secrets manager keeps a secret off bundles, so it became infrastructure' },
  SECRET_REMOTE_CLASS_DIFFERS: { severity: 'info', summary: 'the secrets manager classifies a secret otherwise; our rules stand' },
  SECRET_REMOTE_MISSING: { severity: 'warning', summary: 'a remote_fetch secret is not in the secrets manager' },
});

/** Builds a clients diagnostic from {@link CLIENT_DIAGNOSTIC_CODES}. */
export const clientDiagnostic: DiagnosticBuilder<ClientDiagnosticCode> = createDiagnosticBuilder(CLIENT_DIAGNOSTIC_CODES);
