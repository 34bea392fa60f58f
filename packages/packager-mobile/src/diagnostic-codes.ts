/* Every diagnostic code the mobile packager's own checks report, with its severity and meaning (rules as data). */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A mobile packager diagnostic code (see {@link MOBILE_DIAGNOSTIC_CODES}). */
export type MobileDiagnosticCode =
  | 'MOBILE_TARGET_MISMATCH'
  | 'MOBILE_APP_ID_INVALID'
  | 'MOBILE_APP_ID_RESERVED_WORD'
  | 'MOBILE_APP_ID_IOS_UNDERSCORE'
  | 'MOBILE_DEPENDENCY_UNPLACED'
  | 'MOBILE_SECRET_SERVER_HELD'
  | 'MOBILE_SECRET_STORE_UNKNOWN'
  | 'MOBILE_SECRET_STORE_MISSING'
  | 'MOBILE_CAPACITOR_CONFIG_SCHEMA'
  | 'MOBILE_ARTIFACT_SCHEMA';

/**
 * Every code the mobile packager reports on top of the bundle's
 * `validateManifest` codes. Tests and hosts match on codes.
 */
export const MOBILE_DIAGNOSTIC_CODES: DiagnosticCodeTable<MobileDiagnosticCode> = defineDiagnosticCodes({
  MOBILE_TARGET_MISMATCH: { severity: 'error', summary: 'the manifest is not a mobile manifest' },
  MOBILE_APP_ID_INVALID: { severity: 'error', summary: 'the app id is not a reverse-domain id in Java package form' },
  MOBILE_APP_ID_RESERVED_WORD: { severity: 'error', summary: 'a segment of the app id is a Java reserved word' },
  MOBILE_APP_ID_IOS_UNDERSCORE: { severity: 'warning', summary: 'the app id has an underscore, which an iOS bundle id may not contain' },
  MOBILE_DEPENDENCY_UNPLACED: { severity: 'error', summary: 'a dependency that cannot run on a phone is on no server (a warning when it is optional or need not move)' },
  MOBILE_SECRET_SERVER_HELD: { severity: 'error', summary: 'the app would obtain a secret a server holds' },
  MOBILE_SECRET_STORE_UNKNOWN: { severity: 'error', summary: 'the secret store option names no remote service of the manifest' },
  MOBILE_SECRET_STORE_MISSING: { severity: 'error', summary: 'the app fetches secrets remotely but the manifest has no remote service' },
  MOBILE_CAPACITOR_CONFIG_SCHEMA: { severity: 'error', summary: 'the generated Capacitor configuration violates its schema' },
  MOBILE_ARTIFACT_SCHEMA: { severity: 'error', summary: 'a generated artifact does not match the type it is generated from' },
});

/** Builds a mobile packager diagnostic from {@link MOBILE_DIAGNOSTIC_CODES}. */
export const mobileDiagnostic: DiagnosticBuilder<MobileDiagnosticCode> = createDiagnosticBuilder(MOBILE_DIAGNOSTIC_CODES);
