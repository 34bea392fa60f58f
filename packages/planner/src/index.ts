/**
 * Deployment planner: environments, pre-flight, cost guardrails, rollout
 * and rollback plans, manifest diffs and smoke checks; it overlays the
 * environment, sizes the host and calls the target packagers
 * (`@deployment-manager/packager-terraform`, `@deployment-manager/packager-vps`).
 *
 * @packageDocumentation
 * @module @deployment-manager/planner
 */
export { planDeployment, renderPlanFiles, type DeploymentInput, type DeploymentPlan, type PlanFailure, type PlanOutcome, type PlanSuccess } from './plan.ts';
export { PLAN_STAGES, buildStages, type PlanStage, type PlanStageId, type StageInput } from './stages.ts';
export { fitnessFindings, manifestFindings, secretFindings, type ManifestCheck } from './preflight.ts';
export {
  FINDING_STAGES,
  PLAN_DIAGNOSTIC_CODES,
  stageOf,
  type FindingStage,
  type PlanDiagnostic,
  type PlanDiagnosticCode,
  type PlanDiagnosticCodeInfo,
} from './diagnostic-codes.ts';
export type { EnvironmentOverlay, Guardrails, Quotas, RolloutSpec, SecretSource, ServiceOverride } from './environment.ts';
export { BUILTIN_ENVIRONMENTS, DEVELOPMENT, PRODUCTION, STAGING } from './environments-data.ts';
export { applyEnvironment, checkEnvironment, findEnvironment, type EnvironmentResult } from './apply-environment.ts';
export { renderHelmValues, type HelmValuesRender } from './helm-values.ts';
export { ROLLOUT_STRATEGIES, TARGETS, TARGET_IDS, isTargetId, targetServesTier, type CredentialRef, type RolloutStrategy, type StrategySupport, type TargetId, type TargetInfo } from './targets-data.ts';
export { DEFAULT_PRICE_TABLE, type HostSize, type PriceTable, type ProviderPrices } from './price-table.ts';
export { SIZING_DEFAULTS, type SizingDefaults } from './sizing-data.ts';
export { estimateCost, footprint, pickSize, type CostEstimate, type CostLine, type CostResult, type Footprint } from './cost.ts';
export { checkGuardrails } from './guardrails.ts';
export { defaultSecretSource, renderTarget, type RenderTargetOptions, type TargetRender } from './render-target.ts';
export { helmTarget, planRollout, type RolloutPlan } from './rollout.ts';
export { commandLine, shellWord, type PlanCommand } from './command-line.ts';
export { planLayout, type PlanLayout } from './plan-layout.ts';
export { planRollback, type PreviousRelease, type RollbackPlan } from './rollback.ts';
export { applyManifestDiff, diffManifests, jsonEqual, type DiffOperation, type ManifestDiff } from './manifest-diff.ts';
export { summarizeManifestChanges, type ManifestChanges, type ServiceChange } from './manifest-changes.ts';
export { writePlanFiles, type WrittenPlan } from './write-plan-files.ts';
export { buildBundle, buildCommandsFor, hasProgram, type BuildBundleOptions, type BuildCommand } from './deploy/build-bundle.ts';
export { writeRuntimeProgram } from './deploy/runtime-program.ts';
export { verify, type SmokeResult, type VerifyReport, type VerifyTargets } from './verify.ts';
export { DEPLOY_TARGETS, DEPLOY_TARGET_IDS, isDeployTargetId, type DeployTargetId, type DeployTargetInfo } from './deploy/deploy-targets.ts';
export { createLocalHost, createSshHost, runCommand, sshArgs, sshMasterExit, type CommandResult, type DeployHost, type RunOptions, type SshTarget } from './deploy/deploy-host.ts';
export { RELEASE_COMMANDS, releaseLayout, renderReleaseScript, type ReleaseCommand, type ReleaseLayout } from './deploy/release-script.ts';
export { RELEASE_RUNTIME_PATH, prepareRelease, type PreparedRelease } from './deploy/prepare-release.ts';
export { bundleSmokeChecks, healthGate, smokeRunning, type GateOptions, type GateResult } from './deploy/health-gate.ts';
export { openHostControl, openTunnel, tunnelArgs, type HostControl } from './deploy/host-control.ts';
export { releaseStatus, type ReleaseStatus } from './deploy/release-status.ts';
export { chooseSupervisor, parseSupervisorFacts, type HostSupervisor, type SupervisorChoice, type SupervisorFacts } from './deploy/host-supervisor.ts';
export { DEPLOY_OUTCOMES, appendHistory, historyLine, latestRecords, parseHistory, readHistory, type DeployOutcome, type DeployRecord, type HistoryRead } from './deploy/history.ts';
export {
  RELEASE_STAGES,
  deployRelease,
  rollbackRelease,
  rollbackTarget,
  whoAmI,
  type DeployEvent,
  type DeployIdentity,
  type DeployReleaseOptions,
  type ReleaseOptions,
  type ReleaseResult,
  type ReleaseStage,
  type RollbackReleaseOptions,
} from './deploy/deploy-release.ts';
export { deployPlan, missingTools, toolCheckOf, type DeployPlanOptions, type PlanDeployResult, type ToolCheck } from './deploy/deploy-plan.ts';
export { TELEMETRY_RULES, type TelemetryRule } from './observe/telemetry-rules.ts';
export { classifyTelemetry, findingsToEvidence, lastRun, type TelemetryFinding } from './observe/classify-telemetry.ts';
