import type { Diagnostic, ValidationResult } from '@deployment-manager/core/pure';
import { manifestSchemaCheck } from './manifest-schema-check.ts';
import { checkDesktop } from './check-desktop.ts';
import { checkHealth } from './check-health.ts';
import { checkPaths } from './check-paths.ts';
import { checkPlaceholders } from './check-placeholders.ts';
import { checkReferences } from './check-references.ts';
import { checkSecrets } from './check-secrets.ts';
import { checkValues } from './check-values.ts';
import { checkCloud, checkMobile } from './check-targets.ts';
import { asArray, asObject, asString, finding } from './findings.ts';
import { MANIFEST_SCHEMAS, MANIFEST_TARGETS, isManifestTarget, type Manifest, type ManifestTarget } from './manifest.ts';
import { serviceViews } from './manifest-view.ts';
import { planDesktopPorts } from './port-plan.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';

function checkSwaps(manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  asArray(manifest['swaps']).forEach((s, i) => {
    const original = asString(asObject(s)?.['original']);
    if (original === undefined) return;
    if (seen.has(original)) out.push(finding('SWAP_DUPLICATE', ['swaps', i, 'original'], `"${original}" is swapped twice`, 'keep one swap per original dependency'));
    seen.add(original);
  });
  return out;
}

/** The semantic findings of a manifest of a known target (schema-valid or not). */
export function semanticDiagnostics(target: ManifestTarget, manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const views = serviceViews(target, manifest);
  const out = [...checkReferences(views), ...checkPlaceholders(target, views), ...checkSecrets(target, manifest, views), ...checkSwaps(manifest), ...checkPaths(target, manifest), ...checkValues(target, manifest)];
  if (target === 'desktop') out.push(...checkHealth(manifest['services'], ['services']), ...planDesktopPorts(manifest).diagnostics, ...checkDesktop(manifest));
  if (target === 'cloud') out.push(...checkHealth(manifest['services'], ['services']), ...checkCloud(manifest));
  if (target === 'mobile') out.push(...checkMobile(manifest));
  return out;
}

/**
 * Validates a manifest: our JSON Schema for its `target` (ajv), then every
 * semantic check, which run even when the schema fails so one pass reports
 * everything. Nothing is repaired: the value returned is the input as parsed,
 * and only when no error was found.
 *
 * @example
 * ```ts
 * const result = validateManifest(JSON.parse(text));
 * if (!result.ok) for (const d of result.issues) console.log(d.code, d.path);
 * ```
 */
export function validateManifest(input: unknown): ValidationResult<Manifest> {
  const root = asObject(input);
  if (root === undefined) {
    const issue = finding('MANIFEST_NOT_OBJECT', [], 'the manifest is not a JSON object', 'a manifest is an object with schema_version, target and services');
    return { ok: false, issues: [issue], warnings: [] };
  }
  const target = root['target'];
  if (!isManifestTarget(target)) {
    const issue = finding('MANIFEST_TARGET_UNKNOWN', ['target'], `target ${JSON.stringify(target) ?? 'undefined'} is not a manifest target`, `use one of ${MANIFEST_TARGETS.join(', ')}`);
    return { ok: false, issues: [issue], warnings: [] };
  }
  const all = [...schemaDiagnostics(manifestSchemaCheck(target)(root)), ...semanticDiagnostics(target, root)];
  const issues = all.filter((d) => d.severity === 'error');
  const warnings = all.filter((d) => d.severity !== 'error');
  if (issues.length > 0) return { ok: false, issues, warnings };
  const parsed = MANIFEST_SCHEMAS[target].safeParse(root);
  if (!parsed.success) {
    // ajv and zod agree by construction (a property test pins it); if they ever do not, refuse rather than guess.
    const issue = finding('SCHEMA_INVALID', [], `the manifest fails the ${target} zod schema: ${parsed.error.issues[0]?.message ?? 'unknown'}`, 'report this: the JSON Schema and the zod schema disagree');
    return { ok: false, issues: [issue], warnings };
  }
  return { ok: true, value: parsed.data, warnings };
}
