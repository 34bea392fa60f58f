/*
 * Every finding code the planner reports, with the pre-flight stage it
 * belongs to. Stages follow the seeds' failure shape
 * (`{"status":"error","stage":"env_setup",...}`): `readiness` (fitness),
 * `env_setup` (secrets), `manifest` (validation), `environment` (overlay),
 * `target` (provider checks), `cost` (price and guardrails), `rollout`,
 * `rollback`, and `verify` (smoke checks after the deployment).
 */

/** Pre-flight stages a finding can belong to. */
export const FINDING_STAGES = ['readiness', 'env_setup', 'manifest', 'environment', 'target', 'cost', 'rollout', 'rollback', 'verify'] as const;

/** A pre-flight stage. */
export type FindingStage = (typeof FINDING_STAGES)[number];

/** What a planner finding code means and which stage it belongs to. */
export interface PlanFindingInfo {
  /** The pre-flight stage every finding of this code has. */
  readonly stage: FindingStage;
  /** One-line meaning. */
  readonly summary: string;
}

/** A planner finding code (see {@link PLAN_FINDING_CODES}). */
export type PlanFindingCode =
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

/** Finding codes and their stage. */
export const PLAN_FINDING_CODES: Readonly<Record<PlanFindingCode, PlanFindingInfo>> = {
  FITNESS_BLOCKER: { stage: 'readiness', summary: 'a required dependency cannot run on the tier' },
  FITNESS_UNKNOWN: { stage: 'readiness', summary: 'a dependency has no catalog entry, so its fitness is unknown' },
  FITNESS_NOT_CHECKED: { stage: 'readiness', summary: 'no dependency graph was given, so fitness was not checked' },
  SECRET_MISSING: { stage: 'env_setup', summary: 'a secret the operator must supply is not in the secret source' },
  SECRET_PLAN_BLOCKER: { stage: 'env_setup', summary: 'the secret plan has a blocker' },
  SECRET_GENERATED_ON_DEPLOY: { stage: 'env_setup', summary: 'a per-install secret is generated on the first deploy' },
  SECRET_REMOTE_REFERENCE: { stage: 'env_setup', summary: 'a remote secret is read from the secret store at run time' },
  MANIFEST_INVALID: { stage: 'manifest', summary: 'the manifest fails validation' },
  MANIFEST_WARNING: { stage: 'manifest', summary: 'the manifest validated with a warning' },
  MANIFEST_NOT_CLOUD: { stage: 'manifest', summary: 'the manifest is not a cloud manifest' },
  ENVIRONMENT_UNKNOWN: { stage: 'environment', summary: 'no environment has that name' },
  ENVIRONMENT_INVALID: { stage: 'environment', summary: 'an environment override is malformed' },
  ENVIRONMENT_SERVICE_UNKNOWN: { stage: 'environment', summary: 'an override names a service the manifest does not have' },
  TARGET_UNKNOWN: { stage: 'target', summary: 'no target has that id' },
  TARGET_NO_SIZE: { stage: 'target', summary: 'no machine size of the provider fits the requested resources' },
  TARGET_LOST_FEATURE: { stage: 'target', summary: 'the target cannot express something the manifest says' },
  TARGET_TIER_MISMATCH: { stage: 'target', summary: 'the manifest was assembled for another tier than the plan asks for' },
  COST_OVER_LIMIT: { stage: 'cost', summary: 'the estimate is above the hard monthly limit' },
  COST_NEEDS_CONFIRMATION: { stage: 'cost', summary: 'the estimate is above the confirmation threshold and confirmCost is not set' },
  COST_UNKNOWN: { stage: 'cost', summary: 'the target has no price data, so cost is not estimated' },
  QUOTA_EXCEEDED: { stage: 'cost', summary: 'a resource quota is exceeded' },
  ROLLOUT_UNSUPPORTED: { stage: 'rollout', summary: 'the target cannot carry out the rollout strategy' },
  ROLLOUT_EMULATED: { stage: 'rollout', summary: 'the target emulates the rollout strategy' },
  ROLLOUT_INVALID: { stage: 'rollout', summary: 'rollout parameters are out of range' },
  ROLLBACK_CHECKSUM_MISMATCH: { stage: 'rollback', summary: 'the previous manifest does not hash to its recorded checksum' },
  ROLLBACK_DATA_RISK: { stage: 'rollback', summary: 'rolling back may not undo a change to stateful services' },
  ROLLBACK_NONE: { stage: 'rollback', summary: 'there is no previous release to roll back to' },
  SMOKE_CHECK_FAILED: { stage: 'verify', summary: 'a smoke check failed against the live deployment' },
};
