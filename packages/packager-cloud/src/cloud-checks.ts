import { validateManifest, type CloudManifest } from '@deployment-manager/bundle';
import { jsonPointer, type Diagnostic, type ValidationResult } from '@deployment-manager/core';
import { checkGenerator, checkTarget, type GeneratorSpec } from '@deployment-manager/secrets';
import { cloudDiagnostic } from './diagnostic-codes.ts';
import { isDnsLabel, isServiceName, secretKey } from './names.ts';
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
    const issue = cloudDiagnostic('CLOUD_TARGET_MISMATCH', '/target', `the manifest targets "${result.value.target}", not cloud`, 'assemble a cloud manifest (tier saas or enterprise) for the cloud packager');
    return { ok: false, issues: [issue], warnings: result.warnings };
  }
  return { ok: true, value: result.value, warnings: result.warnings };
}

/**
 * What every cloud target needs beyond a valid manifest: names Kubernetes
 * and DNS accept (app, service ids, volumes, environment keys), secret
 * targets and generators the secrets package accepts, generators the
 * install scripts can reproduce, and secret ids that stay distinct as
 * Secret keys. Pure.
 */
export function checkCloudNames(manifest: CloudManifest): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isDnsLabel(manifest.app.name, 40)) {
    out.push(cloudDiagnostic('CLOUD_APP_NAME_INVALID', '/app/name', `app name "${manifest.app.name}" is not a dns label of at most 40 characters`, 'use lower-case letters, digits and dashes, e.g. picker-wheel'));
  }
  for (const [i, s] of manifest.services.entries()) {
    if (!isServiceName(s.id)) {
      out.push(cloudDiagnostic('CLOUD_SERVICE_ID_INVALID', jsonPointer(['services', i, 'id']), `service id "${s.id}" is not a dns-1035 label of at most 52 characters`, 'use lower-case letters, digits and dashes, starting with a letter (it is the host name other services use)'));
    }
    for (const [j, v] of (s.volumes ?? []).entries()) {
      if (!isDnsLabel(v.name)) out.push(cloudDiagnostic('CLOUD_VOLUME_NAME_INVALID', jsonPointer(['services', i, 'volumes', j, 'name']), `volume name "${v.name}" of "${s.id}" is not a dns label`, 'use lower-case letters, digits and dashes'));
    }
    for (const name of Object.keys(s.env ?? {})) {
      if (!/^[-._a-zA-Z0-9]+$/.test(name)) out.push(cloudDiagnostic('CLOUD_ENV_NAME_INVALID', jsonPointer(['services', i, 'env', name]), `environment variable name "${name}" of "${s.id}" cannot be a ConfigMap key`, 'use letters, digits, "_", "-" and "."'));
    }
  }
  const keys = new Map<string, string>();
  for (const [i, s] of (manifest.secrets ?? []).entries()) {
    const at = (...rest: (string | number)[]): string => jsonPointer(['secrets', i, ...rest]);
    out.push(...checkTarget(s.target, at('target')));
    const key = secretKey(s.id);
    const other = keys.get(key);
    if (other !== undefined || key === '.' || key === '..') {
      out.push(cloudDiagnostic('CLOUD_SECRET_KEY_COLLISION', at('id'), `secret id "${s.id}" becomes the key "${key}"${other === undefined ? ', which is not a valid key' : `, like "${other}"`}`, 'give secrets ids that differ in letters, digits, "-", "_" or "."'));
    }
    keys.set(key, s.id);
    if (s.class !== 'per_install_generated' || s.generator === undefined) continue;
    const issues = checkGenerator(s.generator, at('generator'));
    out.push(...issues);
    if (issues.some((d) => d.severity === 'error')) continue;
    const spec = s.generator as unknown as GeneratorSpec;
    if (!isScriptable(spec)) out.push(cloudDiagnostic('CLOUD_GENERATOR_UNSUPPORTED', at('generator'), `the custom alphabet of secret "${s.id}" has characters outside printable ASCII`, 'use a named charset or printable ASCII characters'));
    if (spec.type === 'keypair' && s.target.type === 'env') out.push(cloudDiagnostic('CLOUD_SECRET_MULTILINE_ENV', at('target'), `secret "${s.id}" is a PEM key delivered as an environment variable; Compose env files hold one line`, 'deliver key pairs as files'));
  }
  return out;
}
