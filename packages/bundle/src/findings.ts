import { jsonPointer, type Diagnostic } from '@deployment-manager/core/pure';
import { manifestDiagnostic, type ManifestDiagnosticCode } from './diagnostic-codes.ts';

/** A path into the checked value, as segments. */
export type Segments = readonly (string | number)[];

/** {@link manifestDiagnostic} at a path given as segments (what the checks walk). */
export function finding(code: ManifestDiagnosticCode, path: Segments, message: string, hint?: string): Diagnostic<ManifestDiagnosticCode> {
  return manifestDiagnostic(code, message, { path: jsonPointer(path), hint });
}

/** The object at `value`, or undefined when it is not a plain object. */
export function asObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The array at `value`, or an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The string at `value`, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The integer at `value`, or undefined. */
export function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Own entries of an object value (empty when it is not one). */
export function entriesOf(value: unknown): readonly (readonly [string, unknown])[] {
  const o = asObject(value);
  return o === undefined ? [] : Object.entries(o);
}

/** True when `source` compiles as a JavaScript regular expression. */
export function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
