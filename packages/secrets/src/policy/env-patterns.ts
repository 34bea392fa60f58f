import type { EnvNamePattern } from '../policy-types.ts';

/** Env-var name heuristics, most specific first; a match is only ever a suggestion. */
export const ENV_NAME_PATTERNS: readonly EnvNamePattern[] = [
  { pattern: '*_SECRET_ACCESS_KEY', kind: 'secret-access-key' },
  { pattern: '*_CLIENT_SECRET', kind: 'token' },
  { pattern: '*_PRIVATE_KEY', kind: 'private-key' },
  { pattern: '*_SECRET_KEY', kind: 'secret-access-key' },
  { pattern: '*_ACCESS_KEY', kind: 'access-key-id' },
  { pattern: '*_API_KEY', kind: 'api-key' },
  { pattern: '*_APIKEY', kind: 'api-key' },
  { pattern: '*_PASSWORD', kind: 'service-password' },
  { pattern: '*_PASSWD', kind: 'service-password' },
  { pattern: '*_TOKEN', kind: 'token' },
  { pattern: '*_SECRET', kind: 'unknown' },
  { pattern: '*_CREDENTIALS', kind: 'unknown' },
];
