import { SWAP_SELECTIONS, type SwapSelection } from '@deployment-manager/bundle';
import { TIERS, normalizeTier } from '@deployment-manager/core';

// Options several commands share, so each reads and helps the same way.

/** The canonical tier for any accepted spelling (`tier-2-desktop`, `2`, `cloud`), or undefined. */
function canonicalTier(value: string): string | undefined {
  const tier = normalizeTier(value);
  return tier === 'server' ? undefined : tier;
}

/** `--tier`: a deployment tier; aliases such as `tier-2-desktop` or `2` are accepted. Spread it and add a description. */
export const TIER_OPTION: { readonly type: 'string'; readonly value: '<tier>'; readonly choices: readonly string[]; readonly normalize: (value: string) => string | undefined } = {
  type: 'string',
  value: '<tier>',
  choices: TIERS,
  normalize: canonicalTier,
};

/** `--swap from=to`, repeatable. */
export const SWAP_OPTION: { readonly type: 'string'; readonly value: '<from=to>'; readonly multiple: true; readonly description: string } = {
  type: 'string',
  value: '<from=to>',
  multiple: true,
  description: 'replace dependency <from> by <to> (e.g. postgres=sqlite)',
};

/** The options of every command that reads a scenario's graph. */
export const GRAPH_SOURCE_OPTIONS: {
  readonly root: { readonly type: 'string'; readonly value: '<dir>'; readonly default: '.'; readonly description: string };
  readonly policy: { readonly type: 'string'; readonly value: '<policy>'; readonly choices: readonly ['all', 'active']; readonly description: string; readonly defaultText: string };
  readonly 'analyzer-url': { readonly type: 'string'; readonly value: '<url>'; readonly description: string };
} = {
  root: { type: 'string', value: '<dir>', default: '.', description: 'the workspace: a Vrooli checkout, a folder of scenarios/ and resources/, or a compact workspace .json/.yaml file' },
  policy: { type: 'string', value: '<policy>', choices: ['all', 'active'], description: 'which declared dependencies count: all, or only enabled-or-required ones', defaultText: 'all (active for secrets, bundle, package)' },
  'analyzer-url': { type: 'string', value: '<url>', description: "read the graph from a live analyzer (compared with --root's files when they hold the scenario)" },
};

/** `--catalog FILE`: the user's own catalog records, merged over the built-in ones. */
export const CATALOG_OPTION: { readonly type: 'string'; readonly value: '<file>'; readonly description: string } = {
  type: 'string',
  value: '<file>',
  description:
    'your own catalog records (JSON or YAML: a list, or { "catalog": [...] }): a record named like a known dependency (or its alias) replaces the fields it gives, any other name adds a dependency the catalog did not know',
};

/** `--accept-suggested` and `--swaps <how>`: take the suggested swaps for the tier, chosen one of two ways. */
export const SUGGESTED_SWAP_OPTIONS: {
  readonly 'accept-suggested': { readonly type: 'boolean'; readonly description: string };
  readonly swaps: { readonly type: 'string'; readonly value: '<how>'; readonly choices: readonly string[]; readonly description: string };
} = {
  'accept-suggested': { type: 'boolean', description: 'also apply suggested swaps for the tier: the cheapest set that ships (same as --swaps optimal)' },
  swaps: {
    type: 'string',
    value: '<how>',
    choices: SWAP_SELECTIONS,
    description: 'apply suggested swaps: optimal (the cheapest set that clears what blocks the tier) or all-gains (the best swap of every dependency that gains anything)',
  },
};

/** The suggested-swap choice of `--accept-suggested` / `--swaps`, or undefined when neither is given. */
export function suggestedSwaps(values: { readonly 'accept-suggested'?: boolean | undefined; readonly swaps?: string | undefined }): SwapSelection | undefined {
  if (values.swaps !== undefined) return values.swaps as SwapSelection;
  return values['accept-suggested'] === true ? 'optimal' : undefined;
}
