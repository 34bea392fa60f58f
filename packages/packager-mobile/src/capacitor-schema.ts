import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { createDiagnostic, type Diagnostic } from '@deployment-manager/core';

/**
 * The @capacitor/cli version whose `CapacitorConfig` type the committed
 * schema was generated from (see `scripts/generate-capacitor-schema.ts`).
 */
export const CAPACITOR_CLI_VERSION = '8.5.2';

/**
 * Where the committed Capacitor configuration schema lives: the package's
 * `schemas/capacitor-config.schema.json` (shipped with the package; the same
 * relative place from `src/` and from `dist/`).
 */
export function capacitorSchemaPath(): string {
  return fileURLToPath(new URL('../schemas/capacitor-config.schema.json', import.meta.url));
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(capacitorSchemaPath(), 'utf8')) as Record<string, unknown>;
    // Draft-07 (what ts-json-schema-generator emits, ajv's default dialect).
    // Strict off: today's schema compiles strictly, but a regenerated one may
    // carry annotations (`defaultProperties`, ...) that strict mode rejects,
    // and those must not turn into a packager crash.
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

/**
 * Validates a Capacitor configuration against the JSON Schema generated from
 * `@capacitor/cli`'s `CapacitorConfig` type, offline. Returns one
 * `MOBILE_CAPACITOR_CONFIG_SCHEMA` error per violation (empty when valid);
 * `file` names the configuration.
 *
 * @example
 * ```ts
 * validateCapacitorConfig({ appId: 'com.example.app', appName: 'App', webDir: 'dist' }, 'capacitor.config.json'); // []
 * ```
 */
export function validateCapacitorConfig(config: unknown, file: string): Diagnostic[] {
  const validate = validator();
  if (validate(config)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((e) => e.keyword !== 'anyOf');
  for (const error of specific.length > 0 ? specific : errors) {
    const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const property = error.params['additionalProperty'];
    out.push(
      createDiagnostic({
        code: 'MOBILE_CAPACITOR_CONFIG_SCHEMA',
        severity: 'error',
        file,
        path: error.instancePath,
        message: `capacitor configuration ${error.instancePath === '' ? '(root)' : error.instancePath} ${error.message ?? 'is invalid'}${typeof property === 'string' ? ` ("${property}")` : ''}`,
        hint: `this is a packager bug or an invalid option value; see the CapacitorConfig reference of @capacitor/cli ${CAPACITOR_CLI_VERSION}`,
      }),
    );
  }
  return out;
}
