import type { AppSecretName } from '../policy-types.ts';

/**
 * Secret names an application declares for itself whose meaning is well known.
 * A declared name outside this table and the dependency catalog has kind
 * `unknown` and stays unclassified until an override says otherwise.
 */
export const APP_SECRET_NAMES: readonly AppSecretName[] = [
  { name: 'JWT_SECRET', kind: 'signing-key', description: 'key the application signs json web tokens with' },
  { name: 'JWT_SIGNING_KEY', kind: 'signing-key', description: 'key the application signs json web tokens with' },
  { name: 'SESSION_SECRET', kind: 'signing-key', description: 'key the application signs session cookies with' },
  { name: 'COOKIE_SECRET', kind: 'signing-key', description: 'key the application signs cookies with' },
  { name: 'CSRF_SECRET', kind: 'signing-key', description: 'key the application derives csrf tokens from' },
  { name: 'SECRET_KEY_BASE', kind: 'signing-key', description: 'base key the application derives signing keys from' },
  { name: 'NEXTAUTH_SECRET', kind: 'signing-key', description: 'key next-auth signs sessions with' },
  { name: 'APP_SECRET', kind: 'signing-key', description: 'application signing secret' },
  { name: 'ENCRYPTION_KEY', kind: 'encryption-key', description: 'key the application encrypts stored data with' },
  { name: 'DATA_ENCRYPTION_KEY', kind: 'encryption-key', description: 'key the application encrypts stored data with' },
];
