import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { schemaIssues, type Diagnostic } from '@deployment-manager/core';

/**
 * Where a committed schema of this package lives: `schemas/<file>` (shipped
 * with the package; the same relative place from `src/` and from `dist/`).
 */
export function schemaPath(file: string): string {
  return fileURLToPath(new URL(`../schemas/${file}`, import.meta.url));
}

const compiled = new Map<string, ValidateFunction>();

function validator(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as Record<string, unknown>;
    // Draft-07 (what ts-json-schema-generator emits, ajv's default dialect).
    // Strict off: today's schemas compile strictly, but a regenerated one may
    // carry annotations (`defaultProperties`, ...) that strict mode rejects,
    // and those must not turn into a packager crash.
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(file, validate);
  }
  return validate;
}

/** Validates `value` against a committed schema: one `code` error per violation, `file` naming the checked artifact. */
export function checkAgainstSchema(schemaFile: string, value: unknown, code: string, file: string, hint: string): Diagnostic[] {
  const validate = validator(schemaFile);
  if (validate(value)) return [];
  return schemaIssues(validate.errors, { code, subject: file, file, hint });
}
