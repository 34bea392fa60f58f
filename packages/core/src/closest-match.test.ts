import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { closestMatch } from './closest-match.ts';

describe('closestMatch', () => {
  it.each([
    ['teir', ['root', 'tier', 'json'], 'tier'],
    ['--teir', ['--root', '--tier'], '--tier'],
    ['deskop', ['local', 'desktop', 'mobile'], 'desktop'],
    ['pakage', ['package', 'plan', 'profile'], 'package'],
    ['recipe-hbu', ['auth-lite', 'recipe-hub'], 'recipe-hub'],
    ['DESKTOP', ['desktop'], 'desktop'],
    ['pack', ['package', 'plan'], 'package'],
    ['linuxx64', ['darwin-arm64', 'linux-x64', 'win-x64'], 'linux-x64'],
    ['upgrades', ['always', 'first_install', 'upgrade'], 'upgrade'],
    ['api_ky', ['api_key', 'jwt_secret'], 'api_key'],
  ])('%s -> %s', (input, candidates, expected) => {
    expect(closestMatch(input, candidates)).toBe(expected);
  });

  it.each([
    ['xyz', ['root', 'tier']],
    ['moon', ['local', 'desktop', 'mobile', 'saas', 'enterprise']],
    ['p', ['package', 'plan', 'profile']],
    ['', ['a']],
    // Two letters changed out of two is a different word, not a typo.
    ['db', ['api', 'ui']],
    ['a.b', ['api', 'db', 'ui']],
  ])('%s has no plausible match', (input, candidates) => {
    expect(closestMatch(input, candidates)).toBeUndefined();
  });

  test.prop([fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), fc.nat()])('a candidate always matches itself', (candidates, i) => {
    const pick = candidates[i % candidates.length] as string;
    // Case-insensitive: an earlier candidate that differs only in case may win; it is the same word.
    expect(closestMatch(pick, candidates)?.toLowerCase()).toBe(pick.toLowerCase());
  });

  test.prop([fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 })])('the answer is one of the candidates, or none', (input, candidates) => {
    const match = closestMatch(input, candidates);
    if (match !== undefined) expect(candidates).toContain(match);
  });
});
