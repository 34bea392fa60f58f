/*
 * Text from input inside a line-oriented comment or message of a generated
 * file (a `#` comment of shell, YAML, HCL or a Caddyfile). Such a line ends
 * at the first line break, so input shown there is escaped to one line of
 * printable text: it can describe a value, never end the comment.
 */

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional
// overrides and isolates (which reorder what a reader sees: "Trojan Source"), and lone surrogates.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A value as one line of printable text, in double quotes: `"`, `\` and
 * every control, line-breaking or bidirectional-override character are
 * escaped JSON-style.
 *
 * @example
 * ```ts
 * inlineText('1.0\nrm -rf /') // '"1.0\\nrm -rf /"'
 * ```
 */
export function inlineText(value: string): string {
  const escaped = value.replace(/["\\]/g, (c) => `\\${c}`).replace(UNPRINTABLE, (c) => {
    const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${(c.charCodeAt(0)).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
