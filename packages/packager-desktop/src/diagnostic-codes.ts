/* Every diagnostic code the desktop packager's own checks report, with its severity and meaning (rules as data). */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A desktop packager diagnostic code (see {@link DESKTOP_DIAGNOSTIC_CODES}). */
export type DesktopDiagnosticCode =
  | 'DESKTOP_TARGET_MISMATCH'
  | 'DESKTOP_APP_ID_INVALID'
  | 'DESKTOP_NO_CHANNEL'
  | 'DESKTOP_NO_PLATFORM'
  | 'DESKTOP_TARGET_UNKNOWN'
  | 'DESKTOP_PLATFORM_UNKNOWN'
  | 'DESKTOP_PATH_UNSAFE'
  | 'DESKTOP_BINARY_MISSING'
  | 'DESKTOP_ASSET_UNVERIFIED'
  | 'DESKTOP_STAGING_CONFLICT'
  | 'DESKTOP_BUILD_PLACEHOLDER_UNKNOWN'
  | 'DESKTOP_BUILD_ENV_INVALID'
  | 'DESKTOP_BUILD_COMMAND_MISSING'
  | 'DESKTOP_BUILD_NATIVE_ONLY'
  | 'DESKTOP_NO_UI_ENTRY'
  | 'DESKTOP_SIGNING_ENV_INVALID'
  | 'DESKTOP_SIGNING_INCOMPLETE'
  | 'DESKTOP_CONFIG_SCHEMA'
  | 'DESKTOP_ARTIFACT_INVALID';

/**
 * Every code the desktop packager reports on top of the bundle's
 * `validateManifest` codes. Tests and hosts match on codes.
 */
export const DESKTOP_DIAGNOSTIC_CODES: DiagnosticCodeTable<DesktopDiagnosticCode> = defineDiagnosticCodes({
  DESKTOP_TARGET_MISMATCH: { severity: 'error', summary: 'the manifest is not a desktop manifest' },
  DESKTOP_APP_ID_INVALID: { severity: 'error', summary: 'the app id option is not a reverse-DNS identifier' },
  DESKTOP_NO_CHANNEL: { severity: 'error', summary: 'no update channel is selected' },
  DESKTOP_NO_PLATFORM: { severity: 'error', summary: 'no platform is selected' },
  DESKTOP_TARGET_UNKNOWN: { severity: 'error', summary: 'an option names an electron-builder target the OS does not have' },
  DESKTOP_PLATFORM_UNKNOWN: { severity: 'error', summary: 'a platform is not one this packager builds (a warning for a manifest binary key, which is skipped)' },
  DESKTOP_PATH_UNSAFE: { severity: 'error', summary: 'a path is absolute or climbs out of the bundle' },
  DESKTOP_BINARY_MISSING: { severity: 'error', summary: 'a service has no binary for a packaged platform' },
  DESKTOP_ASSET_UNVERIFIED: { severity: 'warning', summary: 'an asset has no real sha256, so it is staged without verification' },
  DESKTOP_STAGING_CONFLICT: { severity: 'error', summary: 'two different files are staged at one path' },
  DESKTOP_BUILD_PLACEHOLDER_UNKNOWN: { severity: 'error', summary: 'a build placeholder is unknown' },
  DESKTOP_BUILD_ENV_INVALID: { severity: 'error', summary: 'a build env var name is not a valid variable name' },
  DESKTOP_BUILD_COMMAND_MISSING: { severity: 'error', summary: 'a custom build has no command' },
  DESKTOP_BUILD_NATIVE_ONLY: { severity: 'warning', summary: 'a build cannot cross-compile; each platform builds on its own OS' },
  DESKTOP_NO_UI_ENTRY: { severity: 'warning', summary: 'no ui-bundle service requests a port, so the shell has no page to open' },
  DESKTOP_SIGNING_ENV_INVALID: { severity: 'error', summary: 'a signing env var name is not a valid variable name' },
  DESKTOP_SIGNING_INCOMPLETE: { severity: 'warning', summary: 'signing or notarization is on but lacks a setting' },
  DESKTOP_CONFIG_SCHEMA: { severity: 'error', summary: 'a generated electron-builder configuration violates its scheme.json' },
  DESKTOP_ARTIFACT_INVALID: { severity: 'error', summary: 'a generated file fails its own schema or lacks a field its reader needs' },
});

/** Builds a desktop packager diagnostic from {@link DESKTOP_DIAGNOSTIC_CODES}. */
export const desktopDiagnostic: DiagnosticBuilder<DesktopDiagnosticCode> = createDiagnosticBuilder(DESKTOP_DIAGNOSTIC_CODES);
