/*
 * The one quoting rule for values in systemd unit files. A setting runs to
 * the end of its line, a trailing backslash continues it on the next one,
 * and `%` starts a specifier (`%n`, `%h`) in most settings. So a value is
 * written with `%` doubled, and values with a line break, a control
 * character or a backslash are refused.
 */
import { SdkError } from '../errors.ts';

const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A systemd setting value that reads back as exactly `value` (specifiers
 * escaped). Throws `EMIT_VALUE_INVALID` for control characters or `\`.
 *
 * @example
 * ```ts
 * systemdValue('recipe-hub at 100%') // 'recipe-hub at 100%%'
 * ```
 */
export function systemdValue(value: string): string {
  if (UNSAFE.test(value)) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(value)} cannot be written as a systemd setting`, { hint: 'remove line breaks, control characters and backslashes' });
  return value.replace(/%/g, '%%');
}
