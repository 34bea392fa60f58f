import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A host packager diagnostic code (see {@link HOST_DIAGNOSTIC_CODES}). */
export type HostDiagnosticCode = 'MANIFEST_NOT_CLOUD' | 'HOST_ENVIRONMENT_INVALID';

/**
 * Every code the host packagers (VPS, Terraform) report on top of the
 * bundle's `validateManifest` codes. Tests and hosts match on codes.
 */
export const HOST_DIAGNOSTIC_CODES: DiagnosticCodeTable<HostDiagnosticCode> = defineDiagnosticCodes({
  MANIFEST_NOT_CLOUD: { severity: 'error', summary: 'the manifest is not a cloud manifest, so no compose host can run it' },
  HOST_ENVIRONMENT_INVALID: { severity: 'error', summary: 'the environment name is not a lower-case name (it names files, the compose project and the host directory)' },
});

/** Builds a host packager diagnostic from {@link HOST_DIAGNOSTIC_CODES}. */
export const hostDiagnostic: DiagnosticBuilder<HostDiagnosticCode> = createDiagnosticBuilder(HOST_DIAGNOSTIC_CODES);
