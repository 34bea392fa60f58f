import { didYouMean, type Diagnostic } from '@deployment-manager/core/pure';
import { asArray, asObject, asString, compiles, finding } from './findings.ts';
import type { ManifestTarget } from './manifest.ts';
import type { ServiceView } from './manifest-view.ts';

/**
 * Secret declarations and references: unique ids and delivery targets, every
 * service reference declared, each class with what it needs (a generator, a
 * prompt), no infrastructure secret at all, formats that compile, and (where
 * services reference secrets) none declared but unused. Never reads or prints
 * a value - a manifest has none.
 */
export function checkSecrets(target: ManifestTarget, manifest: Readonly<Record<string, unknown>>, views: readonly ServiceView[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set<string>();
  const targets = new Set<string>();
  asArray(manifest['secrets']).forEach((raw, i) => {
    const s = asObject(raw);
    if (s === undefined) return;
    const path = ['secrets', i];
    const id = asString(s['id']);
    if (id !== undefined) {
      if (ids.has(id)) out.push(finding('SECRET_ID_DUPLICATE', [...path, 'id'], `secret id "${id}" is declared twice`, 'give every secret a unique id'));
      ids.add(id);
    }
    const t = asObject(s['target']);
    const targetType = asString(t?.['type']);
    const targetName = asString(t?.['name']);
    // A target without a type or name is the schema's finding; only whole targets can clash.
    if (targetType !== undefined && targetName !== undefined) {
      const key = `${targetType}:${targetName}`;
      if (targets.has(key)) out.push(finding('SECRET_TARGET_DUPLICATE', [...path, 'target'], `two secrets are delivered to ${key}`, 'deliver each secret to its own variable, file or key'));
      targets.add(key);
    }
    const cls = asString(s['class']);
    const label = id ?? `#${i}`;
    if (cls === 'per_install_generated' && asObject(s['generator']) === undefined) {
      out.push(finding('SECRET_GENERATOR_MISSING', path, `secret "${label}" is per_install_generated but has no generator`, 'add a generator, e.g. { "type": "random", "length": 32, "charset": "alnum" }'));
    }
    if (cls === 'user_prompt' && asObject(s['prompt']) === undefined) {
      out.push(finding('SECRET_PROMPT_MISSING', path, `secret "${label}" is user_prompt but has no prompt`, 'add prompt.label and prompt.description'));
    }
    if (cls === 'infrastructure') {
      out.push(
        finding('SECRET_INFRASTRUCTURE_BUNDLED', [...path, 'class'], `secret "${label}" is an infrastructure secret, which never ships in a manifest`, 'remove it, or reclassify it (generated per install, prompted, or fetched remotely) in the secret plan'),
      );
    }
    const format = asString(s['format']);
    if (format !== undefined && !compiles(format)) {
      out.push(finding('SECRET_FORMAT_INVALID', [...path, 'format'], `format of secret "${label}" is not a valid regular expression`, 'fix the pattern (JavaScript / RE2 syntax)'));
    }
  });
  const used = new Set<string>();
  const known = [...ids].sort();
  for (const v of views) {
    for (const ref of v.secrets) {
      used.add(ref.value);
      if (!ids.has(ref.value)) {
        out.push(finding('SECRET_UNKNOWN', ref.path, `service "${v.id ?? '?'}" uses secret "${ref.value}", which is not declared`, didYouMean(ref.value, known) ?? 'declare it under secrets'));
      }
    }
  }
  if (target !== 'mobile') {
    asArray(manifest['secrets']).forEach((raw, i) => {
      const s = asObject(raw);
      const id = asString(s?.['id']);
      if (id !== undefined && !used.has(id)) out.push(finding('SECRET_UNUSED', ['secrets', i], `secret "${id}" is used by no service`, 'list it in the secrets of the services that need it, or remove it'));
      // A service that reads the secret under a name of its own must be one that reads it.
      for (const service of Object.keys(asObject(s?.['service_env']) ?? {})) {
        const reads = views.some((v) => v.id === service && v.secrets.some((r) => r.value === id));
        if (!reads) out.push(finding('SECRET_SERVICE_ENV_UNKNOWN', ['secrets', i, 'service_env', service], `secret "${id ?? `#${i}`}" names service "${service}" in service_env, but that service does not read it`, 'name only services that list the secret in their secrets'));
      }
    });
  }
  return out;
}
