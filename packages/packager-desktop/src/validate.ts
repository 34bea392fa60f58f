import { createDiagnostic, type ValidationResult } from '@deployment-manager/core';
import type { DesktopManifest } from './manifest.ts';

/**
 * TEMPORARY: structural guard until `@deployment-manager/bundle` exports
 * `validateManifest`; then this delegates to it.
 */
export function validateDesktopManifest(input: unknown): ValidationResult<DesktopManifest> {
  const o = input as Record<string, unknown> | null;
  const bad = (path: string, message: string): ValidationResult<DesktopManifest> => ({
    ok: false,
    issues: [createDiagnostic({ code: 'SCHEMA_INVALID', severity: 'error', path, message })],
    warnings: [],
  });
  if (typeof o !== 'object' || o === null) return bad('', 'the manifest is not a JSON object');
  if (o['target'] !== 'desktop') return bad('/target', 'not a desktop manifest');
  if (!Array.isArray(o['services']) || o['services'].length === 0) return bad('/services', 'services must be a non-empty array');
  return { ok: true, value: input as DesktopManifest, warnings: [] };
}
