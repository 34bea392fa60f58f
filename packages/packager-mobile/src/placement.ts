import { createGraph, nodeId, parseNodeId, type DependencyGraph, type NodeId } from '@deployment-manager/core';
import { lookupEntry, type Catalog, type CatalogEntry } from '@deployment-manager/catalog';
import type { MobileManifest } from '@deployment-manager/bundle';

/**
 * Where one dependency runs for the mobile app:
 * - `embedded`: compiled into the app (an `embedded` entry provides it);
 * - `remote`: on a server, reached by the app at a remote service's URL;
 * - `behind`: on the server of the remote service that provides the root
 *   scenario (the app's backend), reached only by that backend;
 * - `hosted`: a hosted API (the app, or its backend on its behalf, calls it
 *   with a key the device holds - the secrets package makes such keys the
 *   user's own on mobile); to keep the key on a server, put the API behind
 *   a remote service that `provides` it;
 * - `unplaced`: the manifest says nothing about it.
 */
export type PlacementKind = 'embedded' | 'remote' | 'behind' | 'hosted' | 'unplaced';

/** One dependency of the app and where it runs. */
export interface DependencyPlacement {
  /** Node id (`resource:postgres`). */
  readonly node: NodeId;
  /** Bare name. */
  readonly name: string;
  /** Where it runs. */
  readonly kind: PlacementKind;
  /** The embedded entry or remote service id it runs as or behind (kinds `embedded`, `remote`, `behind`). */
  readonly via?: string;
  /** The replacement the manifest swaps it for, when it does. */
  readonly swappedTo?: string;
}

/** Whether a catalog entry is a hosted API or managed service (the fitness catalog marks those with the `hosted-terms` licence class). */
export function isHostedEntry(entry: CatalogEntry | undefined): boolean {
  return entry?.license.class === 'hosted-terms';
}

/** Whether a placement is off the device (on a server of ours or a hosted API). */
export function isServerSide(kind: PlacementKind): boolean {
  return kind === 'remote' || kind === 'behind' || kind === 'hosted';
}

/**
 * The node a manifest's `provides` names: `resource:x` and `scenario:x` as
 * written, a bare name as a resource.
 */
export function providedNode(provides: string): NodeId {
  return /^(resource|scenario):./.test(provides) ? (provides as NodeId) : nodeId('resource', provides);
}

/** The root scenario's node id for a manifest (`app.scenario`, else `app.name`). */
export function rootOf(manifest: MobileManifest): NodeId {
  return nodeId('scenario', manifest.app.scenario ?? manifest.app.name);
}

/** The remote service that provides the root scenario: the app's backend. */
export function backendOf(manifest: MobileManifest, root: NodeId = rootOf(manifest)): string | undefined {
  return manifest.remote_services.find((r) => r.provides !== undefined && providedNode(r.provides) === root)?.id;
}

/**
 * The dependency graph a manifest implies when no real graph is given: the
 * root scenario depending on every resource or scenario the manifest names
 * (remote services' and embedded entries' `provides`, swapped originals).
 */
export function manifestGraph(manifest: MobileManifest): DependencyGraph {
  const root = rootOf(manifest);
  const named = new Set<NodeId>();
  for (const r of manifest.remote_services) if (r.provides !== undefined) named.add(providedNode(r.provides));
  for (const e of manifest.embedded ?? []) if (e.provides !== undefined) named.add(providedNode(e.provides));
  for (const s of manifest.swaps ?? []) named.add(providedNode(s.original));
  named.delete(root);
  return createGraph({ root, policy: 'active', edges: [...named].map((to) => ({ from: root, to, source: { file: '<manifest>', path: '' } })) });
}

/**
 * Places each dependency: a swap is followed to its replacement, then an
 * embedded entry wins, then a remote service, then a hosted API, then the
 * backend (every other server runs behind it); anything else is
 * `unplaced`. Pure.
 */
export function placeDependencies(manifest: MobileManifest, nodes: readonly NodeId[], catalog: Catalog, root: NodeId = rootOf(manifest)): DependencyPlacement[] {
  const backend = backendOf(manifest, root);
  const swapOf = (n: NodeId): string | undefined => manifest.swaps?.find((s) => providedNode(s.original) === n)?.replacement;
  const find = <T extends { readonly id: string; readonly provides?: string }>(list: readonly T[], ids: readonly NodeId[]): T | undefined =>
    list.find((x) => x.provides !== undefined && ids.includes(providedNode(x.provides)));
  return nodes
    .filter((n) => n !== root)
    .map((node): DependencyPlacement => {
      const { name } = parseNodeId(node);
      const swappedTo = swapOf(node);
      const ids: NodeId[] = swappedTo === undefined ? [node] : [node, providedNode(swappedTo)];
      const base = { node, name, ...(swappedTo === undefined ? {} : { swappedTo }) };
      const embedded = find(manifest.embedded ?? [], ids);
      if (embedded !== undefined) return { ...base, kind: 'embedded', via: embedded.id };
      const remote = find(manifest.remote_services, ids);
      if (remote !== undefined) return { ...base, kind: 'remote', via: remote.id };
      if (isHostedEntry(lookupEntry(catalog, swappedTo ?? name))) return { ...base, kind: 'hosted' };
      if (backend !== undefined) return { ...base, kind: 'behind', via: backend };
      return { ...base, kind: 'unplaced' };
    });
}
