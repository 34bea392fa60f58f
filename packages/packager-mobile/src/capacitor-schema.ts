import type { Diagnostic } from '@deployment-manager/core';
import { checkAgainstSchema, schemaPath } from './schema-files.ts';

/**
 * The @capacitor/cli version whose `CapacitorConfig` type the committed
 * schema was generated from (see `scripts/generate-capacitor-schema.ts`).
 */
export const CAPACITOR_CLI_VERSION = '8.5.2';

/** Where the committed Capacitor configuration schema lives (`schemas/capacitor-config.schema.json`). */
export function capacitorSchemaPath(): string {
  return schemaPath('capacitor-config.schema.json');
}

/**
 * Validates a Capacitor configuration against the JSON Schema generated from
 * `@capacitor/cli`'s `CapacitorConfig` type, offline (ajv, draft-07). Returns
 * one `MOBILE_CAPACITOR_CONFIG_SCHEMA` error per violation (empty when
 * valid); `file` names the configuration.
 *
 * @example
 * ```ts
 * validateCapacitorConfig({ appId: 'com.example.app', appName: 'App', webDir: 'dist' }, 'capacitor.config.json'); // []
 * ```
 */
export function validateCapacitorConfig(config: unknown, file: string): Diagnostic[] {
  return checkAgainstSchema('capacitor-config.schema.json', config, 'MOBILE_CAPACITOR_CONFIG_SCHEMA', file, `this is a packager bug or an invalid option value; see the CapacitorConfig reference of @capacitor/cli ${CAPACITOR_CLI_VERSION}`);
}
