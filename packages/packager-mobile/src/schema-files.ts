import { fileURLToPath } from 'node:url';
import { SdkError, schemaIssues, type Diagnostic } from '@deployment-manager/core';
import validateCapacitorConfig from './generated/capacitor-config.validate.js';
import validateRuntimeConfig from './generated/runtime-config.validate.js';
import validateSecretPlan from './generated/secret-plan.mobile.validate.js';
import validateServerSideMoves from './generated/server-side-moves.validate.js';
import { mobileDiagnostic, type MobileDiagnosticCode } from './diagnostic-codes.ts';

/**
 * Where a committed schema of this package lives: `schemas/<file>` (shipped
 * with the package; the same relative place from `src/` and from `dist/`).
 * Validation does not read it: each schema is compiled in ahead of time.
 */
export function schemaPath(file: string): string {
  return fileURLToPath(new URL(`../schemas/${file}`, import.meta.url));
}

// Each committed schema, compiled ahead of time (draft-07, strict off: a
// regenerated schema may carry annotations strict mode rejects).
const VALIDATORS: Readonly<Record<string, typeof validateRuntimeConfig>> = {
  'capacitor-config.schema.json': validateCapacitorConfig,
  'runtime-config.schema.json': validateRuntimeConfig,
  'secret-plan.mobile.schema.json': validateSecretPlan,
  'server-side-moves.schema.json': validateServerSideMoves,
};

/** Validates `value` against a committed schema: one `code` error per violation, `file` naming the checked artifact. */
export function checkAgainstSchema(schemaFile: string, value: unknown, code: MobileDiagnosticCode, file: string, hint: string): Diagnostic[] {
  const validate = VALIDATORS[schemaFile];
  if (validate === undefined) throw new SdkError('INTERNAL', `no precompiled validator for ${schemaFile}`, { hint: 'add it to scripts/validator-specs.ts and run scripts/generate-validators.ts' });
  if (validate(value)) return [];
  return schemaIssues(validate.errors, { diagnostic: mobileDiagnostic, code, subject: file, file, hint });
}
