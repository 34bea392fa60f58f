import type { ErrorObject } from 'ajv';
import { jsonPointer, parseJsonPointer, type Diagnostic } from '@deployment-manager/core/pure';
import type { ManifestDiagnosticCode } from './diagnostic-codes.ts';
import { finding } from './findings.ts';

const BY_KEYWORD: Readonly<Record<string, ManifestDiagnosticCode>> = {
  required: 'SCHEMA_REQUIRED',
  additionalProperties: 'SCHEMA_UNKNOWN_PROPERTY',
  type: 'SCHEMA_TYPE',
  enum: 'SCHEMA_ENUM',
  const: 'SCHEMA_ENUM',
  minItems: 'SCHEMA_MIN_ITEMS',
  minProperties: 'SCHEMA_MIN_PROPERTIES',
  minLength: 'SCHEMA_MIN_LENGTH',
  minimum: 'SCHEMA_RANGE',
  maximum: 'SCHEMA_RANGE',
  pattern: 'SCHEMA_PATTERN',
};

function hintFor(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `add "${String(p['missingProperty'])}"`;
    case 'additionalProperties':
      return `remove "${String(p['additionalProperty'])}" or check its spelling`;
    case 'enum':
      return `allowed: ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `expected ${JSON.stringify(p['allowedValue'])}`;
    case 'minProperties':
      return 'add at least one entry (for binaries: one per platform, e.g. linux-x64)';
    default:
      return 'see the manifest JSON Schema';
  }
}

/**
 * Turns ajv errors into diagnostics with stable codes and JSON pointers to
 * the offending value (for `required` and unknown properties, the pointer
 * names the missing or extra property itself).
 */
export function schemaDiagnostics(errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    const extra = e.keyword === 'required' ? p['missingProperty'] : e.keyword === 'additionalProperties' ? p['additionalProperty'] : undefined;
    const segments = [...parseJsonPointer(e.instancePath), ...(typeof extra === 'string' ? [extra] : [])];
    const code = BY_KEYWORD[e.keyword] ?? 'SCHEMA_INVALID';
    const key = `${code}\u0000${jsonPointer(segments)}\u0000${e.message ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = segments.length === 0 ? 'the manifest' : jsonPointer(segments);
    out.push(finding(code, segments, `${where}: ${e.message ?? e.keyword}`, hintFor(e)));
  }
  return out;
}
