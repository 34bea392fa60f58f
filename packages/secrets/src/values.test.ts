import { describe, expect, it } from 'vitest';
import { planSecrets } from './plan.ts';
import type { PlannedSecret } from './types.ts';
import { checkProvidedValue, matchesGenerator } from './values.ts';
import { graphOf, scenarioSpec } from '../test/fixtures.ts';

const secret = (id: string, tier: 'desktop' | 'local', resources: string[], overrides = {}): PlannedSecret =>
  planSecrets(graphOf('app', resources), { tier, scenario: scenarioSpec('app'), overrides }).secrets.find((s) => s.id === id) as PlannedSecret;

describe('checkProvidedValue', () => {
  const openai = secret('openai.api_key', 'desktop', ['openai']);
  it.each<[string, string, string[]]>([
    ['a key of the right format', 'sk-abcdefghijklmnopqrstuvwx', []],
    ['an empty answer', '', ['SECRET_VALUE_EMPTY']],
    ['a key of the wrong format', 'pk-abcdefghijklmnopqrstuvwx', ['SECRET_VALUE_FORMAT']],
    ['a multi-line answer for an env var', 'sk-abcdefghijklmnopqrstuvwx\nsk-x', ['SECRET_VALUE_MULTILINE']],
  ])('%s', (_name, value, codes) => {
    expect(checkProvidedValue(openai, value).map((d) => d.code)).toEqual(codes);
  });

  it('checks an imported generated value against its generator shape', () => {
    const qdrant = secret('qdrant.api_key', 'local', ['qdrant']);
    expect(checkProvidedValue(qdrant, 'A'.repeat(40)).map((d) => d.code)).toEqual([]);
    expect(checkProvidedValue(qdrant, 'too-short').map((d) => d.code)).toEqual(['SECRET_VALUE_SHAPE']);
  });

  it('accepts a multi-line value for a file target', () => {
    const overrides = { secrets: [{ id: 'qdrant.api_key', class: 'user_prompt' as const, targets: [{ type: 'file' as const, name: 'keys/q' }] }] };
    expect(checkProvidedValue(secret('qdrant.api_key', 'local', ['qdrant'], overrides), 'line1\nline2')).toEqual([]);
  });
});

describe('matchesGenerator', () => {
  it.each<[string, Parameters<typeof matchesGenerator>[0], string, boolean]>([
    ['hex', { type: 'hex', bytes: 2 }, 'beef', true],
    ['hex upper case', { type: 'hex', bytes: 2 }, 'BEEF', false],
    ['base64', { type: 'base64', bytes: 3 }, 'AAEC', true],
    ['base64 wrong length', { type: 'base64', bytes: 4 }, 'AAEC', false],
    ['base64url', { type: 'base64', bytes: 3, url: true }, '_-8A', true],
    ['uuid', { type: 'uuid' }, '0e8b9c52-4f0a-4c7e-9d1b-2a3b4c5d6e7f', true],
    ['uuid v1', { type: 'uuid' }, '0e8b9c52-4f0a-1c7e-9d1b-2a3b4c5d6e7f', false],
    ['password missing a symbol', { type: 'password', length: 4 }, 'aB3x', false],
    ['password', { type: 'password', length: 4 }, 'aB3~', true],
  ])('%s', (_name, spec, value, expected) => {
    expect(matchesGenerator(spec, value)).toBe(expected);
  });
});
