import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { createDiagnostic, type Diagnostic } from '@deployment-manager/core';

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
  const seen = new Set<string>();
  const issues: Diagnostic[] = [];
  const errors = validate.errors ?? [];
  // "must match a schema in anyOf" only repeats what the branch errors say.
  const specific = errors.filter((e) => e.keyword !== 'anyOf');
  for (const error of specific.length > 0 ? specific : errors) {
    // anyOf branches repeat one fault many times; keep one line per place and keyword.
    const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(
      createDiagnostic({
        code: 'DESKTOP_CONFIG_SCHEMA',
        severity: 'error',
        file,
        path: error.instancePath,
        message: `electron-builder configuration ${error.instancePath === '' ? '(root)' : error.instancePath} ${error.message ?? 'is invalid'}${extra(error.params)}`,
        hint: 'this is a packager bug or an invalid option value; see the electron-builder configuration reference',
      }),
    );
  }
  return issues;
}

function extra(params: Readonly<Record<string, unknown>>): string {
  const property = params['additionalProperty'];
  return typeof property === 'string' ? ` ("${property}")` : '';
}
