import type { ErrorObject } from 'ajv';
import { createDiagnostic, type Diagnostic, type Severity } from './diagnostics.ts';

/** Options of {@link schemaIssues}. */
export interface SchemaIssueOptions {
  /** Diagnostic code of every issue, e.g. `DESKTOP_CONFIG_SCHEMA`. */
  readonly code: string;
  /** Default `error`. */
  readonly severity?: Severity;
  /** How the message names the checked document, e.g. `compose.yaml`. */
  readonly subject: string;
  /** The file the issues are about. */
  readonly file?: string;
  /** What to do about it. */
  readonly hint: string;
  /** Keywords whose "must match a schema in ..." errors only repeat the branch errors; dropped when other errors exist. Default `['anyOf']`. */
  readonly umbrella?: readonly string[];
}

/**
 * Turns ajv errors for a generated artifact into diagnostics: one per place,
 * keyword and parameters (anyOf branches repeat one fault many times),
 * umbrella errors dropped when more specific ones exist, and the offending
 * property named for unknown fields.
 *
 * @example
 * ```ts
 * if (!validate(config)) return schemaIssues(validate.errors, { code: 'MY_SCHEMA', subject: 'config.json', hint: 'see the schema' });
 * ```
 */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined, options: SchemaIssueOptions): Diagnostic[] {
  const all = errors ?? [];
  const umbrella = options.umbrella ?? ['anyOf'];
  const specific = all.filter((e) => !umbrella.includes(e.keyword));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of specific.length > 0 ? specific : all) {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const property = (e.params as Record<string, unknown>)['additionalProperty'];
    out.push(
      createDiagnostic({
        code: options.code,
        severity: options.severity ?? 'error',
        file: options.file,
        path: e.instancePath,
        message: `${options.subject} ${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}${typeof property === 'string' ? ` ("${property}")` : ''}`,
        hint: options.hint,
      }),
    );
  }
  return out;
}
