/*
 * The one quoting rule for POSIX shell text every generated script uses: a
 * value is always one single-quoted word, so nothing inside it (quotes,
 * `$()`, backticks, newlines, globs) is ever read as shell syntax.
 */

/**
 * Single-quotes a string for POSIX sh, so it is passed as one literal word.
 *
 * @example
 * ```ts
 * shellQuote("it's") // `'it'\''s'`
 * ```
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A shell variable name for an id (`auth-lite.api` -> `AUTH_LITE_API`).
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
