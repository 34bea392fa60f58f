// Everything the CLI prints for people passes through one function, so a
// name or message read from input can never move the cursor, clear the
// screen, set the window title, open a hyperlink or flip text direction.

/** The only escape sequences the CLI writes itself: its colours (SGR) and the progress line's erase. */
const OWN_SEQUENCES = String.raw`\r\x1b\[2K|\x1b\[(?:0|1|31|32|33|34|90)m`;
/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates. */
const CONTROLS = String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]`;
const PATTERN = new RegExp(`${OWN_SEQUENCES}|${CONTROLS}`, 'g');

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Makes text safe for a terminal: every control character becomes visible
 * text (`\x1b`, `\u202e`), except tab and newline and - when `styles` is true
 * (colour on a terminal) - the CLI's own colour and line-erase sequences.
 * Machine output (`--json`) never goes through it: it stays exact.
 *
 * @example
 * ```ts
 * sanitizeTerminalText('db\x1b]0;pwned\x07', false) // 'db\\x1b]0;pwned\\x07'
 * ```
 */
export function sanitizeTerminalText(text: string, styles: boolean): string {
  return text.replace(PATTERN, (match) => (match.length > 1 ? (styles ? match : [...match].map((c) => (c === '\x1b' || c === '\r' ? visible(c) : c)).join('')) : visible(match)));
}
