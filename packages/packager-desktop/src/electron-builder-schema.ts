import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { schemaIssues, type Diagnostic } from '@deployment-manager/core';

/**
 * Where electron-builder's own configuration schema lives: the `scheme.json`
 * shipped in the `app-builder-lib` package this package depends on (the
 * same file electron-builder validates its configuration with).
 */
export function electronBuilderSchemaPath(): string {
  return createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(electronBuilderSchemaPath(), 'utf8')) as Record<string, unknown>;
    // scheme.json is draft-07 (the default dialect of `Ajv`); it uses keywords
    // ajv's strict mode rejects, so compile it the way electron-builder does,
    // minus type coercion: our output must be right as written.
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

/**
 * Validates an electron-builder configuration against `app-builder-lib`'s
 * `scheme.json`, offline. Returns one `DESKTOP_CONFIG_SCHEMA` error per
 * schema violation (empty when valid); `file` names the configuration.
 *
 * @example
 * ```ts
 * validateElectronBuilderConfig({ appId: 'com.example.app', linux: { target: ['AppImage'] } }, 'electron-builder.stable.json'); // []
 * ```
 */
export function validateElectronBuilderConfig(config: unknown, file: string): Diagnostic[] {
  const validate = validator();
  if (validate(config)) return [];
  return schemaIssues(validate.errors, {
    code: 'DESKTOP_CONFIG_SCHEMA',
    subject: 'electron-builder configuration',
    file,
    hint: 'this is a packager bug or an invalid option value; see the electron-builder configuration reference',
  });
}
