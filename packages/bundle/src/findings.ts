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

/** The candidate closest to `name` (shared prefix or small edit distance), for hints. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(name) || name.startsWith(c) ? 0 : editDistance(name, c) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return scored[0]?.c;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
