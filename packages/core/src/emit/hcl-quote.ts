/*
 * The one quoting rule for HCL (Terraform) string literals: every value is
 * a quoted literal with its escapes and the template introducers doubled, so
 * it is never read as an expression or an interpolation.
 */

/**
 * Quotes a literal string for HCL: escapes `\`, `"`, control characters,
 * and the template introducers `${` and `%{` (as `$${` and `%%{`), so the
 * text reads back as exactly `value`. The text is written in Unicode NFC,
 * the form HCL normalizes every string literal to when it reads it.
 *
 * @example
 * ```ts
 * quoteHcl('a"${b}') // '"a\\"$${b}"'
 * ```
 */
export function quoteHcl(raw: string): string {
  const value = raw.normalize('NFC');
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const code = c.charCodeAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if ((c === '$' || c === '%') && value[i + 1] === '{') out += c + c;
    else out += c;
  }
  return `"${out}"`;
}
