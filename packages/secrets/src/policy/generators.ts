import type { GeneratorSpec, SecretKind } from '../types.ts';

/** The generator used for a kind when a requirement names none. `unknown` has none on purpose. */
export const DEFAULT_GENERATORS: Readonly<Partial<Record<SecretKind, GeneratorSpec>>> = {
  'database-user': { type: 'random', length: 26, charset: 'lower' },
  'database-password': { type: 'password', length: 32 },
  'service-password': { type: 'password', length: 32 },
  'access-key-id': { type: 'random', length: 24, charset: 'alnum' },
  'secret-access-key': { type: 'random', length: 40, charset: 'alnum' },
  'api-key': { type: 'random', length: 40, charset: 'alnum' },
  'webhook-secret': { type: 'hex', bytes: 32 },
  token: { type: 'random', length: 40, charset: 'alnum' },
  'signing-key': { type: 'base64', bytes: 48, url: true },
  'encryption-key': { type: 'hex', bytes: 32 },
  'private-key': { type: 'keypair', algorithm: 'ed25519' },
};
