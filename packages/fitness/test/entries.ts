// Catalog entries for scoring tests: a neutral entry every tier accepts as is, arbitrary entries,
// and pairs of an entry and a worse one (one fact changed for the worse), built so the property
// about them holds its assertion in every case.
import { fc } from '@fast-check/vitest';
import { ARCHES, OSES, type Arch, type CatalogEntry, type GpuNeed, type LicenseClass, type Os } from '@deployment-manager/catalog';

/** An entry no tier deducts anything for: no daemon, no network, no GPU, small, permissive, everywhere. */
export const NEUTRAL: CatalogEntry = {
  name: 'x',
  aliases: [],
  description: 'x',
  category: 'x',
  daemon: false,
  network: 'none',
  offline: true,
  gpu: 'none',
  ramMb: 100,
  diskMb: 100,
  license: { spdx: 'MIT', class: 'permissive' },
  platforms: { os: OSES, arch: ARCHES },
  persistence: 'none',
  provides: [],
  assumedNeeds: [],
  requires: [],
  hosting: 'embedded-library',
  secrets: [],
  ports: [],
  compatibleWith: [],
  swaps: [],
};

/** The neutral entry with some facts changed. */
export function entryWith(facts: Partial<CatalogEntry>): CatalogEntry {
  return { ...NEUTRAL, ...facts };
}

const LICENSES: readonly LicenseClass[] = ['permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'source-available', 'proprietary', 'hosted-terms'];

/** Any entry: every fact drawn from its whole range (sizes up to 1 TB of RAM and 10 TB of disk). */
export const entryArb: fc.Arbitrary<CatalogEntry> = fc.record({
  daemon: fc.boolean(),
  network: fc.constantFrom('none' as const, 'local' as const, 'internet' as const),
  offline: fc.boolean(),
  gpu: fc.constantFrom<GpuNeed>('none', 'optional', 'required'),
  ramMb: fc.oneof(fc.nat(2048), fc.nat(1_000_000)),
  diskMb: fc.oneof(fc.nat(4096), fc.nat(10_000_000)),
  license: fc.constantFrom(...LICENSES).map((c) => ({ spdx: 'X', class: c })),
  platforms: fc.record({ os: fc.subarray([...OSES]), arch: fc.subarray([...ARCHES]) }),
}).map((facts) => entryWith(facts));

/**
 * Licence classes ordered by what they allow, for every tier at once: `[a, b]` means b grants
 * no right a withholds, so no tier may charge less for b. The copyleft chain
 * permissive < weak < strong < network < source-available, and proprietary above strong
 * copyleft. Not ordered, because tiers weigh them differently: proprietary against network
 * copyleft or source-available (a saas install can buy a licence, but cannot escape the AGPL
 * or an anti-hosting clause), and hosted terms against anything but permissive (no code ships).
 */
const STRICTER_LICENSE: readonly (readonly [LicenseClass, LicenseClass])[] = (() => {
  const chain: LicenseClass[] = ['permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'source-available'];
  const pairs: [LicenseClass, LicenseClass][] = [];
  for (let i = 0; i < chain.length; i++) for (let j = i + 1; j < chain.length; j++) pairs.push([chain[i] as LicenseClass, chain[j] as LicenseClass]);
  for (const a of ['permissive', 'weak-copyleft', 'strong-copyleft'] as const) pairs.push([a, 'proprietary']);
  pairs.push(['permissive', 'hosted-terms']);
  return pairs;
})();

/** The facts a {@link worseArb} pair may differ in. */
export type WorseFact = 'daemon' | 'ramMb' | 'diskMb' | 'gpu' | 'license' | 'os' | 'arch' | 'internet';

const without = <T>(xs: readonly T[], x: T): T[] => xs.filter((y) => y !== x);

/**
 * An entry and a worse one that differs in exactly one fact, which the pair names: a daemon
 * where there was none, more RAM or disk, a stronger GPU need, a stricter licence
 * ({@link STRICTER_LICENSE}), one OS or architecture fewer, or needing the internet.
 * Every pair really differs: the worse fact is made from the entry's own.
 */
export const worseArb: fc.Arbitrary<{ fact: WorseFact; base: CatalogEntry; worse: CatalogEntry }> = fc.oneof(
  entryArb.map((e) => ({ fact: 'daemon' as const, base: { ...e, daemon: false }, worse: { ...e, daemon: true } })),
  fc.tuple(entryArb, fc.integer({ min: 1, max: 500_000 })).map(([e, more]) => ({ fact: 'ramMb' as const, base: e, worse: { ...e, ramMb: e.ramMb + more } })),
  fc.tuple(entryArb, fc.integer({ min: 1, max: 5_000_000 })).map(([e, more]) => ({ fact: 'diskMb' as const, base: e, worse: { ...e, diskMb: e.diskMb + more } })),
  fc
    .tuple(entryArb, fc.constantFrom<[GpuNeed, GpuNeed]>(['none', 'optional'], ['none', 'required'], ['optional', 'required']))
    .map(([e, [lo, hi]]) => ({ fact: 'gpu' as const, base: { ...e, gpu: lo }, worse: { ...e, gpu: hi } })),
  fc
    .tuple(entryArb, fc.constantFrom(...STRICTER_LICENSE))
    .map(([e, [lo, hi]]) => ({ fact: 'license' as const, base: { ...e, license: { spdx: 'A', class: lo } }, worse: { ...e, license: { spdx: 'B', class: hi } } })),
  fc
    .tuple(entryArb, fc.constantFrom(...OSES))
    .map(([e, os]) => {
      const has: Os[] = e.platforms.os.includes(os) ? [...e.platforms.os] : [...e.platforms.os, os];
      return { fact: 'os' as const, base: { ...e, platforms: { ...e.platforms, os: has } }, worse: { ...e, platforms: { ...e.platforms, os: without(has, os) } } };
    }),
  fc
    .tuple(entryArb, fc.constantFrom(...ARCHES))
    .map(([e, arch]) => {
      const has: Arch[] = e.platforms.arch.includes(arch) ? [...e.platforms.arch] : [...e.platforms.arch, arch];
      return { fact: 'arch' as const, base: { ...e, platforms: { ...e.platforms, arch: has } }, worse: { ...e, platforms: { ...e.platforms, arch: without(has, arch) } } };
    }),
  fc
    .tuple(entryArb, fc.constantFrom('none' as const, 'local' as const), fc.constantFrom('network', 'offline'))
    .map(([e, network, how]) => ({
      fact: 'internet' as const,
      base: { ...e, network, offline: true },
      worse: how === 'network' ? { ...e, network: 'internet' as const, offline: true } : { ...e, network, offline: false },
    })),
);
