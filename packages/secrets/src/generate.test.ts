import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { generateSecret, publicKeyFromPrivate } from './generate.ts';
import { CHARSETS, MIN_ENTROPY_BITS, PASSWORD_GROUPS, checkGenerator, entropyBits } from './generator-spec.ts';
import type { GeneratorSpec } from './types.ts';
import { matchesGenerator } from './values.ts';

const DRAWS = 10_000;

const SPECS: readonly [string, GeneratorSpec, RegExp][] = [
  ['random alnum 32', { type: 'random', length: 32, charset: 'alnum' }, /^[A-Za-z0-9]{32}$/],
  ['random lower 26', { type: 'random', length: 26, charset: 'lower' }, /^[a-z]{26}$/],
  ['random hex 32', { type: 'random', length: 32, charset: 'hex' }, /^[0-9a-f]{32}$/],
  ['random custom alphabet', { type: 'random', length: 40, charset: { alphabet: 'ACGT*#@!' } }, /^[ACGT*#@!]{40}$/],
  ['password 24', { type: 'password', length: 24 }, /^[A-Za-z0-9._~-]{24}$/],
  ['uuid', { type: 'uuid' }, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
  ['hex 16 bytes', { type: 'hex', bytes: 16 }, /^[0-9a-f]{32}$/],
  ['base64 18 bytes', { type: 'base64', bytes: 18 }, /^[A-Za-z0-9+/]{24}$/],
  ['base64url 32 bytes', { type: 'base64', bytes: 32, url: true }, /^[A-Za-z0-9_-]{43}$/],
];

describe('generateSecret', () => {
  it.each(SPECS)(`%s: ${DRAWS} draws, no duplicates, right alphabet and length`, (_name, spec, shape) => {
    const seen = new Set<string>();
    for (let i = 0; i < DRAWS; i++) {
      const v = generateSecret(spec);
      expect(shape.test(v)).toBe(true);
      expect(matchesGenerator(spec, v)).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(DRAWS);
  });

  it('uses every character of the alphabet (no character is unreachable)', () => {
    const used = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of generateSecret({ type: 'random', length: 64, charset: 'alnum' })) used.add(c);
    expect(used).toEqual(new Set(CHARSETS.alnum));
  });

  it('puts every password group into every password', () => {
    for (let i = 0; i < 2000; i++) {
      const v = generateSecret({ type: 'password', length: 28 });
      for (const g of PASSWORD_GROUPS) expect([...v].some((c) => g.includes(c))).toBe(true);
    }
  });

  it('makes ed25519 key pairs whose public key can be derived', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const pem = generateSecret({ type: 'keypair', algorithm: 'ed25519' });
      expect(matchesGenerator({ type: 'keypair', algorithm: 'ed25519' }, pem)).toBe(true);
      expect(publicKeyFromPrivate(pem)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      seen.add(pem);
    }
    expect(seen.size).toBe(50);
  });

  it('rejects a bad private key without echoing it', () => {
    const input = 'not-a-key-but-a-secret-like-value-123456';
    try {
      publicKeyFromPrivate(input);
      expect.unreachable();
    } catch (e) {
      expect(isSdkError(e, 'INVALID_ARGUMENT')).toBe(true);
      expect(JSON.stringify(e) + String(e)).not.toContain(input);
    }
  });

  it.each<[string, unknown]>([
    ['too short for the minimum entropy', { type: 'random', length: 16, charset: 'alnum' }],
    ['numeric pin', { type: 'random', length: 6, charset: 'numeric' }],
    ['unknown charset', { type: 'random', length: 32, charset: 'emoji' }],
    ['repeated custom alphabet', { type: 'random', length: 64, charset: { alphabet: 'aab' } }],
    ['zero length', { type: 'random', length: 0, charset: 'alnum' }],
    ['fractional bytes', { type: 'hex', bytes: 16.5 }],
    ['too few bytes', { type: 'hex', bytes: 8 }],
    ['unknown type', { type: 'dice' }],
    ['unknown key algorithm', { type: 'keypair', algorithm: 'dsa' }],
    ['short password', { type: 'password', length: 3 }],
  ])('throws GENERATOR_INVALID for %s', (_name, spec) => {
    expect(() => generateSecret(spec as GeneratorSpec)).toThrow(expect.objectContaining({ code: 'GENERATOR_INVALID' }));
  });
});

describe('entropy', () => {
  it('computes bits from alphabet and length', () => {
    expect(entropyBits({ type: 'hex', bytes: 32 })).toBe(256);
    expect(entropyBits({ type: 'random', length: 10, charset: 'numeric' })).toBeCloseTo(33.22, 1);
    expect(entropyBits({ type: 'uuid' })).toBe(122);
    expect(entropyBits({ type: 'password', length: 32 })).toBeLessThan(32 * Math.log2(66));
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.constantFrom(...(Object.keys(CHARSETS) as (keyof typeof CHARSETS)[]))], { numRuns: 150 })(
    'a random spec passes the check exactly when it reaches the minimum entropy',
    (length, charset) => {
      const spec: GeneratorSpec = { type: 'random', length, charset };
      const ok = checkGenerator(spec, '').length === 0;
      expect(ok).toBe(entropyBits(spec) >= MIN_ENTROPY_BITS);
    },
  );

  test.prop([fc.integer({ min: 1, max: 300 })], { numRuns: 100 })('entropy grows with length', (length) => {
    expect(entropyBits({ type: 'password', length: length + 4 })).toBeGreaterThan(entropyBits({ type: 'password', length: length + 3 }));
  });
});
