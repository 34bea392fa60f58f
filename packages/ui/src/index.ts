/**
 * The local browser view of the deployment-manager SDK: a server on
 * 127.0.0.1 (token in the URL, loopback Host only) serving a page that draws
 * the dependency graph coloured by tier fitness, re-scores swaps live, shows
 * the secret plan and the deployment plan, and exports or packages manifests.
 * Also the graph layout and colour scale the static report shares.
 *
 * @packageDocumentation
 * @module @deployment-manager/ui
 */
export { startUiServer, type UiServer, type UiServerOptions } from './server.ts';
export type { PackageEvent, PlanView, UiSession } from './wire-types.ts';
export { checkRequest, allowedHosts, type GuardContext, type GuardVerdict, type GuardedRequest } from './request-guard.ts';
export { ROUTED_EDGE_LIMIT, layoutGraph, edgePath, type GraphLayout, type GraphLayoutOptions, type LayoutEdge, type LayoutNode } from './graph-layout.ts';
export { GRAPH_LEGEND, STRAIGHT_EDGE_LEGEND, ROOT_FILL, UNKNOWN_FILL, scoreColour, type LegendEntry } from './score-colour.ts';
export { workspaceFromWire, workspaceToWire, type WorkspaceWire } from './workspace-wire.ts';
export {
  PACKAGE_TARGET_TIERS,
  parseAssemblyRequest,
  parsePackageRequest,
  parsePlanRequest,
  type AssemblyRequest,
  type PackageRequest,
  type PackageTarget,
  type PlanRequest,
} from './ui-requests.ts';
export { createPackageJobs, type PackageJobs } from './package-jobs.ts';
export { loadStaticAssets, type StaticAsset } from './static-assets.ts';
export { defaultAppLocation, ensureAppBuilt, type AppLocation } from './app-build.ts';
