/* A Caddyfile tokenizer for tests: the lexical rules Caddy documents, without a caddy binary. */

/**
 * Caddyfile tokens by its documented lexical rules: whitespace separates
 * tokens, a line break ends a line, `#` at a token start begins a comment,
 * `"..."` is one token where `\"` is a quote, and `{$ENV}` is replaced before
 * lexing (so a value may never hold one).
 */
export function caddyTokens(text: string): { tokens: string[]; lines: number } {
  const tokens: string[] = [];
  let lines = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\n') {
      lines += 1;
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (c === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && text[i + 1] === '"') i += 1;
        if (text[i] === '\n') lines += 1;
        value += text[i];
        i += 1;
      }
      i += 1;
      tokens.push(value);
    } else {
      let value = '';
      while (i < text.length && !' \t\r\n'.includes(text[i] as string)) value += text[i++];
      tokens.push(value);
    }
  }
  return { tokens, lines };
}
