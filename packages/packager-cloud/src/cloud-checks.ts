import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import { jsonPointer, type Diagnostic, type ValidationResult } from '@deployment-manager/core';
import { checkGenerator, type GeneratorSpec } from '@deployment-manager/secrets';
import { cloudDiagnostic } from './diagnostic-codes.ts';
import { isScriptable } from './secret-generators.ts';

/**
 * Validates a cloud manifest with the bundle package's
 * `validateManifest` of `@deployment-manager/bundle` (JSON Schema and
 * semantics) and insists on `target: "cloud"` (`CLOUD_TARGET_MISMATCH`).
 */
export function validateCloudManifest(input: unknown): ValidationResult<CloudManifest> {
  const result = validateManifest(input);
  if (!result.ok) return result;
  if (result.value.target !== 'cloud') {
    const issue = cloudDiagnostic('CLOUD_TARGET_MISMATCH', `the manifest targets "${result.value.target}", not cloud`, { path: '/target', hint: 'assemble a cloud manifest (tier saas or enterprise) for the cloud packager' });
    return { ok: false, issues: [issue], warnings: result.warnings };
  }
  return { ok: true, value: result.value, warnings: result.warnings };
}

/**
 * What the cloud scripts need beyond a valid manifest (whose validation
 * already holds names, hosts, paths and secret targets to their grammar):
 * generators the secrets package accepts and the install scripts can
 * reproduce, and no PEM key delivered through a one-line env file. Pure.
 */
export function checkCloudNames(manifest: CloudManifest): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [i, s] of (manifest.secrets ?? []).entries()) {
    const at = (...rest: (string | number)[]): string => jsonPointer(['secrets', i, ...rest]);
    if (s.class !== 'per_install_generated' || s.generator === undefined) continue;
    const issues = checkGenerator(s.generator, at('generator'));
    out.push(...issues);
    if (issues.some((d) => d.severity === 'error')) continue;
    const spec = s.generator as unknown as GeneratorSpec;
    if (!isScriptable(spec)) out.push(cloudDiagnostic('CLOUD_GENERATOR_UNSUPPORTED', `the custom alphabet of secret "${s.id}" has characters outside printable ASCII`, { path: at('generator'), hint: 'use a named charset or printable ASCII characters' }));
    if (spec.type === 'keypair' && s.target.type === 'env') out.push(cloudDiagnostic('CLOUD_SECRET_MULTILINE_ENV', `secret "${s.id}" is a PEM key delivered as an environment variable; Compose env files hold one line`, { path: at('target'), hint: 'deliver key pairs as files' }));
  }
  return out;
}
