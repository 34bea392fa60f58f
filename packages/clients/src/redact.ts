/** Placeholder written wherever a credential was removed. */
export const REDACTED = '[redacted]';

// Query parameter names whose values are credentials in practice.
const SENSITIVE_PARAM = /token|key|secret|pass|auth|sig|credential|session|cookie|bearer|jwt/i;

/**
 * A URL safe to show in errors and logs: user info removed and the values of
 * credential-looking query parameters (`token`, `api_key`, `signature`...)
 * replaced by `[redacted]`. Strings that are not URLs are returned with any
 * `user:pass@` part removed.
 *
 * @example
 * ```ts
 * redactUrl('http://u:p@127.0.0.1:9/x?token=abc&tier=2') // 'http://127.0.0.1:9/x?token=%5Bredacted%5D&tier=2'
 * ```
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/g, '//');
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SENSITIVE_PARAM.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/**
 * Replaces every occurrence of each given secret (tokens, values) in `text` by
 * `[redacted]`. Empty secrets are ignored.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length === 0) continue;
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
