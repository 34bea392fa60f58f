import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { TIERS, type Tier } from '@deployment-manager/core';
import type { CatalogEntry } from '@deployment-manager/catalog';
import { entryArb, entryWith, NEUTRAL, worseArb, type WorseFact } from '../test/entries.ts';
import { combineSubscores, scoreEntry, unknownScore } from './score-dependency.ts';
import { SUBSCORE_WEIGHTS, TIER_CONSTRAINTS, type TierConstraints } from './tier-constraints.ts';
import type { SubScoreName } from './types.ts';

/** A deduction as the table states it: [fact, sub-score, delta, blocker]. */
type Deduction = readonly [string, SubScoreName, number, boolean];

interface Canonical {
  readonly tier: Tier;
  readonly facts: Partial<CatalogEntry>;
  readonly score: number;
  readonly subscores: readonly [number, number, number, number];
  readonly reasons: readonly Deduction[];
}

// The rules pinned by hand. Each score is worked out from tier-constraints.ts and the documented
// formula: four sub-scores (portability, resources, licensing, platform_support) start at 100 and
// lose each deduction (never below 0); the score is 0.35 P + 0.30 R + 0.15 L + 0.20 S, rounded to
// two decimals, and at most the tier's blocker cap (20) when a deduction blocks. RAM and disk over
// a budget B cost min(max, round(10 + 30 log2(value / B))), max 70 for RAM and 40 for disk. A
// missing OS costs round(100 * missing / required) of platform_support (a blocker when all are
// missing), a missing architecture the tier's archDelta each. Facts not named are NEUTRAL's.
const CANONICAL: readonly Canonical[] = [
  // Nothing to deduct: 100 everywhere.
  ...TIERS.map((tier): Canonical => ({ tier, facts: {}, score: 100, subscores: [100, 100, 100, 100], reasons: [] })),
  // daemon: desktop 50 -> P 50: 17.5 + 30 + 15 + 20 = 82.5
  { tier: 'desktop', facts: { daemon: true }, score: 82.5, subscores: [50, 100, 100, 100], reasons: [['daemon', 'portability', -50, false]] },
  // daemon: mobile 100 and blocks -> P 0: 0 + 30 + 15 + 20 = 65, capped at 20
  { tier: 'mobile', facts: { daemon: true }, score: 20, subscores: [0, 100, 100, 100], reasons: [['daemon', 'portability', -100, true]] },
  // daemon: free on local and enterprise; saas 5 -> P 95: 33.25 + 65 = 98.25
  { tier: 'local', facts: { daemon: true }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  { tier: 'enterprise', facts: { daemon: true }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  { tier: 'saas', facts: { daemon: true }, score: 98.25, subscores: [95, 100, 100, 100], reasons: [['daemon', 'portability', -5, false]] },
  // internet: enterprise 40 -> P 60: 21 + 65 = 86, whether the entry needs it or only cannot work offline
  { tier: 'enterprise', facts: { network: 'internet' }, score: 86, subscores: [60, 100, 100, 100], reasons: [['network', 'portability', -40, false]] },
  { tier: 'enterprise', facts: { network: 'local', offline: false }, score: 86, subscores: [60, 100, 100, 100], reasons: [['network', 'portability', -40, false]] },
  // internet: free on saas; mobile 10 -> P 90: 31.5 + 65 = 96.5
  { tier: 'saas', facts: { network: 'internet', offline: false }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  { tier: 'mobile', facts: { network: 'internet' }, score: 96.5, subscores: [90, 100, 100, 100], reasons: [['network', 'portability', -10, false]] },
  // daemon and internet on desktop: P 100 - 50 - 25 = 25: 8.75 + 65 = 73.75
  { tier: 'desktop', facts: { daemon: true, network: 'internet' }, score: 73.75, subscores: [25, 100, 100, 100], reasons: [['daemon', 'portability', -50, false], ['network', 'portability', -25, false]] },
  // gpu required: desktop 60 -> R 40: 35 + 12 + 15 + 20 = 82; optional 15 -> R 85: 35 + 25.5 + 35 = 95.5
  { tier: 'desktop', facts: { gpu: 'required' }, score: 82, subscores: [100, 40, 100, 100], reasons: [['gpu', 'resources', -60, false]] },
  { tier: 'desktop', facts: { gpu: 'optional' }, score: 95.5, subscores: [100, 85, 100, 100], reasons: [['gpu', 'resources', -15, false]] },
  // gpu on mobile: required 100 and blocks -> R 0: 35 + 0 + 35 = 70, capped at 20; optional 20 -> R 80: 35 + 24 + 35 = 94
  { tier: 'mobile', facts: { gpu: 'required' }, score: 20, subscores: [100, 0, 100, 100], reasons: [['gpu', 'resources', -100, true]] },
  { tier: 'mobile', facts: { gpu: 'optional' }, score: 94, subscores: [100, 80, 100, 100], reasons: [['gpu', 'resources', -20, false]] },
  // gpu on local: required 10 -> R 90: 35 + 27 + 35 = 97; optional free
  { tier: 'local', facts: { gpu: 'required' }, score: 97, subscores: [100, 90, 100, 100], reasons: [['gpu', 'resources', -10, false]] },
  { tier: 'local', facts: { gpu: 'optional' }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  // ram on desktop (budget 1024): at the budget nothing; 1025: 10 + 30 log2(1025/1024) = 10.04 -> 10 -> R 90: 97
  { tier: 'desktop', facts: { ramMb: 1024 }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  { tier: 'desktop', facts: { ramMb: 1025 }, score: 97, subscores: [100, 90, 100, 100], reasons: [['ramMb', 'resources', -10, false]] },
  // 2048: 10 + 30 * 1 = 40 -> R 60: 35 + 18 + 35 = 88; 8192: 10 + 30 * 3 = 100, at most 70 -> R 30: 35 + 9 + 35 = 79
  { tier: 'desktop', facts: { ramMb: 2048 }, score: 88, subscores: [100, 60, 100, 100], reasons: [['ramMb', 'resources', -40, false]] },
  { tier: 'desktop', facts: { ramMb: 8192 }, score: 79, subscores: [100, 30, 100, 100], reasons: [['ramMb', 'resources', -70, false]] },
  // ram on mobile (budget 256): 512 costs 40 -> 88
  { tier: 'mobile', facts: { ramMb: 512 }, score: 88, subscores: [100, 60, 100, 100], reasons: [['ramMb', 'resources', -40, false]] },
  // disk on desktop (budget 2048): 2900: 10 + 30 log2(1.416) = 25.06 -> 25 -> R 75: 35 + 22.5 + 35 = 92.5
  { tier: 'desktop', facts: { diskMb: 2900 }, score: 92.5, subscores: [100, 75, 100, 100], reasons: [['diskMb', 'resources', -25, false]] },
  // 4096: 40 -> R 60: 88; 16384: 10 + 30 * 3 = 100, at most 40 -> R 60: 88
  { tier: 'desktop', facts: { diskMb: 4096 }, score: 88, subscores: [100, 60, 100, 100], reasons: [['diskMb', 'resources', -40, false]] },
  { tier: 'desktop', facts: { diskMb: 16384 }, score: 88, subscores: [100, 60, 100, 100], reasons: [['diskMb', 'resources', -40, false]] },
  // ram 2048 and disk 4096: R 100 - 40 - 40 = 20: 35 + 6 + 35 = 76
  { tier: 'desktop', facts: { ramMb: 2048, diskMb: 4096 }, score: 76, subscores: [100, 20, 100, 100], reasons: [['ramMb', 'resources', -40, false], ['diskMb', 'resources', -40, false]] },
  // gpu required and ram 8192: R 100 - 60 = 40, then 40 - 70 stops at 0: 35 + 0 + 35 = 70 (not blocked on desktop)
  { tier: 'desktop', facts: { gpu: 'required', ramMb: 8192 }, score: 70, subscores: [100, 0, 100, 100], reasons: [['gpu', 'resources', -60, false], ['ramMb', 'resources', -70, false]] },
  // licences: desktop strong copyleft 25 -> L 75: 65 + 11.25 + 20 = 96.25; mobile proprietary 60 -> L 40: 65 + 6 + 20 = 91
  { tier: 'desktop', facts: { license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' } }, score: 96.25, subscores: [100, 100, 75, 100], reasons: [['license.class', 'licensing', -25, false]] },
  { tier: 'mobile', facts: { license: { spdx: 'Proprietary', class: 'proprietary' } }, score: 91, subscores: [100, 100, 40, 100], reasons: [['license.class', 'licensing', -60, false]] },
  // saas network copyleft 40 -> L 60: 65 + 9 + 20 = 94; source-available 60 -> L 40: 91; enterprise hosted terms 15 -> L 85: 65 + 12.75 + 20 = 97.75
  { tier: 'saas', facts: { license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' } }, score: 94, subscores: [100, 100, 60, 100], reasons: [['license.class', 'licensing', -40, false]] },
  { tier: 'saas', facts: { license: { spdx: 'BUSL-1.1', class: 'source-available' } }, score: 91, subscores: [100, 100, 40, 100], reasons: [['license.class', 'licensing', -60, false]] },
  { tier: 'enterprise', facts: { license: { spdx: 'Terms', class: 'hosted-terms' } }, score: 97.75, subscores: [100, 100, 85, 100], reasons: [['license.class', 'licensing', -15, false]] },
  { tier: 'local', facts: { license: { spdx: 'Proprietary', class: 'proprietary' } }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  // os on desktop (windows, macos, linux): linux only misses 2 of 3 -> round(66.7) = 67 -> S 33: 80 + 6.6 = 86.6
  { tier: 'desktop', facts: { platforms: { os: ['linux'], arch: ['x64', 'arm64'] } }, score: 86.6, subscores: [100, 100, 100, 33], reasons: [['platforms.os', 'platform_support', -67, false]] },
  // no linux: 1 of 3 -> 33 -> S 67: 80 + 13.4 = 93.4
  { tier: 'desktop', facts: { platforms: { os: ['macos', 'windows'], arch: ['x64', 'arm64'] } }, score: 93.4, subscores: [100, 100, 100, 67], reasons: [['platforms.os', 'platform_support', -33, false]] },
  // mobile (ios, android) with neither: 100 and blocks -> S 0: 80, capped at 20; ios only: 50 -> S 50: 90
  { tier: 'mobile', facts: { platforms: { os: ['linux', 'macos', 'windows'], arch: ['x64', 'arm64'] } }, score: 20, subscores: [100, 100, 100, 0], reasons: [['platforms.os', 'platform_support', -100, true]] },
  { tier: 'mobile', facts: { platforms: { os: ['ios'], arch: ['x64', 'arm64'] } }, score: 90, subscores: [100, 100, 100, 50], reasons: [['platforms.os', 'platform_support', -50, false]] },
  // enterprise (linux) without linux: blocked -> 80, capped at 20
  { tier: 'enterprise', facts: { platforms: { os: [], arch: ['x64', 'arm64'] } }, score: 20, subscores: [100, 100, 100, 0], reasons: [['platforms.os', 'platform_support', -100, true]] },
  // arch: desktop misses arm64: 15 -> S 85: 97; none at all: 30 -> S 70: 94; mobile misses arm64: 50 -> 90; enterprise 10 -> 98
  { tier: 'desktop', facts: { platforms: { os: ['linux', 'macos', 'windows', 'ios', 'android'], arch: ['x64'] } }, score: 97, subscores: [100, 100, 100, 85], reasons: [['platforms.arch', 'platform_support', -15, false]] },
  { tier: 'desktop', facts: { platforms: { os: ['linux', 'macos', 'windows', 'ios', 'android'], arch: [] } }, score: 94, subscores: [100, 100, 100, 70], reasons: [['platforms.arch', 'platform_support', -30, false]] },
  { tier: 'mobile', facts: { platforms: { os: ['linux', 'macos', 'windows', 'ios', 'android'], arch: ['x64'] } }, score: 90, subscores: [100, 100, 100, 50], reasons: [['platforms.arch', 'platform_support', -50, false]] },
  { tier: 'enterprise', facts: { platforms: { os: ['linux', 'macos', 'windows', 'ios', 'android'], arch: ['x64'] } }, score: 98, subscores: [100, 100, 100, 90], reasons: [['platforms.arch', 'platform_support', -10, false]] },
  // arch costs nothing where archDelta is 0 (local, saas), even with none
  { tier: 'local', facts: { platforms: { os: ['linux'], arch: [] } }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  { tier: 'saas', facts: { platforms: { os: ['linux'], arch: [] } }, score: 100, subscores: [100, 100, 100, 100], reasons: [] },
  // desktop linux/x64 only: S 100 - 67 - 15 = 18: 80 + 3.6 = 83.6
  { tier: 'desktop', facts: { platforms: { os: ['linux'], arch: ['x64'] } }, score: 83.6, subscores: [100, 100, 100, 18], reasons: [['platforms.os', 'platform_support', -67, false], ['platforms.arch', 'platform_support', -15, false]] },
  // an ollama-like server on mobile: P 0 (daemon blocks); R 100 - 20 (optional gpu) = 80, ram 8192 over 256 costs
  // 10 + 30 * 5 = 160 -> 70 -> 10, disk 4000 over 200 costs 10 + 30 * 4.32 -> 40 -> 0; L 100; S 0 (no ios/android, blocks):
  // 0 + 0 + 15 + 0 = 15, under the cap, so 15
  {
    tier: 'mobile',
    facts: { daemon: true, gpu: 'optional', ramMb: 8192, diskMb: 4000, platforms: { os: ['linux', 'macos', 'windows'], arch: ['x64', 'arm64'] } },
    score: 15,
    subscores: [0, 0, 100, 0],
    reasons: [['daemon', 'portability', -100, true], ['gpu', 'resources', -20, false], ['ramMb', 'resources', -70, false], ['diskMb', 'resources', -40, false], ['platforms.os', 'platform_support', -100, true]],
  },
];

const deduction = (r: { fact: string; subscore: SubScoreName; delta: number; blocker: boolean }): Deduction => [r.fact, r.subscore, r.delta, r.blocker];

describe('scoreEntry: the rules, pinned by hand', () => {
  it.each(CANONICAL.map((c) => [`${c.tier} ${JSON.stringify(c.facts)}`, c] as const))('%s', (_, c) => {
    const s = scoreEntry(entryWith(c.facts), TIER_CONSTRAINTS[c.tier], 'resource:x');
    expect(s.verdict).toBe('known');
    expect(s.score).toBe(c.score);
    expect([s.subscores.portability, s.subscores.resources, s.subscores.licensing, s.subscores.platform_support]).toEqual(c.subscores);
    expect(s.reasons.map(deduction)).toEqual(c.reasons);
    expect(s.supported).toBe(!c.reasons.some((r) => r[3]));
    expect(s.reasons.every((r) => r.dependency === 'resource:x')).toBe(true);
  });

  it('explains each deduction in a sentence naming the dependency, the fact and the tier', () => {
    const on = (tier: Tier, facts: Partial<CatalogEntry>): string[] => scoreEntry(entryWith({ ...facts, name: 'pg' }), TIER_CONSTRAINTS[tier]).reasons.map((r) => r.message);
    expect(on('desktop', { daemon: true, network: 'internet' })).toEqual([
      'pg runs as a separate server process that a desktop install must start and supervise',
      'pg needs the internet, so a desktop install cannot work offline or air-gapped',
    ]);
    expect(on('desktop', { gpu: 'required', ramMb: 2048, diskMb: 4096 })).toEqual([
      'pg requires a gpu, which a desktop target may not have',
      'pg needs about 2048 MiB of ram, over the 1024 MiB a desktop dependency should use',
      'pg needs about 4096 MiB of disk, over the 2048 MiB a desktop dependency should use',
    ]);
    expect(on('mobile', { gpu: 'optional', license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' } })).toEqual([
      'pg is slow without a gpu, and a mobile target usually has none',
      'pg is strong-copyleft (GPL-3.0-only), which constrains how a mobile install may distribute it',
    ]);
    expect(on('desktop', { platforms: { os: ['linux'], arch: ['x64'] } })).toEqual(['pg does not run on windows, macos', 'pg has no arm64 build']);
    expect(on('desktop', { platforms: { os: ['linux', 'windows', 'macos'], arch: [] } })).toEqual(['pg has no x64, arm64 build']);
    expect(on('mobile', { platforms: { os: ['linux'], arch: ['arm64'] } })).toEqual(['pg does not run on ios, android, so it cannot run on a mobile target at all']);
  });

  it('names the dependency it is given, or the entry', () => {
    const e = entryWith({ name: 'redis', daemon: true });
    expect(scoreEntry(e, TIER_CONSTRAINTS.desktop).reasons[0]?.dependency).toBe('redis');
    expect(scoreEntry(e, TIER_CONSTRAINTS.desktop, 'resource:cache').reasons[0]?.dependency).toBe('resource:cache');
  });

  it('reads the tier it is given: a tuned tier changes deductions, blockers and the cap', () => {
    const strict: TierConstraints = { ...TIER_CONSTRAINTS.desktop, daemon: { delta: 70, blocker: true }, blockerCap: 10 };
    const s = scoreEntry(entryWith({ daemon: true }), strict);
    // P 30 -> 10.5 + 30 + 15 + 20 = 75.5, capped at 10
    expect([s.score, s.supported, s.subscores.portability]).toEqual([10, false, 30]);
    // A zero-cost blocker is still a blocker (and a reason), a zero budget disables the budget.
    const free: TierConstraints = { ...TIER_CONSTRAINTS.desktop, daemon: { delta: 0, blocker: true }, ramBudgetMb: 0, diskBudgetMb: 0 };
    const f = scoreEntry(entryWith({ daemon: true, ramMb: 1e6, diskMb: 1e7 }), free);
    expect([f.score, f.supported, f.reasons.map(deduction)]).toEqual([20, false, [['daemon', 'portability', -0, true]]]);
    // A tier that names no OS or architecture asks none of a dependency, even one that lists none.
    const anywhere: TierConstraints = { ...TIER_CONSTRAINTS.desktop, os: [], arch: [] };
    const a = scoreEntry(entryWith({ platforms: { os: [], arch: [] } }), anywhere);
    expect([a.score, a.supported, a.reasons]).toEqual([100, true, []]);
  });

  it('weighs the sub-scores 0.35 / 0.30 / 0.15 / 0.20 and rounds to two decimals', () => {
    expect(SUBSCORE_WEIGHTS).toEqual({ portability: 0.35, resources: 0.3, licensing: 0.15, platform_support: 0.2 });
    expect(combineSubscores({ portability: 100, resources: 0, licensing: 0, platform_support: 0 })).toBe(35);
    expect(combineSubscores({ portability: 0, resources: 100, licensing: 0, platform_support: 0 })).toBe(30);
    expect(combineSubscores({ portability: 0, resources: 0, licensing: 100, platform_support: 0 })).toBe(15);
    expect(combineSubscores({ portability: 0, resources: 0, licensing: 0, platform_support: 100 })).toBe(20);
    // 0.35 * 33 + 0.3 * 67 + 0.15 * 1 + 0.2 * 1 = 11.55 + 20.1 + 0.15 + 0.2 = 32 (floating point gives 31.999999999999996)
    expect(combineSubscores({ portability: 33, resources: 67, licensing: 1, platform_support: 1 })).toBe(32);
    // 0.35 * 1 + 0.3 * 1 + 0.15 * 1 + 0.2 * 2 = 1.2 (floating point gives 1.2000000000000002)
    expect(combineSubscores({ portability: 1, resources: 1, licensing: 1, platform_support: 2 })).toBe(1.2);
  });
});

describe('unknownScore', () => {
  it('is an explicit unknown verdict: no score, not supported, one note and a hint naming the dependency', () => {
    expect(unknownScore('resource:mystery', 'mystery')).toEqual({
      verdict: 'unknown',
      score: null,
      supported: false,
      subscores: { portability: 0, resources: 0, licensing: 0, platform_support: 0 },
      reasons: [{ dependency: 'resource:mystery', fact: 'unknown', subscore: 'portability', delta: 0, blocker: false, message: 'mystery is not in the capability catalog, so its fitness is unknown' }],
      hint: `add a catalog entry for "mystery" (createCatalog([{ name: 'mystery', daemon, network, ramMb, license, provides, ... }])) or swap it for a known dependency`,
    });
  });
});

describe('the tier table', () => {
  it('names each tier as itself, describes it, and never charges a negative amount', () => {
    for (const t of TIERS) {
      const c = TIER_CONSTRAINTS[t];
      expect(c.tier).toBe(t);
      expect(c.description).toMatch(/^[a-z].{20,}$/);
      const tolerances = [c.daemon, c.internet, c.gpuRequired, c.gpuOptional, ...Object.values(c.license)];
      expect(tolerances.every((x) => x.delta >= 0 && x.delta <= 100)).toBe(true);
      expect(c.gpuRequired.delta).toBeGreaterThanOrEqual(c.gpuOptional.delta);
    }
  });

  it('blocks exactly what cannot ship: on mobile a daemon and a required gpu; nowhere else anything but a missing platform', () => {
    const blockers = TIERS.flatMap((t) => {
      const c = TIER_CONSTRAINTS[t];
      const named = { daemon: c.daemon, internet: c.internet, gpuRequired: c.gpuRequired, gpuOptional: c.gpuOptional, ...c.license };
      return Object.entries(named).filter(([, x]) => x.blocker).map(([k]) => `${t}.${k}`);
    });
    expect(blockers).toEqual(['mobile.daemon', 'mobile.gpuRequired']);
  });

  it('asks each tier for the platforms its installs run on', () => {
    expect(TIERS.map((t) => [t, TIER_CONSTRAINTS[t].os, TIER_CONSTRAINTS[t].arch])).toEqual([
      ['local', ['linux'], ['x64']],
      ['desktop', ['windows', 'macos', 'linux'], ['x64', 'arm64']],
      ['mobile', ['ios', 'android'], ['arm64']],
      ['saas', ['linux'], ['x64']],
      ['enterprise', ['linux'], ['x64', 'arm64']],
    ]);
  });
});

describe('metamorphic properties of a dependency score (1,000 cases each)', () => {
  it('a worse fact never raises the score, a sub-score or support, on any tier', () => {
    const lowered = new Map<WorseFact, number>();
    const seen = new Map<WorseFact, number>();
    fc.assert(
      fc.property(worseArb, ({ fact, base, worse }) => {
        seen.set(fact, (seen.get(fact) ?? 0) + 1);
        let lower = false;
        for (const t of TIERS) {
          const b = scoreEntry(base, TIER_CONSTRAINTS[t]);
          const w = scoreEntry(worse, TIER_CONSTRAINTS[t]);
          expect(w.score as number).toBeLessThanOrEqual(b.score as number);
          for (const k of Object.keys(b.subscores) as SubScoreName[]) expect(w.subscores[k]).toBeLessThanOrEqual(b.subscores[k]);
          if (w.supported) expect(b.supported).toBe(true);
          lower ||= (w.score as number) < (b.score as number);
        }
        if (lower) lowered.set(fact, (lowered.get(fact) ?? 0) + 1);
      }),
      { numRuns: 1000 },
    );
    // Every kind of worse fact was tried, and most pairs really score lower on some tier (the
    // rest are already at a floor: a sub-score at 0, a blocked entry under its cap, or a fact no tier charges).
    expect([...seen.keys()].sort()).toEqual(['arch', 'daemon', 'diskMb', 'gpu', 'internet', 'license', 'os', 'ramMb']);
    const total = [...lowered.values()].reduce((a, b) => a + b, 0);
    expect(total / 1000).toBeGreaterThan(0.5);
  });

  it('a blocked dependency never scores above the blocker cap, whatever the tier charges', () => {
    // A tier with arbitrary costs and a cap up to 50 (where a blocked entry usually lands above it), and an entry that trips at least one of its blockers by construction.
    const tolerance = fc.record({ delta: fc.nat(100), blocker: fc.boolean() });
    const caseArb = fc
      .tuple(entryArb, fc.constantFrom(...TIERS), fc.record({ daemon: tolerance, gpuRequired: tolerance, blockerCap: fc.nat(50) }), fc.constantFrom('daemon', 'gpu', 'os'))
      .map(([e, t, custom, via]) => {
        const tier: TierConstraints = { ...TIER_CONSTRAINTS[t], ...custom, ...(via === 'daemon' ? { daemon: { ...custom.daemon, blocker: true } } : {}), ...(via === 'gpu' ? { gpuRequired: { ...custom.gpuRequired, blocker: true } } : {}) };
        const entry = via === 'daemon' ? { ...e, daemon: true } : via === 'gpu' ? { ...e, gpu: 'required' as const } : { ...e, platforms: { ...e.platforms, os: e.platforms.os.filter((o) => !tier.os.includes(o)) } };
        return { entry, tier };
      });
    let capped = 0;
    fc.assert(
      fc.property(caseArb, ({ entry, tier }) => {
        const s = scoreEntry(entry, tier);
        expect(s.supported).toBe(false);
        expect(s.score as number).toBeLessThanOrEqual(tier.blockerCap);
        expect(s.score).toBe(Math.min(tier.blockerCap, combineSubscores(s.subscores)));
        if (combineSubscores(s.subscores) > tier.blockerCap) capped++;
      }),
      { numRuns: 1000 },
    );
    // The cap did the work in most cases (the weighted total alone was above it).
    expect(capped / 1000).toBeGreaterThan(0.7);
  });

  it('stays within 0..100, and is supported exactly when no deduction blocks', () => {
    fc.assert(
      fc.property(entryArb, fc.constantFrom(...TIERS), (entry, tier) => {
        const s = scoreEntry(entry, TIER_CONSTRAINTS[tier]);
        expect(typeof s.score).toBe('number');
        for (const v of [s.score as number, ...Object.values(s.subscores)]) expect(v >= 0 && v <= 100).toBe(true);
        expect(s.supported).toBe(!s.reasons.some((r) => r.blocker));
        expect(s.reasons.every((r) => r.delta <= 0 && (r.delta < 0 || r.blocker))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic: the same facts give the same score, reasons and messages', () => {
    fc.assert(
      fc.property(entryArb, fc.constantFrom(...TIERS), (entry, tier) => {
        expect(scoreEntry(structuredClone(entry), TIER_CONSTRAINTS[tier], 'resource:x')).toEqual(scoreEntry(entry, TIER_CONSTRAINTS[tier], 'resource:x'));
      }),
      { numRuns: 1000 },
    );
  });

  it('the neutral entry scores 100 with no reason on every tier', () => {
    for (const t of TIERS) expect(scoreEntry(NEUTRAL, TIER_CONSTRAINTS[t])).toEqual({ verdict: 'known', score: 100, supported: true, subscores: { portability: 100, resources: 100, licensing: 100, platform_support: 100 }, reasons: [] });
  });
});
