import { SdkError } from './errors.ts';

/** The five canonical deployment tiers, in their numbered order (1..5). */
export const TIERS = ['local', 'desktop', 'mobile', 'saas', 'enterprise'] as const;

/** A canonical deployment tier. */
export type Tier = (typeof TIERS)[number];

/**
 * A tier id as found in predecessor data: a canonical {@link Tier}, or the
 * predecessor's extra `server` tier. `server` (a self-hosted server install)
 * is kept as its own optional tier: it is never merged into `saas` or
 * `enterprise`, because its numbers differ from both in real reports.
 */
export type TierId = Tier | 'server';

/** The number of each canonical tier (`local` is 1, `enterprise` is 5). */
export const TIER_NUMBERS: Readonly<Record<Tier, number>> = { local: 1, desktop: 2, mobile: 3, saas: 4, enterprise: 5 };

const ALIASES: ReadonlyMap<string, TierId> = new Map<string, TierId>([
  ['local', 'local'], ['dev', 'local'], ['development', 'local'], ['1', 'local'], ['tier-1', 'local'], ['tier-1-local', 'local'], ['tier1', 'local'],
  ['desktop', 'desktop'], ['2', 'desktop'], ['tier-2', 'desktop'], ['tier-2-desktop', 'desktop'], ['tier2', 'desktop'],
  ['mobile', 'mobile'], ['3', 'mobile'], ['tier-3', 'mobile'], ['tier-3-mobile', 'mobile'], ['tier3', 'mobile'],
  ['saas', 'saas'], ['cloud', 'saas'], ['4', 'saas'], ['tier-4', 'saas'], ['tier-4-saas', 'saas'], ['tier4', 'saas'],
  ['enterprise', 'enterprise'], ['on-prem', 'enterprise'], ['onprem', 'enterprise'], ['5', 'enterprise'], ['tier-5', 'enterprise'], ['tier-5-enterprise', 'enterprise'], ['tier5', 'enterprise'],
  ['server', 'server'], ['tier-server', 'server'],
]);

/**
 * Normalizes any tier spelling seen in real data (`tier-2-desktop`, `2`,
 * `Desktop`, `cloud`, `server`...) to a {@link TierId}, or `undefined`.
 *
 * @example
 * ```ts
 * normalizeTier('tier-2-desktop') // 'desktop'
 * normalizeTier(4)                // 'saas'
 * normalizeTier('server')         // 'server'
 * ```
 */
export function normalizeTier(input: string | number): TierId | undefined {
  const key = String(input).trim().toLowerCase().replace(/[_\s]+/g, '-');
  return ALIASES.get(key);
}

/** True when `value` is one of the five canonical tiers. */
export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/**
 * Parses a tier spelling into a canonical {@link Tier}; throws `TIER_UNKNOWN`
 * for anything else (including `server`, which is not a canonical tier).
 */
export function parseTier(input: string | number): Tier {
  const tier = normalizeTier(input);
  if (tier === undefined || tier === 'server') {
    throw new SdkError('TIER_UNKNOWN', `tier "${String(input)}" is not a deployment tier`, {
      hint: `use one of ${TIERS.join(', ')} (or an alias such as tier-2-desktop or 2)`,
    });
  }
  return tier;
}
