import type { TierConstraints, Tolerance } from './tier-constraints.ts';
import { SUBSCORE_WEIGHTS } from './tier-constraints.ts';
import type { CatalogEntry } from '@deployment-manager/catalog';
import type { DependencyTierScore, Reason, SubScoreName, SubScores } from './types.ts';

const MAX_RAM_DELTA = 70;
const MAX_DISK_DELTA = 40;

/**
 * Scores one catalog entry against one tier's constraints: four sub-scores
 * (0..100) lowered by explained deductions, a weighted total, and `supported`
 * false when any deduction is a blocker (the total is then capped).
 *
 * @example
 * ```ts
 * const s = scoreEntry(lookupEntry(DEFAULT_CATALOG, 'postgres')!, TIER_CONSTRAINTS.desktop, 'resource:postgres');
 * s.reasons.map((r) => r.fact); // ['daemon']
 * ```
 */
export function scoreEntry(entry: CatalogEntry, tier: TierConstraints, dependency: string = entry.name): DependencyTierScore {
  const reasons: Reason[] = [];
  const push = (subscore: SubScoreName, fact: string, t: Tolerance, message: string): void => {
    if (t.delta > 0 || t.blocker) reasons.push({ dependency, fact, subscore, delta: -t.delta, blocker: t.blocker, message });
  };
  const name = entry.name;
  // portability
  if (entry.daemon) push('portability', 'daemon', tier.daemon, `${name} runs as a separate server process that a ${tier.tier} install must start and supervise`);
  if (entry.network === 'internet' || !entry.offline) {
    push('portability', 'network', tier.internet, `${name} needs the internet, so a ${tier.tier} install cannot work offline or air-gapped`);
  }
  // resources
  if (entry.gpu === 'required') push('resources', 'gpu', tier.gpuRequired, `${name} requires a gpu, which a ${tier.tier} target may not have`);
  if (entry.gpu === 'optional') push('resources', 'gpu', tier.gpuOptional, `${name} is slow without a gpu, and a ${tier.tier} target usually has none`);
  const ram = overBudget(entry.ramMb, tier.ramBudgetMb, MAX_RAM_DELTA);
  if (ram > 0) push('resources', 'ramMb', { delta: ram, blocker: false }, `${name} needs about ${entry.ramMb} MiB of ram, over the ${tier.ramBudgetMb} MiB a ${tier.tier} dependency should use`);
  const disk = overBudget(entry.diskMb, tier.diskBudgetMb, MAX_DISK_DELTA);
  if (disk > 0) push('resources', 'diskMb', { delta: disk, blocker: false }, `${name} needs about ${entry.diskMb} MiB of disk, over the ${tier.diskBudgetMb} MiB a ${tier.tier} dependency should use`);
  // licensing
  const lic = tier.license[entry.license.class];
  push('licensing', 'license.class', lic, `${name} is ${entry.license.class} (${entry.license.spdx}), which constrains how a ${tier.tier} install may distribute it`);
  // platform support
  const missingOs = tier.os.filter((o) => !entry.platforms.os.includes(o));
  if (missingOs.length > 0) {
    const all = missingOs.length === tier.os.length;
    push('platform_support', 'platforms.os', { delta: Math.round((100 * missingOs.length) / tier.os.length), blocker: all },
      `${name} does not run on ${missingOs.join(', ')}${all ? `, so it cannot run on a ${tier.tier} target at all` : ''}`);
  }
  const missingArch = tier.arch.filter((a) => !entry.platforms.arch.includes(a));
  if (missingArch.length > 0 && tier.archDelta > 0) {
    push('platform_support', 'platforms.arch', { delta: tier.archDelta * missingArch.length, blocker: false }, `${name} has no ${missingArch.join(', ')} build`);
  }
  return fromReasons(reasons, tier.blockerCap);
}

/**
 * The explicit verdict for a dependency the catalog does not know: no score,
 * not claimed supported, one reason and a hint. Never a silent default.
 */
export function unknownScore(dependency: string, name: string): DependencyTierScore {
  return {
    verdict: 'unknown',
    score: null,
    supported: false,
    subscores: { portability: 0, resources: 0, licensing: 0, platform_support: 0 },
    reasons: [{ dependency, fact: 'unknown', subscore: 'portability', delta: 0, blocker: false, message: `${name} is not in the capability catalog, so its fitness is unknown` }],
    hint: `add a catalog entry for "${name}" (createCatalog([{ name: '${name}', daemon, network, ramMb, license, provides, ... }])) or swap it for a known dependency`,
  };
}

function overBudget(value: number, budget: number, max: number): number {
  if (value <= budget || budget <= 0) return 0;
  return Math.min(max, Math.round(10 + 30 * Math.log2(value / budget)));
}

function fromReasons(reasons: readonly Reason[], blockerCap: number): DependencyTierScore {
  const sub: Record<SubScoreName, number> = { portability: 100, resources: 100, licensing: 100, platform_support: 100 };
  for (const r of reasons) sub[r.subscore] = Math.max(0, sub[r.subscore] + r.delta);
  const subscores: SubScores = sub;
  const weighted = combineSubscores(subscores);
  const supported = !reasons.some((r) => r.blocker);
  const score = supported ? weighted : Math.min(weighted, blockerCap);
  return { verdict: 'known', score, supported, subscores, reasons };
}

/** The weighted total of four sub-scores, rounded to two decimals. */
export function combineSubscores(s: SubScores): number {
  const total =
    SUBSCORE_WEIGHTS.portability * s.portability +
    SUBSCORE_WEIGHTS.resources * s.resources +
    SUBSCORE_WEIGHTS.licensing * s.licensing +
    SUBSCORE_WEIGHTS.platform_support * s.platform_support;
  return Math.round(total * 100) / 100;
}
