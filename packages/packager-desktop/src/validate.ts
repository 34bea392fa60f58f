import { validateManifest, type DesktopManifest } from '@deployment-manager/bundle';
import type { ValidationResult } from '@deployment-manager/core';
import { desktopDiagnostic } from './diagnostic-codes.ts';

/**
 * Validates a desktop manifest with the bundle package's
 * `validateManifest` (JSON Schema and
 * semantics) and insists on `target: "desktop"` (`DESKTOP_TARGET_MISMATCH`).
 */
export function validateDesktopManifest(input: unknown): ValidationResult<DesktopManifest> {
  const result = validateManifest(input);
  if (!result.ok) return result;
  if (result.value.target !== 'desktop') {
    const issue = desktopDiagnostic('DESKTOP_TARGET_MISMATCH', `the manifest targets "${result.value.target}", not desktop`, { path: '/target', hint: 'assemble a desktop manifest for the desktop packager' });
    return { ok: false, issues: [issue], warnings: result.warnings };
  }
  return { ok: true, value: result.value, warnings: result.warnings };
}
