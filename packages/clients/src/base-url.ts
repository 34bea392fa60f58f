import { SdkError } from '@deployment-manager/core';
import { redactUrl } from './redact.ts';
import { SERVICES, type ServiceName } from './services.ts';

/**
 * The base URL of a service: the explicit option when given, else the
 * service's environment variable (`ANALYZER_BASE_URL`, `SECRETS_MANAGER_URL`,
 * `DESKTOP_PACKAGER_URL`, `ISSUE_TRACKER_URL`). Trailing slashes are removed.
 * Throws `HTTP_NOT_CONFIGURED` when neither is set and `INVALID_ARGUMENT` when
 * the value is not an http(s) URL.
 *
 * @example
 * ```ts
 * resolveBaseUrl('analyzer', undefined, { ANALYZER_BASE_URL: 'http://127.0.0.1:8080/' }) // 'http://127.0.0.1:8080'
 * ```
 */
export function resolveBaseUrl(
  service: ServiceName,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const { env: variable, predecessor } = SERVICES[service];
  const raw = (explicit ?? env[variable] ?? '').trim();
  if (raw === '') {
    throw new SdkError('HTTP_NOT_CONFIGURED', `no base url is configured for the ${service} service`, {
      hint: `pass baseUrl, or set ${variable} to the url of ${predecessor} (e.g. http://127.0.0.1:8080)`,
      details: { service, env: variable },
    });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SdkError('INVALID_ARGUMENT', `base url "${redactUrl(raw)}" of the ${service} service is not a url`, {
      hint: `use an absolute http(s) url, e.g. http://127.0.0.1:8080`,
      details: { service, env: variable },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SdkError('INVALID_ARGUMENT', `base url "${redactUrl(raw)}" of the ${service} service is not http(s)`, {
      hint: 'use an http:// or https:// url',
      details: { service, url: redactUrl(raw) },
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new SdkError('INVALID_ARGUMENT', `base url "${redactUrl(raw)}" of the ${service} service embeds credentials`, {
      hint: 'remove user:password@ from the url and pass the token option instead',
      details: { service, url: redactUrl(raw) },
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SdkError('INVALID_ARGUMENT', `base url "${redactUrl(raw)}" of the ${service} service has a query or fragment`, {
      hint: 'give only scheme, host, port and an optional path prefix; pass credentials with the token option',
      details: { service, url: redactUrl(raw) },
    });
  }
  return raw.replace(/\/+$/, '');
}
