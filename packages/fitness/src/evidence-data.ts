/*
 * What an observed failure costs a dependency on the tier it was seen on, as
 * data: the kinds a deployment's telemetry is classified into (see the
 * planner's telemetry rules) and the sub-score each one lowers.
 */
import type { SubScoreName } from './types.ts';

/** Kinds of failure a deployment can report. */
export const OBSERVED_FAILURE_KINDS = ['port-conflict', 'missing-secret', 'crash-loop', 'health-timeout', 'migration-failure', 'asset-missing', 'gpu-missing'] as const;

/** One kind of observed failure. */
export type ObservedFailureKind = (typeof OBSERVED_FAILURE_KINDS)[number];

/** The deduction of one kind of observed failure. */
export interface EvidencePenalty {
  /** The sub-score it lowers. */
  readonly subscore: SubScoreName;
  /** Points off that sub-score and the score (positive). */
  readonly points: number;
  /** What it says about the dependency, completed with the evidence (lower-case). */
  readonly meaning: string;
}

/** Every kind's deduction: failures of the dependency itself cost most, those of its setting least. */
export const EVIDENCE_PENALTIES: Readonly<Record<ObservedFailureKind, EvidencePenalty>> = {
  'crash-loop': { subscore: 'platform_support', points: 30, meaning: 'kept crashing until the supervisor gave up' },
  'gpu-missing': { subscore: 'resources', points: 30, meaning: 'needed a gpu the machine did not have' },
  'migration-failure': { subscore: 'platform_support', points: 20, meaning: 'failed a data migration' },
  'asset-missing': { subscore: 'platform_support', points: 20, meaning: 'shipped without a file it needs' },
  'health-timeout': { subscore: 'resources', points: 15, meaning: 'did not get healthy in time' },
  'missing-secret': { subscore: 'portability', points: 10, meaning: 'started without a secret it needs' },
  'port-conflict': { subscore: 'portability', points: 5, meaning: 'met a port already taken' },
};
