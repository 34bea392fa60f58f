/**
 * Model, tier vocabulary, loaders, dependency graph, errors, diagnostics and
 * the packager contract of the deployment-manager SDK.
 *
 * @packageDocumentation
 * @module @deployment-manager/core
 */
export { SdkError, isSdkError, SDK_ERROR_CODES, type SdkErrorCode, type SdkErrorOptions } from './errors.ts';
export {
  createDiagnostic,
  hasErrors,
  jsonPointer,
  parseJsonPointer,
  type Diagnostic,
  type Severity,
  type ValidationResult,
} from './diagnostics.ts';
export { TIERS, TIER_NUMBERS, isTier, normalizeTier, parseTier, type Tier, type TierId } from './tiers.ts';
export {
  nodeId,
  parseNodeId,
  type DeclaredDependency,
  type DeclaredSecret,
  type DependencyEdge,
  type DependencyGraph,
  type DependencyNode,
  type EdgeKind,
  type HealthCheckSpec,
  type InclusionPolicy,
  type NodeId,
  type NodeKind,
  type PortSpec,
  type ResourceSpec,
  type ScenarioSpec,
  type SourceRef,
  type Workspace,
  type WorkspaceLayout,
} from './model.ts';
export {
  buildGraph,
  compareIds,
  createGraph,
  getNode,
  isIncluded,
  toGraphology,
  type BuildGraphOptions,
  type CreateGraphInput,
  type EdgeInput,
} from './graph.ts';
export {
  dependenciesOf,
  dependencyOrder,
  dependentsOf,
  findCycles,
  generations,
  isAcyclic,
  reverseImpact,
  stronglyConnectedComponents,
  transitiveClosure,
  type FindCyclesOptions,
  type ReachOptions,
  type ReverseImpact,
} from './algorithms.ts';
export {
  definePackager,
  runPackagers,
  throwIfAborted,
  type PackContext,
  type PackResult,
  type Packager,
  type PackagerArtifact,
  type PackagerLogEvent,
  type PackagerNote,
  type PackagerRun,
  type RunPackagersOptions,
} from './packager.ts';
export { createArtifactWriter, type ArtifactWriter } from './artifact-writer.ts';
