import type { Diagnostic } from '@deployment-manager/core/pure';
import type { CharsetName, GeneratorSpec } from './types.ts';
import { secretDiagnostic, type SecretDiagnosticCode } from './diagnostic-codes.ts';

/**
 * The least entropy a generator may produce, in bits. 112 is NIST's minimum
 * security strength (SP 800-131A); a v4 UUID (122 bits) passes, 16 hex bytes pass.
 */
export const MIN_ENTROPY_BITS = 112;

/** Longest value (characters or bytes) a generator may ask for. */
export const MAX_GENERATOR_LENGTH = 4096;

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** The alphabets of the named charsets. */
export const CHARSETS: Readonly<Record<CharsetName, string>> = {
  alnum: UPPER + LOWER + DIGITS,
  alpha: UPPER + LOWER,
  lower: LOWER,
  upper: UPPER,
  numeric: DIGITS,
  hex: '0123456789abcdef',
  base64url: UPPER + LOWER + DIGITS + '-_',
};

/** The groups a `password` draws from; each appears at least once. Symbols are URL-unreserved so passwords fit in connection strings. */
export const PASSWORD_GROUPS: readonly string[] = [UPPER, LOWER, DIGITS, '-_.~'];

/** The alphabet of a `random` spec (named or custom). */
export function alphabetOf(charset: CharsetName | { readonly alphabet: string }): string {
  return typeof charset === 'string' ? CHARSETS[charset] : charset.alphabet;
}

/**
 * Entropy of one generated value in bits (a lower bound for `password`, whose
 * "one of each group" rule removes a small fraction of strings).
 *
 * @example
 * ```ts
 * entropyBits({ type: 'hex', bytes: 32 }) // 256
 * ```
 */
export function entropyBits(spec: GeneratorSpec): number {
  switch (spec.type) {
    case 'random':
      return spec.length * Math.log2(new Set(alphabetOf(spec.charset)).size);
    case 'password': {
      const size = PASSWORD_GROUPS.join('').length;
      // Strings missing a group are at most sum over groups of ((size-g)/size)^n of all strings.
      const missing = PASSWORD_GROUPS.reduce((acc, g) => acc + ((size - g.length) / size) ** spec.length, 0);
      return spec.length * Math.log2(size) + Math.log2(Math.max(1e-300, 1 - Math.min(missing, 0.999999)));
    }
    case 'uuid':
      return 122;
    case 'hex':
    case 'base64':
      return spec.bytes * 8;
    case 'keypair':
      return 128;
  }
}

const isIntIn = (n: unknown, lo: number, hi: number): boolean => typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi;

/**
 * Checks a generator spec: known type, sane sizes, a usable alphabet and at least
 * {@link MIN_ENTROPY_BITS}. Returns diagnostics under `path` (empty when valid).
 *
 * @example
 * ```ts
 * checkGenerator({ type: 'random', length: 8, charset: 'numeric' }, '/generator')
 * // [{ code: 'SECRET_GENERATOR_WEAK', ... }]
 * ```
 */
export function checkGenerator(spec: unknown, path: string): Diagnostic[] {
  const bad = (code: SecretDiagnosticCode, message: string, hint: string): Diagnostic[] => [secretDiagnostic(code, message, { path, hint })];
  if (typeof spec !== 'object' || spec === null) {
    return bad('SECRET_GENERATOR_INVALID', 'generator is not an object', 'use e.g. { "type": "random", "length": 32, "charset": "alnum" }');
  }
  const s = spec as Record<string, unknown>;
  switch (s['type']) {
    case 'random': {
      if (!isIntIn(s['length'], 1, MAX_GENERATOR_LENGTH)) {
        return bad('SECRET_GENERATOR_INVALID', `random generator length ${String(s['length'])} is not an integer in 1..${MAX_GENERATOR_LENGTH}`, 'set an integer length such as 32');
      }
      const cs = s['charset'];
      if (typeof cs === 'string') {
        if (!(cs in CHARSETS)) {
          return bad('SECRET_GENERATOR_INVALID', `random generator charset "${cs}" is unknown`, `use one of ${Object.keys(CHARSETS).join(', ')} or { "alphabet": "..." }`);
        }
      } else if (typeof cs === 'object' && cs !== null && typeof (cs as Record<string, unknown>)['alphabet'] === 'string') {
        const alphabet = (cs as { alphabet: string }).alphabet;
        const chars = [...alphabet];
        if (chars.length < 2 || chars.length > 256 || new Set(chars).size !== chars.length) {
          return bad('SECRET_GENERATOR_INVALID', 'custom alphabet must hold 2..256 distinct characters', 'remove repeated characters from the alphabet');
        }
      } else {
        return bad('SECRET_GENERATOR_INVALID', 'random generator has no charset', 'add "charset": "alnum" (or { "alphabet": "..." })');
      }
      break;
    }
    case 'password':
      if (!isIntIn(s['length'], PASSWORD_GROUPS.length, MAX_GENERATOR_LENGTH)) {
        return bad('SECRET_GENERATOR_INVALID', `password generator length ${String(s['length'])} is not an integer in ${PASSWORD_GROUPS.length}..${MAX_GENERATOR_LENGTH}`, 'set a length such as 32');
      }
      break;
    case 'uuid':
      break;
    case 'hex':
    case 'base64':
      if (!isIntIn(s['bytes'], 1, MAX_GENERATOR_LENGTH)) {
        return bad('SECRET_GENERATOR_INVALID', `${s['type']} generator bytes ${String(s['bytes'])} is not an integer in 1..${MAX_GENERATOR_LENGTH}`, 'set bytes such as 32');
      }
      if (s['type'] === 'base64' && s['url'] !== undefined && typeof s['url'] !== 'boolean') {
        return bad('SECRET_GENERATOR_INVALID', 'base64 generator "url" is not a boolean', 'set "url": true or leave it out');
      }
      break;
    case 'keypair':
      if (s['algorithm'] !== 'ed25519' && s['algorithm'] !== 'rsa-3072') {
        return bad('SECRET_GENERATOR_INVALID', `keypair algorithm "${String(s['algorithm'])}" is not supported`, 'use ed25519 or rsa-3072');
      }
      break;
    default:
      return bad('SECRET_GENERATOR_INVALID', `generator type "${String(s['type'])}" is unknown`, 'use random, password, uuid, hex, base64 or keypair');
  }
  const bits = entropyBits(spec as GeneratorSpec);
  if (bits < MIN_ENTROPY_BITS) {
    return bad(
      'SECRET_GENERATOR_WEAK',
      `generator yields about ${Math.floor(bits)} bits of entropy, below the minimum of ${MIN_ENTROPY_BITS}`,
      'increase the length (or bytes), or use a larger charset',
    );
  }
  return [];
}
