import type { NodeId } from '@deployment-manager/core';
import { lookupEntry, type Catalog, type SwapEffort } from '@deployment-manager/catalog';
import { lacking, resolveEntry, type DependencyFitness, type SwapSuggestion } from '@deployment-manager/fitness';
import { isHostedEntry, type DependencyPlacement } from './placement.ts';

/** One explained reason, from the fitness model, why a dependency cannot (or need not) run on the phone. */
export interface MoveReason {
  /** The catalog fact behind it (`daemon`, `ramMb`, `platforms.os`, `unknown`...). */
  readonly fact: string;
  /** Whether this fact alone rules the device out. */
  readonly blocker: boolean;
  /** Lower-case sentence. */
  readonly message: string;
}

/** What stands in for a dependency off the device. */
export interface Replacement {
  /** Catalog name of the replacement. */
  readonly name: string;
  /** `manifest`: the manifest's own swap; `swap-catalog`: the fitness package's suggestion. */
  readonly source: 'manifest' | 'swap-catalog';
  /** Whether it is a hosted API or managed service (nothing for us to run). */
  readonly hosted: boolean;
  /** Work needed, when a swap rule states it. */
  readonly effort?: SwapEffort;
  /** What changes for the app, when a swap rule states it. */
  readonly note?: string;
  /** Capabilities the original provides that the replacement does not. */
  readonly lacks: readonly string[];
  /** Fitness gain on the mobile tier, for suggestions. */
  readonly gain?: number;
}

/** One dependency that runs off the device, and why. */
export interface ServerSideMove {
  /** The dependency's name. */
  readonly dependency: string;
  /** Its node id. */
  readonly node: NodeId;
  /** The fitness catalog entry it resolved to, or null when unknown. */
  readonly catalog: string | null;
  /** Whether it is itself a hosted API (then it needs no replacement). */
  readonly hosted: boolean;
  /** `remote` (reached at a remote service's URL), `behind` (behind the app's backend) or `hosted` (swapped for a hosted API). */
  readonly placement: 'remote' | 'behind' | 'hosted';
  /** The remote service it runs as or behind. */
  readonly via?: string;
  /** True when the fitness model rules it out on a phone (a blocker, or unknown). */
  readonly must_move: boolean;
  /** The fitness reasons on the mobile tier. */
  readonly why: readonly MoveReason[];
  /** The manifest's swap, else the best hosted suggestion, else null. */
  readonly replacement: Replacement | null;
  /** Other hosted replacements the swap catalog knows. */
  readonly alternatives: readonly Replacement[];
  /** Ids of the planned secrets that stay on the server with it. */
  readonly server_secrets: readonly string[];
}

/** The content of `server-side-moves.json`. */
export interface ServerSideMoves {
  /** Always `mobile`. */
  readonly tier: 'mobile';
  /** The app id. */
  readonly app_id: string;
  /** The remote service that provides the root scenario, if any. */
  readonly backend: string | null;
  /** Every dependency that runs off the device, sorted by node id. */
  readonly moves: readonly ServerSideMove[];
}

/** Inputs of {@link planServerSideMoves}. */
export interface ServerSideMovesInput {
  /** The app id. */
  readonly appId: string;
  /** The backend remote service id. */
  readonly backend: string | undefined;
  /** Where each dependency runs. */
  readonly placements: readonly DependencyPlacement[];
  /** The fitness report's dependency lines (mobile tier scored). */
  readonly fitness: readonly DependencyFitness[];
  /** The fitness package's swap suggestions on the mobile tier. */
  readonly suggestions: readonly SwapSuggestion[];
  /** Planned secret ids held on the server, by the node that owns them. */
  readonly serverSecrets: ReadonlyMap<NodeId, readonly string[]>;
  /** Dependency catalog (its records state each swap's effort and note). */
  readonly catalog: Catalog;
}

/**
 * The dependencies that run off the device - on a remote service, behind the
 * app's backend, or swapped for a hosted API - each with the fitness model's
 * reasons, whether it must move (it cannot run on a phone), the replacement
 * (the manifest's swap, else the best hosted one the swap catalog suggests)
 * and the secrets that stay on the server with it. A hosted API the app
 * calls itself is not a move. Pure.
 */
export function planServerSideMoves(input: ServerSideMovesInput): ServerSideMoves {
  const moves: ServerSideMove[] = [];
  for (const p of input.placements) {
    if (p.kind !== 'remote' && p.kind !== 'behind' && p.kind !== 'hosted') continue;
    if (p.kind === 'hosted' && p.swappedTo === undefined) continue;
    const line = input.fitness.find((d) => d.id === p.node);
    const score = line?.tiers.mobile;
    const from = resolveEntry(input.catalog, { kind: p.node.startsWith('scenario:') ? 'scenario' : 'resource', name: p.name });
    const hosted = input.suggestions
      .filter((s) => s.from === p.node && isHostedEntry(lookupEntry(input.catalog, s.to)))
      .map((s): Replacement => ({ name: s.to, source: 'swap-catalog', hosted: true, effort: s.effort, note: s.note, lacks: s.lacks, gain: s.gain }));
    let replacement: Replacement | null = hosted[0] ?? null;
    if (p.swappedTo !== undefined) {
      const to = lookupEntry(input.catalog, p.swappedTo);
      const rule = from?.swaps.find((r) => r.to === (to?.name ?? p.swappedTo));
      replacement = {
        name: to?.name ?? p.swappedTo,
        source: 'manifest',
        hosted: isHostedEntry(to),
        ...(rule === undefined ? {} : { effort: rule.effort, note: rule.note }),
        lacks: from !== undefined && to !== undefined ? lacking(from, to) : [],
      };
    }
    moves.push({
      dependency: p.name,
      node: p.node,
      catalog: line?.entry ?? from?.name ?? null,
      hosted: isHostedEntry(from),
      placement: p.kind,
      ...(p.via === undefined ? {} : { via: p.via }),
      must_move: score === undefined ? true : !score.supported,
      why: (score?.reasons ?? []).map((r) => ({ fact: r.fact, blocker: r.blocker, message: r.message })),
      replacement,
      alternatives: hosted.filter((h) => h.name !== replacement?.name),
      server_secrets: [...(input.serverSecrets.get(p.node) ?? [])].sort(),
    });
  }
  moves.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return { tier: 'mobile', app_id: input.appId, backend: input.backend ?? null, moves };
}
