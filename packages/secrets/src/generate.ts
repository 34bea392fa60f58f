import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { SdkError } from '@deployment-manager/core/pure';
import { PASSWORD_GROUPS, alphabetOf, checkGenerator } from './generator-spec.ts';
import type { GeneratorSpec } from './types.ts';

/**
 * Draws `count` uniform indices below `n` (2 <= n <= 256) from the CSPRNG by
 * rejection sampling, so no index is favoured by a modulo bias.
 */
function uniformIndices(n: number, count: number): number[] {
  const limit = Math.floor(256 / n) * n;
  const out: number[] = [];
  while (out.length < count) {
    const chunk = randomBytes(Math.max(16, Math.ceil(((count - out.length) * 256) / limit) + 8));
    for (const b of chunk) {
      if (b < limit) out.push(b % n);
      if (out.length === count) break;
    }
  }
  return out;
}

function drawFrom(alphabet: readonly string[], length: number): string {
  return uniformIndices(alphabet.length, length)
    .map((i) => alphabet[i] as string)
    .join('');
}

function password(length: number): string {
  const all = [...PASSWORD_GROUPS.join('')];
  // Rejection keeps the result uniform over the strings that contain every group.
  for (;;) {
    const candidate = drawFrom(all, length);
    if (PASSWORD_GROUPS.every((g) => [...candidate].some((c) => g.includes(c)))) return candidate;
  }
}

/**
 * Generates one secret value from a spec with `node:crypto` only. The spec is
 * checked first (including {@link MIN_ENTROPY_BITS}); a bad spec throws
 * `GENERATOR_INVALID`. This is the one impure function of the package.
 *
 * @example
 * ```ts
 * generateSecret({ type: 'random', length: 32, charset: 'alnum' }) // 32 alphanumerics
 * generateSecret({ type: 'uuid' })                                  // 'xxxxxxxx-xxxx-4xxx-...'
 * ```
 */
export function generateSecret(spec: GeneratorSpec): string {
  const issues = checkGenerator(spec, '');
  const first = issues[0];
  if (first !== undefined) {
    throw new SdkError('GENERATOR_INVALID', first.message, { hint: first.hint ?? 'fix the generator spec', details: { code: first.code } });
  }
  switch (spec.type) {
    case 'random':
      return drawFrom([...alphabetOf(spec.charset)], spec.length);
    case 'password':
      return password(spec.length);
    case 'uuid':
      return randomUUID();
    case 'hex':
      return randomBytes(spec.bytes).toString('hex');
    case 'base64':
      return randomBytes(spec.bytes).toString(spec.url === true ? 'base64url' : 'base64');
    case 'keypair':
      return spec.algorithm === 'ed25519'
        ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
        : generateKeyPairSync('rsa', { modulusLength: 3072 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}

/**
 * Derives the SPKI PEM public key of a generated `keypair` private key, e.g. to
 * publish it next to the bundle. Throws `INVALID_ARGUMENT` (without echoing the input) on a bad key.
 *
 * @example
 * ```ts
 * const pub = publicKeyFromPrivate(generateSecret({ type: 'keypair', algorithm: 'ed25519' }));
 * ```
 */
export function publicKeyFromPrivate(privateKeyPem: string): string {
  try {
    return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    // No cause attached: parser errors may quote the input.
    throw new SdkError('INVALID_ARGUMENT', 'the value is not a pem private key', { hint: 'pass the value made by a keypair generator' });
  }
}
