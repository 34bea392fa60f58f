import { isEnvName, type Diagnostic } from '@deployment-manager/core/pure';
import type { SecretTarget } from './types.ts';
import { secretDiagnostic, type SecretDiagnosticCode } from './diagnostic-codes.ts';

/**
 * True when `path` is a relative POSIX path that stays inside the bundle: no
 * leading slash, drive letter or backslash, no empty, `.` or `..` segment.
 *
 * @example
 * ```ts
 * isBundlePath('config/tls/key.pem') // true
 * isBundlePath('../etc/passwd')      // false
 * ```
 */
export function isBundlePath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  if (path.startsWith('/') || path.includes('\\') || path.includes('\u0000') || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Checks one target: a valid env-var name, or a file path inside the bundle. */
export function checkTarget(target: unknown, path: string): Diagnostic[] {
  const bad = (code: SecretDiagnosticCode, message: string, hint: string): Diagnostic[] => [secretDiagnostic(code, message, { path, hint })];
  if (typeof target !== 'object' || target === null) return bad('SECRET_TARGET_INVALID', 'target is not an object', 'use { "type": "env", "name": "MY_VAR" }');
  const t = target as Partial<SecretTarget>;
  if (t.type === 'env') {
    if (typeof t.name !== 'string' || !isEnvName(t.name)) {
      return bad('SECRET_TARGET_INVALID', `env target name "${String(t.name)}" is not a valid variable name`, 'use letters, digits and underscores, not starting with a digit');
    }
    return [];
  }
  if (t.type === 'file') {
    if (typeof t.name !== 'string' || !isBundlePath(t.name)) {
      return bad('SECRET_TARGET_ESCAPE', `file target "${String(t.name)}" is not a relative path inside the bundle`, 'use a relative path without "..", "." or empty segments, e.g. secrets/app.key');
    }
    return [];
  }
  return bad('SECRET_TARGET_INVALID', `target type "${String(t.type)}" is unknown`, 'use "env" or "file"');
}
