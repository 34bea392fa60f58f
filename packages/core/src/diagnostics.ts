/** How bad a finding is: `error` blocks, `warning` informs, `info` explains. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A typed finding about input data. Loaders, validators and planners return
 * these instead of throwing, so one bad file never stops the others. Each is
 * built by its package's {@link DiagnosticBuilder} from a declared code.
 */
export interface Diagnostic<Code extends string = string> {
  /** Stable code, e.g. `DEPENDENCY_SHAPE_UNKNOWN`, declared in its package's code table. Tests assert codes, not wording. */
  readonly code: Code;
  /** How bad it is. */
  readonly severity: Severity;
  /** The file it is about, relative to the workspace root where possible. */
  readonly file?: string;
  /** RFC 6901 JSON pointer into that file (or into the checked value). */
  readonly path: string;
  /** Lower-case sentence naming the offending value. */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

/**
 * Encodes path segments as an RFC 6901 JSON pointer.
 *
 * @example
 * ```ts
 * jsonPointer(['dependencies', 'resources', 'a/b']) // "/dependencies/resources/a~1b"
 * ```
 */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Decodes an RFC 6901 JSON pointer into its segments. */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when any diagnostic has severity `error`. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The result of a `validate*` function: a value, or the issues that prevented it. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly issues: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };
