import { compareIds, type Tier } from '@deployment-manager/core/pure';
import type { SwapSpec, SwapSuggestion } from '@deployment-manager/fitness';

/** What was decided about one swap. */
export type SwapDecisionStatus = 'accepted' | 'rejected' | 'pending';

/** One swap and its decision, with the facts that explain it. */
export interface SwapDecision {
  /** Dependency replaced (node id or name). */
  readonly from: string;
  /** Replacement (catalog name). */
  readonly to: string;
  /** Tiers it applies to; absent = every tier of the profile. */
  readonly tiers?: readonly Tier[];
  /** The decision. */
  readonly status: SwapDecisionStatus;
  /** Work needed (`low`, `medium`, `high`), when known. */
  readonly effort?: 'low' | 'medium' | 'high';
  /** What changes for the app. */
  readonly note?: string;
  /** Capabilities the replacement lacks. */
  readonly lacks?: readonly string[];
  /** Dependencies the replacement brings in. */
  readonly requires?: readonly string[];
  /** Graph score gain on the tier it was measured on. */
  readonly gain?: number;
}

/** The `swap-decisions.json` document. */
export interface SwapDecisionsDocument {
  /** Format tag. */
  readonly format: 'deployment-manager.swap-decisions';
  /** Format version. */
  readonly formatVersion: 1;
  /** The scenario. */
  readonly scenario: string;
  /** The tiers decided for. */
  readonly tiers: readonly Tier[];
  /** Decisions sorted by (from, to). */
  readonly decisions: readonly SwapDecision[];
}

const bare = (name: string): string => name.replace(/^(resource|scenario):/, '');

/**
 * Turns fitness suggestions plus the swaps a profile chose into decisions:
 * a suggestion the profile chose is `accepted`, one it did not is `pending`;
 * a chosen swap without a suggestion is `accepted` with no facts. Duplicate
 * (from, to) pairs merge. Pure.
 *
 * @example
 * ```ts
 * decisionsFromSuggestions(suggestSwaps(graph, 'desktop'), profile.content.swaps)
 * ```
 */
export function decisionsFromSuggestions(suggestions: readonly SwapSuggestion[], chosen: readonly SwapSpec[], rejected: readonly SwapSpec[] = []): SwapDecision[] {
  const key = (from: string, to: string): string => `${bare(from)}\u0000${bare(to)}`;
  const chosenKeys = new Set(chosen.map((s) => key(s.from, s.to)));
  const rejectedKeys = new Set(rejected.map((s) => key(s.from, s.to)));
  const byKey = new Map<string, SwapDecision>();
  for (const s of suggestions) {
    const k = key(s.from, s.to);
    if (byKey.has(k)) continue;
    byKey.set(k, {
      from: bare(s.from),
      to: bare(s.to),
      tiers: [...s.tiers],
      status: chosenKeys.has(k) ? 'accepted' : rejectedKeys.has(k) ? 'rejected' : 'pending',
      effort: s.effort,
      note: s.note,
      lacks: [...s.lacks],
      requires: [...s.requires],
      gain: s.gain,
    });
  }
  for (const s of chosen) {
    const k = key(s.from, s.to);
    if (!byKey.has(k)) byKey.set(k, { from: bare(s.from), to: bare(s.to), ...(s.tiers === undefined ? {} : { tiers: [...s.tiers] }), status: 'accepted' });
  }
  return [...byKey.values()].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
}

/**
 * The `swap-decisions.json` document of a scenario (decisions sorted), ready
 * for `exportCanonical` / `writeExport`.
 */
export function swapDecisionsDocument(scenario: string, tiers: readonly Tier[], decisions: readonly SwapDecision[]): SwapDecisionsDocument {
  return {
    format: 'deployment-manager.swap-decisions',
    formatVersion: 1,
    scenario,
    tiers: [...tiers],
    decisions: [...decisions].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to)),
  };
}

/** True when an accepted swap needs engineering work: effort above low, or capabilities lost. */
export function needsEngineering(d: SwapDecision): boolean {
  return d.status === 'accepted' && (d.effort === 'medium' || d.effort === 'high' || (d.lacks ?? []).length > 0);
}
