import type { Diagnostic } from '@deployment-manager/core';
import { validateCapacitorConfig } from './capacitor-schema.ts';
import { checkAgainstSchema } from './schema-files.ts';

/** The committed schema of each JSON artifact, by artifact path. */
export const ARTIFACT_SCHEMAS: Readonly<Record<string, string>> = {
  'capacitor.config.json': 'capacitor-config.schema.json',
  'runtime-config.json': 'runtime-config.schema.json',
  'secret-plan.mobile.json': 'secret-plan.mobile.schema.json',
  'server-side-moves.json': 'server-side-moves.schema.json',
};

/**
 * Validates one JSON artifact of the mobile packager against its committed
 * schema, offline: `capacitor.config.json` against the schema generated from
 * `@capacitor/cli`, the others against schemas generated from this package's
 * own types. Returns `MOBILE_ARTIFACT_SCHEMA` (or, for the Capacitor
 * configuration, `MOBILE_CAPACITOR_CONFIG_SCHEMA`) errors; an artifact with
 * no schema (`NEXT-STEPS.md`) yields none.
 *
 * @example
 * ```ts
 * validateMobileArtifact('runtime-config.json', JSON.parse(text)); // []
 * ```
 */
export function validateMobileArtifact(path: string, value: unknown): Diagnostic[] {
  if (path === 'capacitor.config.json') return validateCapacitorConfig(value, path);
  const schema = ARTIFACT_SCHEMAS[path];
  if (schema === undefined) return [];
  return checkAgainstSchema(schema, value, 'MOBILE_ARTIFACT_SCHEMA', path, 'this is a packager bug: the artifact does not match the type it is generated from');
}
