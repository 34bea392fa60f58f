import type { ErrorObject } from 'ajv';
import type { DiagnosticBuilder } from './diagnostic-codes.ts';
import type { Diagnostic, Severity } from './diagnostics.ts';

/** Options of {@link schemaIssues}. */
export interface SchemaIssueOptions<Code extends string> {
  /** The calling package's builder, so the code is one it declared. */
  readonly diagnostic: DiagnosticBuilder<Code>;
  /** Diagnostic code of every issue, e.g. `DESKTOP_CONFIG_SCHEMA`. */
  readonly code: NoInfer<Code>;
  /** Default: the code's declared severity. */
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
 * if (!validate(config)) return schemaIssues(validate.errors, { diagnostic: myDiagnostic, code: 'MY_SCHEMA', subject: 'config.json', hint: 'see the schema' });
 * ```
 */
export function schemaIssues<Code extends string>(errors: readonly ErrorObject[] | null | undefined, options: SchemaIssueOptions<Code>): Diagnostic<Code>[] {
  const all = errors ?? [];
  const umbrella = options.umbrella ?? ['anyOf'];
  const specific = all.filter((e) => !umbrella.includes(e.keyword));
  const seen = new Set<string>();
  const out: Diagnostic<Code>[] = [];
  for (const e of specific.length > 0 ? specific : all) {
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const property = (e.params as Record<string, unknown>)['additionalProperty'];
    const where = `${options.subject} ${e.instancePath === '' ? '(root)' : e.instancePath}`;
    const message = `${where} ${e.message ?? 'is invalid'}${typeof property === 'string' ? ` ("${property}")` : ''}`;
    out.push(options.diagnostic(options.code, message, { file: options.file, path: e.instancePath, hint: options.hint, severity: options.severity }));
  }
  return out;
}
