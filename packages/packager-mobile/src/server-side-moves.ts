import type { MobileManifest, MobileMoveReason, MobilePlacement, MobileReplacement } from '@deployment-manager/bundle';
import type { NodeId } from '@deployment-manager/core';

/** One explained reason, from the fitness model, why a dependency cannot (or need not) run on the phone. */
export type MoveReason = MobileMoveReason;

/** What stands in for a dependency off the device. */
export type Replacement = MobileReplacement;

/** One dependency that runs off the device, and why. */
export interface ServerSideMove {
  /** The dependency's name. */
  readonly dependency: string;
  /** Its node id. */
  readonly node: NodeId;
  /** The catalog record it resolved to, or null when unknown. */
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
  /** The manifest's swap, else the best hosted replacement, else null. */
  readonly replacement: Replacement | null;
  /** Other hosted replacements the catalog offers. */
  readonly alternatives: readonly Replacement[];
  /** Ids of the secrets that stay on the server with it. */
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

const offDevice = (p: MobilePlacement): p is MobilePlacement & { readonly kind: 'remote' | 'behind' | 'hosted' } =>
  p.kind === 'remote' || p.kind === 'behind' || (p.kind === 'hosted' && p.swapped_to !== undefined);

/**
 * The dependencies the manifest places off the device - on a remote service,
 * behind the app's backend, or swapped for a hosted API - as the assembly
 * decided them (`placements`), each with the secrets that stay on the server
 * with it (`server_secrets`). A hosted API the app calls itself is not a move.
 * Renders; decides nothing. Pure.
 */
export function renderServerSideMoves(manifest: MobileManifest, appId: string, backend: string | undefined): ServerSideMoves {
  const held = new Map<string, string[]>();
  for (const s of manifest.server_secrets ?? []) held.set(s.dependency, [...(held.get(s.dependency) ?? []), s.id]);
  const moves = (manifest.placements ?? []).filter(offDevice).map(
    (p): ServerSideMove => ({
      dependency: p.dependency,
      node: p.node as NodeId,
      catalog: p.catalog,
      hosted: p.hosted,
      placement: p.kind,
      ...(p.via === undefined ? {} : { via: p.via }),
      must_move: p.must_move,
      why: p.why,
      replacement: p.replacement,
      alternatives: p.alternatives,
      server_secrets: [...(held.get(p.node) ?? [])].sort(),
    }),
  );
  moves.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return { tier: 'mobile', app_id: appId, backend: backend ?? null, moves };
}
