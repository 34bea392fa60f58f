import type { Severity } from '@deployment-manager/core';

/** What a host packager diagnostic code means and how bad it is. */
export interface HostDiagnosticInfo {
  /** Severity every diagnostic of this code has. */
  readonly severity: Severity;
  /** One-line meaning. */
  readonly summary: string;
}

/** A host packager diagnostic code (see {@link HOST_DIAGNOSTIC_CODES}). */
export type HostDiagnosticCode = 'MANIFEST_NOT_CLOUD' | 'HOST_ENVIRONMENT_INVALID';

/**
 * Every code the host packagers (VPS, Terraform) report on top of the
 * bundle's `validateManifest` codes. Tests and hosts match on codes.
 */
export const HOST_DIAGNOSTIC_CODES: Readonly<Record<HostDiagnosticCode, HostDiagnosticInfo>> = {
  MANIFEST_NOT_CLOUD: { severity: 'error', summary: 'the manifest is not a cloud manifest, so no compose host can run it' },
  HOST_ENVIRONMENT_INVALID: { severity: 'error', summary: 'the environment name is not a lower-case name (it names files, the compose project and the host directory)' },
};
