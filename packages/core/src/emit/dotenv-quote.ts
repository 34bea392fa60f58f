/*
 * The one rule for lines of `.env` files (the dotenv format Compose and the
 * dotenv package read): `NAME=value` with NAME a variable name and the value
 * single-quoted when it is not plain, so `#`, spaces and quotes stay part of
 * it. Names that are not variable names, and values no dotenv quoting keeps
 * exact (a line break, or both quote kinds), are refused.
 */
import { isEnvName } from '../env-name.ts';
import { SdkError } from '../errors.ts';

/**
 * One `.env` assignment line (without the newline).
 *
 * @example
 * ```ts
 * dotenvLine('API_KEY', '') // 'API_KEY='
 * dotenvLine('GREETING', 'hi # there') // "GREETING='hi # there'"
 * ```
 */
export function dotenvLine(name: string, value: string): string {
  if (!isEnvName(name)) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(name)} is not an environment variable name`, { hint: 'use letters, digits and underscores, not starting with a digit' });
  if (/^[A-Za-z0-9_./:@+-]*$/.test(value)) return `${name}=${value}`;
  if (/[\u0000-\u001f\u007f]/.test(value) || value.includes("'")) {
    throw new SdkError('EMIT_VALUE_INVALID', `the value of ${name} cannot be written into a .env file exactly`, { hint: 'deliver values with line breaks, control characters or single quotes as files' });
  }
  return `${name}='${value}'`;
}
