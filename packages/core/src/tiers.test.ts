import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TIERS, normalizeTier, parseTier } from './tiers.ts';
import { isSdkError } from './errors.ts';

describe('tiers', () => {
  it.each([
    ['tier-2-desktop', 'desktop'],
    ['2', 'desktop'],
    [2, 'desktop'],
    ['Desktop', 'desktop'],
    ['tier_4_saas', 'saas'],
    ['cloud', 'saas'],
    ['5', 'enterprise'],
    ['server', 'server'],
    ['local', 'local'],
  ] as const)('normalizes %s to %s', (input, tier) => {
    expect(normalizeTier(input)).toBe(tier);
  });

  it('parseTier rejects server and unknown spellings with TIER_UNKNOWN', () => {
    for (const bad of ['server', 'moon', '7', '']) {
      expect(() => parseTier(bad)).toThrow();
      try {
        parseTier(bad);
      } catch (e) {
        expect(isSdkError(e, 'TIER_UNKNOWN')).toBe(true);
      }
    }
  });

  test.prop([fc.constantFrom(...TIERS)])('canonical ids and their numbers round-trip', (tier) => {
    expect(parseTier(tier)).toBe(tier);
    expect(parseTier(TIERS.indexOf(tier) + 1)).toBe(tier);
  });

  test.prop([fc.string()])('never throws from normalizeTier', (s) => {
    const t = normalizeTier(s);
    expect(t === undefined || typeof t === 'string').toBe(true);
  });
});
