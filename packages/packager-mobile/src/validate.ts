import { validateManifest, type MobileManifest } from '@deployment-manager/bundle';
import type { ValidationResult } from '@deployment-manager/core';
import { mobileDiagnostic } from './diagnostic-codes.ts';

/**
 * Validates a mobile manifest with the bundle package's
 * {@link @deployment-manager/bundle!validateManifest} (JSON Schema, including
 * the reverse-domain `app_id` pattern, and semantics such as no
 * infrastructure secret) and insists on `target: "mobile"`
 * (`MOBILE_TARGET_MISMATCH`).
 */
export function validateMobileManifest(input: unknown): ValidationResult<MobileManifest> {
  const result = validateManifest(input);
  if (!result.ok) return result;
  if (result.value.target !== 'mobile') {
    const issue = mobileDiagnostic('MOBILE_TARGET_MISMATCH', `the manifest targets "${result.value.target}", not mobile`, { path: '/target', hint: 'assemble a mobile manifest for the mobile packager' });
    return { ok: false, issues: [issue], warnings: result.warnings };
  }
  return { ok: true, value: result.value, warnings: result.warnings };
}
