import { spawnSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { matchesGenerator, type GeneratorSpec } from '@deployment-manager/secrets';
import { describe, expect, it } from 'vitest';
import { generatorCommand } from './generator-commands.ts';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const spec: fc.Arbitrary<GeneratorSpec> = fc.oneof(
  fc.record({ type: fc.constant('random' as const), length: fc.integer({ min: 22, max: 64 }), charset: fc.constantFrom('alnum' as const, 'alpha' as const, 'lower' as const, 'upper' as const, 'hex' as const, 'base64url' as const) }),
  fc.record({ type: fc.constant('random' as const), length: fc.integer({ min: 40, max: 64 }), charset: fc.record({ alphabet: fc.constantFrom('ab-cd[]\\^$', "quote'and\"dq", '0123456789!@#%&*') }) }),
  fc.record({ type: fc.constant('password' as const), length: fc.integer({ min: 16, max: 48 }) }),
  fc.constant({ type: 'uuid' as const }),
  ...(hasOpenssl
    ? [
        fc.record({ type: fc.constant('hex' as const), bytes: fc.integer({ min: 16, max: 48 }) }),
        fc.record({ type: fc.constant('base64' as const), bytes: fc.integer({ min: 16, max: 48 }), url: fc.boolean() }),
      ]
    : []),
);

describe('generatorCommand', () => {
  test.prop([spec], { numRuns: 60 })('the command run by bash prints a value the secrets package accepts for the spec', (s) => {
    const command = generatorCommand(s);
    expect(command).toBeDefined();
    const r = spawnSync('bash', ['-c', command ?? 'false'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(matchesGenerator(s, r.stdout)).toBe(true);
  });

  it('gives up on values an env file cannot hold', () => {
    expect(generatorCommand({ type: 'keypair', algorithm: 'ed25519' })).toBeUndefined();
    expect(generatorCommand({ type: 'random', length: 40, charset: { alphabet: 'äöüß' } })).toBeUndefined();
  });
});
