/*
 * The typed diagnostics vocabulary: each package declares its codes once, in
 * a table (severity and one-line meaning per code), and builds every
 * diagnostic through that table's builder, so a code nobody declared does
 * not compile and a code's severity and meaning live in one place.
 */
import type { Diagnostic, Severity } from './diagnostics.ts';

/** What one diagnostic code means and how bad it is. */
export interface DiagnosticCodeInfo {
  /** Severity of this code's diagnostics; a builder call may state another one where the same fault weighs differently. */
  readonly severity: Severity;
  /** One-line meaning. */
  readonly summary: string;
  /** Default hint, used when a diagnostic of this code states none. */
  readonly hint?: string;
}

/** A package's declared codes: one {@link DiagnosticCodeInfo} (or an extension of it) per code. */
export type DiagnosticCodeTable<Code extends string, Info extends DiagnosticCodeInfo = DiagnosticCodeInfo> = {
  readonly [K in Code]: Info;
};

/** The optional parts of a diagnostic given to a {@link DiagnosticBuilder}. */
export interface DiagnosticExtras {
  /** RFC 6901 JSON pointer into the file (or checked value); default `''` (the whole of it). */
  readonly path?: string | undefined;
  /** The file it is about. */
  readonly file?: string | undefined;
  /** What to do about it; default the code's declared hint. */
  readonly hint?: string | undefined;
  /** Overrides the code's declared severity (e.g. a missing secret is an error when required, a warning when optional). */
  readonly severity?: Severity | undefined;
}

/** Builds one diagnostic of a declared code: `diagnostic(code, message, extras)`. */
export type DiagnosticBuilder<Code extends string> = (code: Code, message: string, extras?: DiagnosticExtras) => Diagnostic<Code>;

/**
 * Declares a package's diagnostic codes. The table must name exactly the
 * codes of the annotated union - a missing or extra code is a type error.
 *
 * @example
 * ```ts
 * export type MyCode = 'MY_INPUT_INVALID';
 * export const MY_CODES: DiagnosticCodeTable<MyCode> = defineDiagnosticCodes({
 *   MY_INPUT_INVALID: { severity: 'error', summary: 'the input is not what the function reads' },
 * });
 * ```
 */
export function defineDiagnosticCodes<Code extends string, Info extends DiagnosticCodeInfo = DiagnosticCodeInfo>(
  table: DiagnosticCodeTable<NoInfer<Code>, NoInfer<Info>>,
): DiagnosticCodeTable<Code, Info> {
  return table;
}

/**
 * The builder of a code table: severity (unless overridden) and default
 * hint come from the table, absent optional fields are dropped.
 *
 * @example
 * ```ts
 * const myDiagnostic = createDiagnosticBuilder(MY_CODES);
 * myDiagnostic('MY_INPUT_INVALID', 'port "x" is not a number', { path: '/port', hint: 'use 1..65535' });
 * ```
 */
export function createDiagnosticBuilder<Code extends string>(table: DiagnosticCodeTable<Code>): DiagnosticBuilder<Code> {
  return (code, message, extras = {}) => {
    const info: DiagnosticCodeInfo = table[code];
    const hint = extras.hint ?? info.hint;
    return {
      code,
      severity: extras.severity ?? info.severity,
      ...(extras.file === undefined ? {} : { file: extras.file }),
      path: extras.path ?? '',
      message,
      ...(hint === undefined ? {} : { hint }),
    };
  };
}
