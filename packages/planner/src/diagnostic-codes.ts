/*
 * Every diagnostic code the planner reports, with its severity and the
 * pre-flight stage it belongs to. Stages follow the seeds' failure shape
 * (`{"status":"error","stage":"env_setup",...}`): `readiness` (fitness),
 * `env_setup` (secrets), `manifest` (validation), `environment` (overlay),
 * `target` (provider checks), `cost` (price and guardrails), `rollout`,
 * `rollback`, and `verify` (smoke checks after the deployment).
 */

import { createDiagnosticBuilder, defineDiagnosticCodes, type Diagnostic, type DiagnosticBuilder, type DiagnosticCodeInfo, type DiagnosticCodeTable } from '@deployment-manager/core';

/** Pre-flight stages a planner diagnostic can belong to. */
export const FINDING_STAGES = ['readiness', 'env_setup', 'manifest', 'environment', 'target', 'cost', 'rollout', 'rollback', 'verify'] as const;

/** A pre-flight stage. */
export type FindingStage = (typeof FINDING_STAGES)[number];

/** What a planner diagnostic code means, how bad it is and which pre-flight stage it belongs to. */
export interface PlanDiagnosticCodeInfo extends DiagnosticCodeInfo {
  /** The pre-flight stage every diagnostic of this code belongs to. */
  readonly stage: FindingStage;
}

/** A planner diagnostic code (see {@link PLAN_DIAGNOSTIC_CODES}). */
export type PlanDiagnosticCode =
  | 'FITNESS_BLOCKER'
  | 'FITNESS_UNKNOWN'
  | 'FITNESS_NOT_CHECKED'
  | 'SECRET_MISSING'
  | 'SECRET_PLAN_BLOCKER'
  | 'SECRET_GENERATED_ON_DEPLOY'
  | 'SECRET_REMOTE_REFERENCE'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_WARNING'
  | 'MANIFEST_NOT_CLOUD'
  | 'ENVIRONMENT_UNKNOWN'
  | 'ENVIRONMENT_INVALID'
  | 'ENVIRONMENT_SERVICE_UNKNOWN'
  | 'TARGET_UNKNOWN'
  | 'TARGET_NO_SIZE'
  | 'TARGET_LOST_FEATURE'
  | 'TARGET_TIER_MISMATCH'
  | 'COST_OVER_LIMIT'
  | 'COST_NEEDS_CONFIRMATION'
  | 'COST_UNKNOWN'
  | 'QUOTA_EXCEEDED'
  | 'ROLLOUT_UNSUPPORTED'
  | 'ROLLOUT_EMULATED'
  | 'ROLLOUT_INVALID'
  | 'ROLLBACK_CHECKSUM_MISMATCH'
  | 'ROLLBACK_DATA_RISK'
  | 'ROLLBACK_NONE'
  | 'SMOKE_CHECK_FAILED';

/** Every planner diagnostic code with its severity, stage and meaning. Tests and hosts match on codes. */
export const PLAN_DIAGNOSTIC_CODES: DiagnosticCodeTable<PlanDiagnosticCode, PlanDiagnosticCodeInfo> = defineDiagnosticCodes({
  FITNESS_BLOCKER: { severity: 'error', stage: 'readiness', summary: 'a required dependency cannot run on the tier' },
  FITNESS_UNKNOWN: { severity: 'warning', stage: 'readiness', summary: 'a dependency has no catalog entry, so its fitness is unknown' },
  FITNESS_NOT_CHECKED: { severity: 'warning', stage: 'readiness', summary: 'no dependency graph was given, so fitness was not checked' },
  SECRET_MISSING: { severity: 'error', stage: 'env_setup', summary: 'a secret the operator must supply is not in the secret source' },
  SECRET_PLAN_BLOCKER: { severity: 'error', stage: 'env_setup', summary: 'the secret plan has a blocker' },
  SECRET_GENERATED_ON_DEPLOY: { severity: 'info', stage: 'env_setup', summary: 'a per-install secret is generated on the first deploy' },
  SECRET_REMOTE_REFERENCE: { severity: 'info', stage: 'env_setup', summary: 'a remote secret is read from the secret store at run time' },
  MANIFEST_INVALID: { severity: 'error', stage: 'manifest', summary: 'the manifest fails validation' },
  MANIFEST_WARNING: { severity: 'warning', stage: 'manifest', summary: 'the manifest validated with a warning' },
  MANIFEST_NOT_CLOUD: { severity: 'error', stage: 'manifest', summary: 'the manifest is not a cloud manifest' },
  ENVIRONMENT_UNKNOWN: { severity: 'error', stage: 'environment', summary: 'no environment has that name' },
  ENVIRONMENT_INVALID: { severity: 'error', stage: 'environment', summary: 'an environment override is malformed' },
  ENVIRONMENT_SERVICE_UNKNOWN: { severity: 'error', stage: 'environment', summary: 'an override names a service the manifest does not have' },
  TARGET_UNKNOWN: { severity: 'error', stage: 'target', summary: 'no target has that id' },
  TARGET_NO_SIZE: { severity: 'error', stage: 'target', summary: 'no machine size of the provider fits the requested resources' },
  TARGET_LOST_FEATURE: { severity: 'warning', stage: 'target', summary: 'the target cannot express something the manifest says' },
  TARGET_TIER_MISMATCH: { severity: 'error', stage: 'target', summary: 'the manifest was assembled for another tier than the plan asks for' },
  COST_OVER_LIMIT: { severity: 'error', stage: 'cost', summary: 'the estimate is above the hard monthly limit' },
  COST_NEEDS_CONFIRMATION: { severity: 'error', stage: 'cost', summary: 'the estimate is above the confirmation threshold and confirmCost is not set' },
  COST_UNKNOWN: { severity: 'info', stage: 'cost', summary: 'the target has no price data, so cost is not estimated' },
  QUOTA_EXCEEDED: { severity: 'error', stage: 'cost', summary: 'a resource quota is exceeded' },
  ROLLOUT_UNSUPPORTED: { severity: 'error', stage: 'rollout', summary: 'the target cannot carry out the rollout strategy' },
  ROLLOUT_EMULATED: { severity: 'info', stage: 'rollout', summary: 'the target emulates the rollout strategy' },
  ROLLOUT_INVALID: { severity: 'error', stage: 'rollout', summary: 'rollout parameters are out of range' },
  ROLLBACK_CHECKSUM_MISMATCH: { severity: 'error', stage: 'rollback', summary: 'the previous manifest does not hash to its recorded checksum' },
  ROLLBACK_DATA_RISK: { severity: 'warning', stage: 'rollback', summary: 'rolling back may not undo a change to stateful services' },
  ROLLBACK_NONE: { severity: 'info', stage: 'rollback', summary: 'there is no previous release to roll back to' },
  SMOKE_CHECK_FAILED: { severity: 'error', stage: 'verify', summary: 'a smoke check failed against the live deployment' },
});

/** A diagnostic the planner reports: pre-flight, cost, rollout, rollback and smoke-check findings. */
export type PlanDiagnostic = Diagnostic<PlanDiagnosticCode>;

/** Builds a planner diagnostic from {@link PLAN_DIAGNOSTIC_CODES}. */
export const planDiagnostic: DiagnosticBuilder<PlanDiagnosticCode> = createDiagnosticBuilder(PLAN_DIAGNOSTIC_CODES);

/** The pre-flight stage a planner diagnostic belongs to (the `stage` of the predecessor's failure shape). */
export function stageOf(diagnostic: PlanDiagnostic): FindingStage {
  return PLAN_DIAGNOSTIC_CODES[diagnostic.code].stage;
}
