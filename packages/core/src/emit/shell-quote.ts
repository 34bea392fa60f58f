/*
 * The one quoting rule for POSIX shell text every generated script uses: a
 * value is always one single-quoted word, so nothing inside it (quotes,
 * `$()`, backticks, newlines, globs, braces) is ever read as shell syntax.
 * A NUL cannot be part of a shell word at all, so it is refused.
 */
import { isEnvName } from '../env-name.ts';
import { SdkError } from '../errors.ts';

/**
 * Single-quotes a string for POSIX sh, so it is passed as one literal word.
 * Throws `EMIT_VALUE_INVALID` for a NUL character, which no shell word holds.
 *
 * @example
 * ```ts
 * shellQuote("it's") // `'it'\''s'`
 * ```
 */
export function shellQuote(text: string): string {
  if (text.includes('\0')) throw new SdkError('EMIT_VALUE_INVALID', 'a value with a NUL character cannot be written into a shell script', { hint: 'remove control characters from the manifest; validateManifest reports them' });
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A command that prints a value followed by a newline, for the message
 * lines of a script: `printf '%s\n' '<value>'` - never `echo "..."`, which
 * would expand `$()` and, in some shells, backslash escapes.
 *
 * @example
 * ```ts
 * shellPrint('== deploying ', name) // `printf '%s\n' '== deploying '"'"'...`
 * ```
 */
export function shellPrint(...parts: readonly string[]): string {
  return `printf '%s\\n' ${shellQuote(parts.join(''))}`;
}

/**
 * A statement that gives variable `name` the value `value` unless the
 * caller's environment already set it: the default is a quoted word, never
 * text inside `"${name:-...}"`, where `$()` and backticks would run.
 *
 * @example
 * ```ts
 * shellDefault('SECRETS_FILE', '.env.production') // `if [ -z "${SECRETS_FILE:-}" ]; then SECRETS_FILE='.env.production'; fi`
 * ```
 */
export function shellDefault(name: string, value: string): string {
  if (!isEnvName(name)) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(name)} is not a shell variable name`, { hint: 'use letters, digits and underscores' });
  return `if [ -z "\${${name}:-}" ]; then ${name}=${shellQuote(value)}; fi`;
}

/**
 * A shell variable name for an id (`auth-lite.api` -> `AUTH_LITE_API`):
 * only `[A-Z0-9_]`, never starting with a digit.
 *
 * @example
 * ```ts
 * shellVar('tls.cert') // 'TLS_CERT'
 * ```
 */
export function shellVar(id: string): string {
  const v = id.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(v) || v === '' ? `S_${v}` : v;
}
