import { SdkError } from '@deployment-manager/core/pure';

/** What {@link redact} puts in place of a secret value. */
export const REDACTED = '[REDACTED]';

const usable = (values: Iterable<string>): string[] =>
  [...new Set([...values].filter((v) => typeof v === 'string' && v.length > 0))].sort((a, b) => b.length - a.length);

/**
 * Replaces every occurrence of any of `values` in `text` (longest first, so a value
 * containing another is removed whole), for log lines and error reports.
 *
 * @example
 * ```ts
 * redact('connecting with s3cr3t-passw0rd', [password]) // 'connecting with [REDACTED]'
 * ```
 */
export function redact(text: string, values: Iterable<string>, replacement: string = REDACTED): string {
  let out = text;
  for (const v of usable(values)) out = out.split(v).join(replacement);
  return out;
}

/** Names of the outputs that contain any of `values` (sorted). */
export function findSecretLeaks(outputs: Readonly<Record<string, string>>, values: Iterable<string>): string[] {
  const list = usable(values);
  return Object.keys(outputs)
    .filter((name) => list.some((v) => (outputs[name] as string).includes(v)))
    .sort();
}

/**
 * Throws `SECRET_LEAK` when any named output contains any of `values`; the error
 * names the outputs, never the values. Use it as the last step before writing files.
 *
 * @example
 * ```ts
 * assertNoSecretValues({ 'bundle.json': json, '.env.template': env }, await storedValues());
 * ```
 */
export function assertNoSecretValues(outputs: Readonly<Record<string, string>>, values: Iterable<string>): void {
  const leaks = findSecretLeaks(outputs, values);
  if (leaks.length > 0) {
    throw new SdkError('SECRET_LEAK', `a secret value appears in ${leaks.join(', ')}`, { hint: 'render from the plan only; never pass values into manifests, templates or messages', details: { outputs: leaks } });
  }
}
