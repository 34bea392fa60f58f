import { nodeId, type NodeId } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';

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
