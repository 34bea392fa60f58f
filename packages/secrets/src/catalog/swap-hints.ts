import type { SwapHintEntry } from '../catalog-types.ts';

/** Swaps that remove a dependency (and so its secrets) where it cannot ship. */
export const SWAP_HINTS: readonly SwapHintEntry[] = [
  { from: 'postgres', to: 'sqlite', tiers: ['desktop', 'mobile'] },
  { from: 'mysql', to: 'sqlite', tiers: ['desktop', 'mobile'] },
];
