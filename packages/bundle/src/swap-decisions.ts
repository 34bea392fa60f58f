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

/** A ready-to-file issue for a swap that needs engineering work. */
export interface IssueDraft {
  /** Issue title. */
  readonly title: string;
  /** Markdown body with the context an engineer needs. */
  readonly body: string;
  /** Suggested labels. */
  readonly labels: readonly string[];
}

/** True when an accepted swap needs engineering work: effort above low, or capabilities lost. */
export function needsEngineering(d: SwapDecision): boolean {
  return d.status === 'accepted' && (d.effort === 'medium' || d.effort === 'high' || (d.lacks ?? []).length > 0);
}

/**
 * Issue drafts (title, body with context, labels) for every accepted swap
 * that needs engineering work. Pure; same document, same drafts.
 *
 * @example
 * ```ts
 * issueDrafts(doc).map((d) => d.title) // ['picker-wheel: replace postgres with sqlite (desktop)']
 * ```
 */
export function issueDrafts(doc: SwapDecisionsDocument): IssueDraft[] {
  return doc.decisions.filter(needsEngineering).map((d) => {
    const tiers = d.tiers ?? doc.tiers;
    const lines = [
      `The deployment profile of **${doc.scenario}** replaces \`${d.from}\` with \`${d.to}\` for ${tiers.join(', ')}.`,
      '',
      '## What changes',
      d.note === undefined ? '_No note in the swap catalog._' : d.note,
      '',
      '## Context',
      `- effort: ${d.effort ?? 'unknown'}`,
      `- capabilities the replacement lacks: ${(d.lacks ?? []).length === 0 ? 'none known' : (d.lacks ?? []).map((c) => `\`${c}\``).join(', ')}`,
      `- dependencies it brings in: ${(d.requires ?? []).length === 0 ? 'none' : (d.requires ?? []).map((c) => `\`${c}\``).join(', ')}`,
      ...(d.gain === undefined ? [] : [`- fitness gain: ${d.gain >= 0 ? '+' : ''}${d.gain}`]),
      '',
      '## Done when',
      `- [ ] ${doc.scenario} runs against \`${d.to}\` on ${tiers.join(', ')}`,
      ...(d.lacks ?? []).map((c) => `- [ ] code that relied on \`${c}\` is rewritten or removed`),
      '- [ ] data migration (if any) is written and tested',
      '- [ ] the bundle validates (`deployment-manager bundle validate`)',
    ];
    return {
      title: `${doc.scenario}: replace ${d.from} with ${d.to} (${tiers.join(', ')})`,
      body: lines.join('\n') + '\n',
      labels: ['deployment', 'swap', `effort:${d.effort ?? 'unknown'}`],
    };
  });
}
