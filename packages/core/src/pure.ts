/**
 * The pure part of `@deployment-manager/core`: model, tier vocabulary, parsers
 * of file contents, the dependency graph and its algorithms, errors,
 * diagnostics and the packager contract's types - no file system, no
 * `node:` module, so it bundles for the browser. `@deployment-manager/core`
 * re-exports all of it plus the Node loaders and writers.
 *
 * @packageDocumentation
 * @module @deployment-manager/core/pure
 */
export { SdkError, isSdkError, SDK_ERROR_CODES, type SdkErrorCode, type SdkErrorOptions } from './errors.ts';
export {
  hasErrors,
  jsonPointer,
  parseJsonPointer,
  type Diagnostic,
  type Severity,
  type ValidationResult,
} from './diagnostics.ts';
export {
  createDiagnosticBuilder,
  defineDiagnosticCodes,
  type DiagnosticBuilder,
  type DiagnosticCodeInfo,
  type DiagnosticCodeTable,
  type DiagnosticExtras,
} from './diagnostic-codes.ts';
export { GRAPH_DIAGNOSTIC_CODES, type GraphDiagnosticCode } from './graph-diagnostics.ts';
export { closestMatch, didYouMean } from './closest-match.ts';
export { ENV_NAME_PATTERN, isEnvName } from './env-name.ts';
export { TIERS, TIER_NUMBERS, isTier, normalizeTier, parseTier, type Tier, type TierId } from './tiers.ts';
export {
  nodeId,
  parseNodeId,
  type DeclaredDependency,
  type DeclaredClassification,
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
export { schemaIssues, type SchemaIssueOptions } from './schema-issues.ts';
export { shellDefault, shellPrint, shellQuote, shellVar } from './emit/shell-quote.ts';
export { caddyPath, caddyQuote } from './emit/caddy-quote.ts';
export { dotenvLine } from './emit/dotenv-quote.ts';
export { quoteHcl } from './emit/hcl-quote.ts';
export { inlineText } from './emit/inline-text.ts';
export { systemdValue } from './emit/systemd-quote.ts';
export { QUANTITY_PATTERN, cpuMillicores, dockerCpus, dockerMemory, memoryMiB, parseQuantity } from './quantity.ts';
export { parseServiceJson, type ParseServiceContext, type ParsedService } from './parse-service-json.ts';
export { parseRuntimeJson, type ParseRuntimeContext, type ParsedRuntime } from './parse-runtime-json.ts';
export type { KnownNames, ManifestParseContext } from './parse-dependencies.ts';
export { parsePortRange } from './parse-service-parts.ts';
export { collectEnvNames } from './json-env-names.ts';
export { LOADER_DIAGNOSTICS, LOADER_DIAGNOSTIC_CODES, type LoaderDiagnosticCode } from './parse-diagnostics.ts';
export { parseDeploymentReport } from './parse-deployment-report.ts';
export { graphFromAnalyzerTree, type GraphFromTreeOptions } from './graph-from-analyzer-tree.ts';
export { diffGraphs, type GraphDiffOptions } from './graph-diff.ts';
export type {
  DeploymentReport,
  DeploymentReportResult,
  ReportBundleDependency,
  ReportBundleFile,
  ReportBundleManifest,
  ReportDependencyNode,
  ReportRequirements,
  ReportTierAggregate,
  ReportTierMap,
  ReportTierSupport,
} from './parse-deployment-report-types.ts';
export { stringifyCompactWorkspace, toCompactWorkspace } from './compact-export.ts';
export { compactWorkspaceJsonSchema } from './compact-schema.ts';
export type {
  CompactDependency,
  CompactDependencyObject,
  CompactEdge,
  CompactHealthCheck,
  CompactPort,
  CompactResource,
  CompactScenario,
  CompactSecret,
  CompactWorkspaceDocument,
} from './compact-types.ts';
export type {
  PackContext,
  PackResult,
  Packager,
  PackagerArtifact,
  PackagerLogEvent,
  PackagerNote,
  PackagerRun,
  RunPackagersOptions,
} from './packager.ts';
