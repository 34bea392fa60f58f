/*
 * The one quoting rule for Caddyfile tokens. Caddy's lexer splits on
 * whitespace, reads `{`/`}` as block braces, `#` as a comment and `"..."` as
 * one quoted token (where `\"` is a quote), and replaces `{$ENV}` anywhere in
 * the file before lexing and `{placeholders}` at run time. So a value is
 * written as one double-quoted token, and values that no quoting keeps inert
 * - with braces, backslashes, quotes or control characters - are refused.
 * Caddy also reads the first argument of a directive as a matcher when it
 * starts with `/`, `*` or `@`, quoted or not: a plain value may not start so,
 * and a path (a `path` matcher's argument) is written by {@link caddyPath}.
 */
import { SdkError } from '../errors.ts';

const UNSAFE = /[{}"\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * One Caddyfile token holding exactly `value`. Throws `EMIT_VALUE_INVALID`
 * for a value with `{`, `}`, `"`, `\` or a control character.
 *
 * @example
 * ```ts
 * caddyQuote('shop.example.com') // '"shop.example.com"'
 * ```
 */
export function caddyQuote(value: string): string {
  if (/^[/*@]/.test(value)) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(value)} would be read as a Caddyfile matcher`, { hint: 'values may not start with "/", "*" or "@"; paths go through caddyPath' });
  return token(value);
}

/**
 * One Caddyfile token holding a URL path (it must start with `/`), for the
 * arguments of a `path` matcher. Throws `EMIT_VALUE_INVALID` as
 * {@link caddyQuote} does.
 *
 * @example
 * ```ts
 * caddyPath('/api/*') // '"/api/*"'
 * ```
 */
export function caddyPath(value: string): string {
  if (!value.startsWith('/')) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(value)} is not a path`, { hint: 'paths start with "/"' });
  return token(value);
}

function token(value: string): string {
  if (value === '' || UNSAFE.test(value)) {
    throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(value)} cannot be written as a Caddyfile token`, { hint: 'use host names and paths without braces, quotes, backslashes or control characters; validateManifest reports them' });
  }
  return `"${value}"`;
}
