// JSON or YAML text to plain data, or PARSE_FAILED naming the file and, for
// YAML, the line and column - never quoting the text (parser messages do).
import { SdkError } from './errors.ts';
import { parseYamlData } from './parse-yaml.ts';

/** What to tell the user when the text is not data. */
export interface ParseHints {
  /** After a syntax error. */
  readonly syntax: string;
  /** After a YAML alias (refused: a small file could stand for a huge one). */
  readonly alias: string;
}

/**
 * Parses the text of `file` as `format`. Throws `PARSE_FAILED` on a syntax
 * error (with the YAML position when known) or a YAML alias, with the hint
 * for each.
 *
 * @example
 * ```ts
 * parseDataText('- name: duckdb\n', 'my-catalog.yaml', 'yaml', { syntax: 'fix the syntax', alias: 'write every value out' }); // [{ name: 'duckdb' }]
 * ```
 */
export function parseDataText(text: string, file: string, format: 'json' | 'yaml', hints: ParseHints): unknown {
  const fail = (where: string, why: string): SdkError =>
    new SdkError('PARSE_FAILED', `${file} is not valid ${format === 'json' ? 'JSON' : 'YAML'}${where}`, { hint: why, details: { file } });
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Parser messages quote file content; say nothing of it.
      throw fail('', hints.syntax);
    }
  }
  const parsed = parseYamlData(text);
  if (parsed.ok) return parsed.value;
  const { line, column, kind } = parsed.failure;
  if (kind === 'alias') throw fail(' (it uses an alias)', hints.alias);
  throw fail(line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`, hints.syntax);
}
