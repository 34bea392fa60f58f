import { fileURLToPath } from 'node:url';
import { schemaIssues, type Diagnostic } from '@deployment-manager/core';
import validate from './generated/electron-builder.validate.js';
import { desktopDiagnostic } from './diagnostic-codes.ts';

/**
 * Where electron-builder's own configuration schema is shipped in this
 * package: `schemas/electron-builder-scheme.json`, an unmodified copy of
 * app-builder-lib 26.17.0's `scheme.json` (MIT, see `schemas/NOTICE`) - the
 * file electron-builder validates its configuration with. Validation does not
 * read it: the same schema is compiled in ahead of time.
 */
export function electronBuilderSchemaPath(): string {
  return fileURLToPath(new URL('../schemas/electron-builder-scheme.json', import.meta.url));
}

/**
 * Validates an electron-builder configuration against electron-builder's
 * `scheme.json` (compiled ahead of time, offline; ajv's draft-07 without type
 * coercion: our output must be right as written). Returns one `DESKTOP_CONFIG_SCHEMA` error per
 * schema violation (empty when valid); `file` names the configuration.
 *
 * @example
 * ```ts
 * validateElectronBuilderConfig({ appId: 'com.example.app', linux: { target: ['AppImage'] } }, 'electron-builder.stable.json'); // []
 * ```
 */
export function validateElectronBuilderConfig(config: unknown, file: string): Diagnostic[] {
  if (validate(config)) return [];
  return schemaIssues(validate.errors, {
    diagnostic: desktopDiagnostic,
    code: 'DESKTOP_CONFIG_SCHEMA',
    subject: 'electron-builder configuration',
    file,
    hint: 'this is a packager bug or an invalid option value; see the electron-builder configuration reference',
  });
}
