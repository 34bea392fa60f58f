import type { Diagnostic } from '@deployment-manager/core/pure';
import { PASSWORD_GROUPS, alphabetOf } from './generator-spec.ts';
import { isValidFormat } from './prompt.ts';
import type { GeneratorSpec, PlannedSecret } from './types.ts';
import { secretDiagnostic, type SecretDiagnosticCode } from './diagnostic-codes.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * True when `value` has the shape `spec` generates (length and alphabet), e.g. to
 * notice a stored value made by an older generator. Never says anything about the value itself.
 *
 * @example
 * ```ts
 * matchesGenerator({ type: 'hex', bytes: 2 }, 'beef') // true
 * ```
 */
export function matchesGenerator(spec: GeneratorSpec, value: string): boolean {
  const chars = [...value];
  switch (spec.type) {
    case 'random': {
      const alphabet = new Set(alphabetOf(spec.charset));
      return chars.length === spec.length && chars.every((c) => alphabet.has(c));
    }
    case 'password': {
      const all = PASSWORD_GROUPS.join('');
      return chars.length === spec.length && chars.every((c) => all.includes(c)) && PASSWORD_GROUPS.every((g) => chars.some((c) => g.includes(c)));
    }
    case 'uuid':
      return UUID_V4.test(value);
    case 'hex':
      return value.length === spec.bytes * 2 && /^[0-9a-f]*$/.test(value);
    case 'base64':
      return spec.url === true
        ? /^[A-Za-z0-9_-]*$/.test(value) && Buffer.from(value, 'base64url').length === spec.bytes && Buffer.from(value, 'base64url').toString('base64url') === value
        : /^[A-Za-z0-9+/]*={0,2}$/.test(value) && Buffer.from(value, 'base64').length === spec.bytes && Buffer.from(value, 'base64').toString('base64') === value;
    case 'keypair':
      return value.startsWith('-----BEGIN PRIVATE KEY-----\n') && value.trimEnd().endsWith('-----END PRIVATE KEY-----');
  }
}

/**
 * Checks a value provided for a planned secret (a first-run answer, an imported
 * value): not empty, single-line when it goes to an env var, matching the prompt's
 * `format`. Diagnostics name the secret, never the value.
 *
 * @example
 * ```ts
 * checkProvidedValue(plan.secrets[0], answer).map((d) => d.code) // [] or ['SECRET_VALUE_FORMAT']
 * ```
 */
export function checkProvidedValue(secret: PlannedSecret, value: string): Diagnostic[] {
  const issue = (code: SecretDiagnosticCode, message: string, hint: string): Diagnostic[] => [secretDiagnostic(code, message, { path: `/${secret.id}`, hint })];
  if (typeof value !== 'string' || value.length === 0) return issue('SECRET_VALUE_EMPTY', `value for secret "${secret.id}" is empty`, 'provide a non-empty value');
  if (/[\r\n\u0000]/.test(value) && secret.targets.some((t) => t.type === 'env')) {
    return issue('SECRET_VALUE_MULTILINE', `value for secret "${secret.id}" spans several lines but goes to an environment variable`, 'use a file target for multi-line values such as pem keys');
  }
  const format = secret.prompt?.format;
  if (format !== undefined && isValidFormat(format) && !new RegExp(format).test(value)) {
    return issue('SECRET_VALUE_FORMAT', `value for secret "${secret.id}" does not match its format ${format}`, secret.prompt?.hint ?? 'check that the whole value was pasted');
  }
  if (secret.generator !== undefined && !matchesGenerator(secret.generator, value)) {
    return issue('SECRET_VALUE_SHAPE', `value for secret "${secret.id}" does not have the shape its generator makes`, 'let the install generate it, or provide one of the same length and alphabet');
  }
  return [];
}
